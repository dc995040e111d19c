import { posterior } from '../../math';
import type { Bilingual, Lang, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';

/** The people of the icon array. */
export const PEOPLE = 1000;
/** The most tests in a row the card runs. */
export const MAX_TESTS = 5;

/** The topics of the language reading. */
export const TOPICS: Record<Lang, readonly string[]> = {
  en: ['sports', 'cooking', 'weather'],
  'zh-TW': ['體育', '料理', '天氣'],
};

/** A word and how likely each topic is to produce it, P(word | topic). */
export interface WordLikelihood {
  word: string;
  likelihood: readonly [number, number, number];
}

/**
 * Short sentences, written for each language, with the likelihood of each word under
 * each topic (a hand-made table: a fraction of a topic's words are this word).
 */
export const SENTENCES: Record<Lang, readonly (readonly WordLikelihood[])[]> = {
  en: [
    [
      { word: 'the', likelihood: [0.06, 0.06, 0.06] },
      { word: 'team', likelihood: [0.02, 0.002, 0.001] },
      { word: 'won', likelihood: [0.015, 0.002, 0.002] },
      { word: 'again', likelihood: [0.004, 0.003, 0.004] },
    ],
    [
      { word: 'the', likelihood: [0.06, 0.06, 0.06] },
      { word: 'pan', likelihood: [0.001, 0.015, 0.001] },
      { word: 'is', likelihood: [0.03, 0.03, 0.03] },
      { word: 'hot', likelihood: [0.003, 0.012, 0.015] },
    ],
    [
      { word: 'hot', likelihood: [0.003, 0.012, 0.015] },
      { word: 'sun', likelihood: [0.003, 0.001, 0.02] },
      { word: 'after', likelihood: [0.004, 0.004, 0.004] },
      { word: 'rain', likelihood: [0.004, 0.001, 0.025] },
    ],
  ],
  'zh-TW': [
    [
      { word: '球隊', likelihood: [0.02, 0.001, 0.001] },
      { word: '又', likelihood: [0.005, 0.004, 0.005] },
      { word: '贏了', likelihood: [0.015, 0.002, 0.002] },
      { word: '比賽', likelihood: [0.025, 0.002, 0.001] },
    ],
    [
      { word: '鍋子', likelihood: [0.001, 0.018, 0.001] },
      { word: '還', likelihood: [0.006, 0.006, 0.006] },
      { word: '很', likelihood: [0.03, 0.03, 0.03] },
      { word: '熱', likelihood: [0.003, 0.012, 0.015] },
    ],
    [
      { word: '雨', likelihood: [0.004, 0.001, 0.025] },
      { word: '後', likelihood: [0.005, 0.005, 0.005] },
      { word: '太陽', likelihood: [0.003, 0.001, 0.02] },
      { word: '很', likelihood: [0.03, 0.03, 0.03] },
      { word: '熱', likelihood: [0.003, 0.012, 0.015] },
    ],
  ],
};

/** A sentence as one line of words. */
export function sentenceText(lang: Lang, index: number): string {
  return SENTENCES[lang][index].map((w) => w.word).join(lang === 'en' ? ' ' : '');
}

const SENTENCE_OPTIONS = [0, 1, 2].map((i) => ({
  value: i,
  label: {
    en: `“${sentenceText('en', i)}”`,
    'zh-TW': `「${sentenceText('zh-TW', i)}」`,
  } as Bilingual,
}));

/** The card's params: prior, sensitivity, false-positive rate, tests taken, the sentence read. */
export const PARAMS = defineParams([
  {
    kind: 'scalar',
    name: 'prior',
    tex: 'P(D)',
    label: { en: 'prior P(ill)', 'zh-TW': '先驗機率 P(患病)' },
    slot: 1,
    min: 0.001,
    max: 0.5,
    step: 0.001,
    default: 0.01,
    scale: 'log',
  },
  {
    kind: 'scalar',
    name: 'sens',
    tex: 'P(+\\mid D)',
    label: { en: 'sensitivity P(+ | ill)', 'zh-TW': '敏感度 P(+ | 患病)' },
    slot: 2,
    min: 0.5,
    max: 1,
    step: 0.01,
    default: 0.9,
  },
  {
    kind: 'scalar',
    name: 'fpr',
    tex: 'P(+\\mid \\neg D)',
    label: { en: 'false-positive rate P(+ | healthy)', 'zh-TW': '偽陽性率 P(+ | 健康)' },
    slot: 3,
    min: 0.001,
    max: 0.5,
    step: 0.001,
    default: 0.09,
    scale: 'log',
  },
  {
    kind: 'time',
    name: 'tests',
    tex: 'k',
    label: { en: 'positive tests in a row', 'zh-TW': '連續陽性的檢驗次數' },
    slot: 4,
    max: MAX_TESTS,
    default: 1,
    speeds: [0.5, 1, 2],
    speed: 1,
  },
  {
    kind: 'choice',
    name: 'sentence',
    tex: 'w',
    label: { en: 'sentence read', 'zh-TW': '讀的句子' },
    slot: 5,
    options: SENTENCE_OPTIONS,
    default: 0,
  },
]);

/** The card's values. */
export type BayesValues = ValuesOf<typeof PARAMS>;

/** One positive test: the belief before it, the likelihood ratio, and the belief after it. */
export interface TestStep {
  prior: number;
  posterior: number;
  priorOdds: number;
  posteriorOdds: number;
  /** ln of the odds before and after (−∞/∞ never occur: the prior is in (0, 1)). */
  priorLogOdds: number;
  posteriorLogOdds: number;
}

/** How the 1000 people of the icon array split at the current test. */
export interface Counts {
  ill: number;
  truePos: number;
  falseNeg: number;
  falsePos: number;
  trueNeg: number;
  positive: number;
}

/** The posterior over topics after each prefix of the sentence. */
export interface TopicStep {
  /** The word read at this step, or null for the prior. */
  word: string | null;
  likelihood: readonly number[] | null;
  posterior: number[];
}

/** Everything the Bayes card shows. */
export interface BayesResult {
  /** Likelihood ratio P(+|ill) / P(+|healthy). */
  lr: number;
  logLr: number;
  /** Steps 1 … MAX_TESTS (all precomputed, the chain of the log-odds panel). */
  steps: TestStep[];
  /** Tests taken (0 … MAX_TESTS). */
  k: number;
  /** The belief the current diagram starts from: prior before test k (the first prior at k = 0). */
  current: number;
  /** Belief after the k tests (the prior at k = 0). */
  belief: number;
  /** Natural frequencies of the k-th test among 1000 people with prior `current`. */
  counts: Counts;
  /** The language reading, in each language's own sentence. */
  topics: Record<Lang, TopicStep[]>;
  sentence: number;
}

/** P(D | +) by Bayes' theorem, through the library's posterior over {ill, healthy}. */
export function positivePosterior(prior: number, sens: number, fpr: number): number {
  return posterior([prior, 1 - prior], [sens, fpr])[0];
}

/** The icon array's counts out of `people`: ill = round(people·prior), and so on, rounding each group. */
export function naturalCounts(prior: number, sens: number, fpr: number, people = PEOPLE): Counts {
  const ill = Math.round(people * prior);
  const truePos = Math.round(ill * sens);
  const healthy = people - ill;
  const falsePos = Math.round(healthy * fpr);
  return {
    ill,
    truePos,
    falseNeg: ill - truePos,
    falsePos,
    trueNeg: healthy - falsePos,
    positive: truePos + falsePos,
  };
}

const odds = (p: number) => p / (1 - p);
/** ln(p / (1 − p)), written with log1p for accuracy at small p. */
const logOdds = (p: number) => Math.log(p) - Math.log1p(-p);

/** Reads the card's values: prior, sensitivity, false-positive rate, tests taken, sentence. */
export function computeBayes(values: BayesValues): BayesResult {
  const { prior, sens, fpr, tests: k, sentence } = values;
  const steps: TestStep[] = [];
  // The odds are chained (× LR, + ln LR) rather than formed as p / (1 − p) from the
  // posterior, which loses its digits once the posterior nears 1.
  const lr = sens / fpr;
  const logLr = Math.log(sens) - Math.log(fpr);
  let before = prior;
  let o = odds(prior);
  let lo = logOdds(prior);
  for (let i = 0; i < MAX_TESTS; i++) {
    const after = positivePosterior(before, sens, fpr);
    steps.push({
      prior: before,
      posterior: after,
      priorOdds: o,
      posteriorOdds: o * lr,
      priorLogOdds: lo,
      posteriorLogOdds: lo + logLr,
    });
    before = after;
    o *= lr;
    lo += logLr;
  }
  const current = k === 0 ? prior : steps[k - 1].prior;
  const belief = k === 0 ? prior : steps[k - 1].posterior;
  const topics = { en: topicSteps('en', sentence), 'zh-TW': topicSteps('zh-TW', sentence) };
  return {
    lr,
    logLr,
    steps,
    k,
    current,
    belief,
    counts: naturalCounts(current, sens, fpr),
    topics,
    sentence,
  };
}

/** The posterior over topics after each prefix of a sentence in `lang` (the zh-TW sentences have their own words). */
export function topicSteps(lang: Lang, sentence: number): TopicStep[] {
  let p = [1 / 3, 1 / 3, 1 / 3];
  const out: TopicStep[] = [{ word: null, likelihood: null, posterior: p }];
  for (const w of SENTENCES[lang][sentence]) {
    p = posterior(p, w.likelihood);
    out.push({ word: w.word, likelihood: w.likelihood, posterior: p });
  }
  return out;
}
