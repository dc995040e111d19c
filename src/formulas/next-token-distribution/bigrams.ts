import type { Lang } from '../../ui/card/types';

/** A candidate next word and its logit. */
export interface Candidate {
  word: string;
  logit: number;
}

/** The key of the sentence's start, and the end mark that finishes it. */
export const START = '<s>';
export const END = '.';

const c = (word: string, logit: number): Candidate => ({ word, logit });

/**
 * A tiny hand-made next-word table for each language (about 15 words): the logits of the
 * words that may follow each word. Every word listed as a candidate has a row, except the end.
 */
export const BIGRAMS: Record<Lang, Readonly<Record<string, readonly Candidate[]>>> = {
  en: {
    [START]: [c('the', 2), c('a', 1.2)],
    the: [c('cat', 2), c('dog', 1.7), c('bird', 1.2), c('sun', 0.8), c('tree', 0.4)],
    a: [c('cat', 1.8), c('dog', 1.8), c('bird', 1.5), c('tree', 0.5)],
    cat: [c('sat', 2), c('slept', 1.6), c('sang', -0.5), c(END, 0.2)],
    dog: [c('sat', 1.4), c('slept', 1.8), c('sang', -0.8), c(END, 0.4)],
    bird: [c('sang', 2.2), c('sat', 1), c('slept', 0.5), c(END, 0.2)],
    sun: [c('shone', 2.5), c('sat', -0.5), c(END, 0.5)],
    tree: [c(END, 1.5), c('sang', -1)],
    sat: [c('on', 2), c('in', 1), c('happily', 0.8), c(END, 0.8)],
    slept: [c('on', 1.2), c('in', 1.4), c('happily', 1), c(END, 1.2)],
    sang: [c('happily', 1.5), c('in', 1), c('on', 0.3), c(END, 1.4)],
    shone: [c('on', 1.5), c('happily', 0.5), c(END, 1.8)],
    on: [c('the', 2.5), c('a', 1.5)],
    in: [c('the', 2.5), c('a', 1.3)],
    happily: [c(END, 2.5), c('on', 0.3), c('in', 0.3)],
  },
  'zh-TW': {
    [START]: [c('小貓', 2), c('小狗', 1.7), c('小鳥', 1.2), c('我', 0.5)],
    小貓: [c('坐在', 2), c('睡在', 1.5), c('跳上', 1.2), c('唱歌', -1)],
    小狗: [c('坐在', 1.5), c('睡在', 1.8), c('跳上', 1.3), c('唱歌', -1.2)],
    小鳥: [c('唱歌', 2.2), c('跳上', 1), c('坐在', 0.8)],
    我: [c('坐在', 1.5), c('睡在', 1), c('唱歌', 1), c('跳上', 0.5)],
    坐在: [c('墊子', 2), c('沙發', 1.8), c('樹', 0.5)],
    睡在: [c('沙發', 2), c('墊子', 1.5), c('樹', 0.2)],
    跳上: [c('沙發', 1.8), c('樹', 1.5), c('墊子', 1)],
    唱歌: [c('了', 1), c(END, 2)],
    墊子: [c('上', 2.5), c(END, 0.5)],
    沙發: [c('上', 2.5), c(END, 0.5)],
    樹: [c('上', 2.5), c(END, 0.3)],
    上: [c(END, 2), c('唱歌', 0.8)],
    了: [c(END, 3)],
  },
};

/** The words of a sentence as text: spaces in English, none in Chinese; the end mark as 。 in Chinese. */
export function joinWords(lang: Lang, words: readonly string[]): string {
  if (lang === 'en') return words.join(' ').replace(/ \.$/, '.');
  return words.map((w) => (w === END ? '。' : w)).join('');
}
