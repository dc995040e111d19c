import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { joinWords } from './bigrams';
import { PARAMS, PROMPT, TOKENS, computeNextToken } from './model';
import type { NextTokenResult, NextTokenValues } from './model';
import { NextTokenPlot } from './NextTokenPlot';
import { TEXT } from './text';
import { nextTokenCode } from './code';

const Z = (i: string) => sym(1, `z_${i}`);
const T = sym(2, 'T');
const K = sym(3, 'k');
const TP = sym(4, 'p');
const M = sym(7, 'm');

/** Temperature softmax, the truncated renormalised distribution, and the chain rule of a sentence. */
const TEX =
  `\\begin{gathered} p_i = \\frac{e^{${Z('i')}/${T}}}{\\sum_j e^{${Z('j')}/${T}}}` +
  `\\qquad \\tilde p_i = \\frac{p_i\\,[\\,i \\in S_{${K},${TP}}\\,]}{\\sum_{j \\in S_{${K},${TP}}} p_j}` +
  ` \\\\ P(w_1 \\dots w_{${M}}) = \\prod_{i=1}^{${M}} P(w_i \\mid w_{<i}) \\end{gathered}`;

/** A vector in fixed digits (tiny probabilities read 0.00, as in the plot's table). */
const vec = (xs: readonly number[], d = 2) =>
  `(${xs.map((x) => (Math.abs(x) < 10 ** -d ? (0).toFixed(d) : texNum(x, d))).join(',\\,')})`;

const WORDS = bilingual({
  en: {
    sep: ', ',
    keeps: 'keeps',
    sampled: (n: number, s: number) => `${n} draws, seed ${s}`,
    sentence: 'sentence',
    summary: (prompt: string, T: string, list: string) =>
      `Sampling pipeline for “${prompt}” at temperature ${T}. Probabilities after top-k and top-p: ${list}.`,
    cutK: (k: number, list: string) => ` Top-k with k = ${k} cuts ${list}.`,
    cutP: (p: string, list: string) => ` Top-p with p = ${p} cuts ${list}.`,
    stages: (h0: string, pp0: string, h1: string, pp1: string) =>
      ` Entropy ${h0} nats (perplexity ${pp0}) after softmax, ${h1} nats (perplexity ${pp1}) as sampled.`,
    greedy: (t: string) => ` Greedy decoding: always “${t}”.`,
    draws: (n: number, s: number, list: string, gap: string) =>
      ` ${n} tokens sampled with seed ${s}: ${list}; largest gap from the probabilities ${gap}.`,
    gen: (text: string, p: string, lp: string) =>
      ` Generated sentence “${text}”, probability ${p}, summed log-probability ${lp} nats.`,
    caption: (prompt: string) => `The sampling stages for “${prompt}”, and the draws`,
    columns: [
      'token',
      'logit z',
      'z / T',
      'softmax',
      'after top-k',
      'after top-p',
      'sampled',
      'count',
    ],
    none: 'none',
  },
  'zh-TW': {
    sep: '、',
    keeps: '保留',
    sampled: (n, s) => `抽 ${n} 次，種子 ${s}`,
    sentence: '句子',
    summary: (prompt, T, list) =>
      `「${prompt}」的抽樣流程，溫度 ${T}。經過 top-k 與 top-p 之後的機率：${list}。`,
    cutK: (k, list) => `top-k（k = ${k}）刪去 ${list}。`,
    cutP: (p, list) => `top-p（p = ${p}）刪去 ${list}。`,
    stages: (h0, pp0, h1, pp1) =>
      `Softmax 之後熵為 ${h0} nats（困惑度 ${pp0}），實際抽樣的分布為 ${h1} nats（困惑度 ${pp1}）。`,
    greedy: (t) => `貪婪解碼：每次都是「${t}」。`,
    draws: (n, s, list, gap) => `以種子 ${s} 抽出 ${n} 個詞元：${list}；與機率的最大差距 ${gap}。`,
    gen: (text, p, lp) => `生成的句子「${text}」，機率 ${p}，對數機率總和 ${lp} nats。`,
    caption: (prompt) => `「${prompt}」的各抽樣階段與抽樣結果`,
    columns: [
      '詞元',
      'logit z',
      'z / T',
      'Softmax',
      'top-k 之後',
      'top-p 之後',
      '實際抽樣',
      '次數',
    ],
    none: '無',
  },
});

const text = (s: string) => `\\text{${s}}`;

function worked(v: NextTokenValues, r: NextTokenResult, lang: Lang): string {
  const words = WORDS[lang];
  const tokens = TOKENS[lang];
  const { pipe, stages } = r;
  const kept = (p: readonly number[]) =>
    p.flatMap((x, i) => (x > 0 ? [tokens[i]] : [])).join(lang === 'en' ? ', ' : '、');
  const lines = [
    `${sym(1, 'z')}/${T} &= ${vec(pipe.scaled, 1)}`,
    `p &= ${vec(pipe.softmax)}`,
    `H(p) &= ${texNum(stages.softmax.entropy, 2)},\\ e^{H} = ${texNum(stages.softmax.perplexity, 1)}`,
  ];
  if (v.useK)
    lines.push(
      `\\text{top-}${K} = ${pipe.k} &:\\ ${text(`${words.keeps} ${kept(pipe.afterK)}`)},\\ H = ${texNum(stages.afterK.entropy, 2)}`,
    );
  if (v.useP)
    lines.push(
      `\\text{top-}${TP} = ${texNum(v.p, 2)} &:\\ ${text(`${words.keeps} ${kept(pipe.afterP)}`)},\\ H = ${texNum(stages.afterP.entropy, 2)}`,
    );
  lines.push(
    `\\tilde p &= ${vec(pipe.final)}`,
    `H(\\tilde p) &= ${texNum(stages.final.entropy, 2)},\\ e^{H} = ${texNum(stages.final.perplexity, 1)}`,
  );
  if (r.draws > 0)
    lines.push(`${text(words.sampled(r.draws, r.seed))} &= (${r.counts.join(',\\,')})`);
  const gen = r.sentence[lang];
  if (gen.words.length > 0) {
    const terms = gen.words.map((x) => texNum(x.prob, 2)).join(' \\cdot ');
    lines.push(
      `P(${text(
        joinWords(
          lang,
          gen.words.map((x) => x.word),
        ),
      )}) &= ${terms} = ${texNum(gen.prob, gen.prob < 0.001 ? 6 : 4)}`,
      `\\textstyle\\sum_i \\ln P(w_i \\mid w_{<i}) &= ${texNum(gen.logProb, 2)}\\ ${text('nats')}`,
    );
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function summary(v: NextTokenValues, r: NextTokenResult, lang: Lang): string {
  const words = WORDS[lang];
  const tokens = TOKENS[lang];
  const f = (x: number, d = 2) => formatFixed(x, d, lang);
  const list = r.pipe.afterP.map((x, i) => `${tokens[i]} ${f(x)}`).join(words.sep);
  let s = words.summary(PROMPT[lang], f(v.T), list);
  const names = (cut: readonly boolean[]) =>
    cut.flatMap((c, i) => (c ? [tokens[i]] : [])).join(words.sep) || words.none;
  if (v.useK) s += words.cutK(r.pipe.k, names(r.cutK));
  if (v.useP) s += words.cutP(f(v.p), names(r.cutP));
  s += words.stages(
    f(r.stages.softmax.entropy),
    f(r.stages.softmax.perplexity, 1),
    f(r.stages.final.entropy),
    f(r.stages.final.perplexity, 1),
  );
  if (v.greedy) s += words.greedy(tokens[r.pipe.argmax]);
  if (r.draws > 0)
    s += words.draws(
      r.draws,
      r.seed,
      r.counts.map((c, i) => `${tokens[i]} ${c}`).join(words.sep),
      f(r.maxGap, 3),
    );
  const gen = r.sentence[lang];
  if (gen.words.length > 0)
    s += words.gen(
      joinWords(
        lang,
        gen.words.map((x) => x.word),
      ),
      f(gen.prob, 4),
      f(gen.logProb),
    );
  return s;
}

const round = (x: number) => Number(x.toPrecision(4));

function table(r: NextTokenResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  const { pipe } = r;
  return {
    caption: words.caption(PROMPT[lang]),
    columns: [...words.columns],
    rows: TOKENS[lang].map((t, i) => [
      t,
      round(pipe.logits[i]),
      round(pipe.scaled[i]),
      round(pipe.softmax[i]),
      round(pipe.afterK[i]),
      round(pipe.afterP[i]),
      round(pipe.final[i]),
      r.counts[i],
    ]),
  };
}

export default defineFormula({
  id: 'next-token-distribution',
  tex: TEX,
  params: PARAMS,
  compute: computeNextToken,
  worked,
  Plot: NextTokenPlot,
  interactivePlot: true,
  // the probability of the most likely token after temperature, top-k and top-p
  answer: (_v, r, lang) => {
    const p = r.pipe.final;
    const top = p.indexOf(Math.max(...p));
    const token = TOKENS[lang][top];
    return {
      label: lang === 'en' ? `the final probability of “${token}”` : `「${token}」最後的機率`,
      tex: `\\tilde p_{\\text{${token}}}`,
      value: p[top],
      range: [0, 1],
      hideFrom: 1,
    };
  },
  summary,
  table: (_v, r, lang) => table(r, lang),
  presets: [
    {
      id: 'confident',
      label: { en: 'confident: one clear favourite', 'zh-TW': '很有把握：一枝獨秀' },
      values: { z: [6, 2, 1.5, 1, 0.5, 0, -0.5, -1, -2, -5], n: 100 },
      note: {
        en: 'One logit stands 4 above the rest: “sunny” takes about 96% before any filter (perplexity about 1.3, as if choosing among 1.3 words). Top-p = 0.9 then keeps it alone, and every draw is “sunny”.',
        'zh-TW':
          '有一個 logit 比其他高出 4：過濾之前「好」就占了約 96%（困惑度約 1.3，好像只在 1.3 個詞之間選）。接著 top-p = 0.9 只留下它，每次抽到的都是「好」。',
      },
    },
    {
      id: 'unsure',
      label: { en: 'unsure: a flat distribution', 'zh-TW': '沒有把握：平坦的分布' },
      values: { z: [1, 0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.2, -1], n: 100 },
      note: {
        en: 'Nine logits within one of each other: every probability is near 0.1 and the perplexity is about 9 of a possible 10. Top-k = 6 cuts the least likely four, and the draws spread over the rest.',
        'zh-TW':
          '九個 logit 彼此相差不到 1：每個機率都接近 0.1，困惑度約 9（最多是 10）。top-k = 6 刪去最不可能的四個，抽樣分散在其餘的詞之間。',
      },
    },
    {
      id: 'sample-noise',
      label: { en: '1,000 draws: noise shrinks', 'zh-TW': '抽 1,000 次：雜訊變小' },
      values: { n: 1000 },
      note: {
        en: 'A thousand seeded draws: the bars sit within a few hundredths of the dots. Lower the count with the step control to see the noise of a handful of draws.',
        'zh-TW':
          '以種子抽 1,000 次：長條與圓點只差幾百分之一。用步進控制把次數調小，看看只抽幾次時的雜訊。',
      },
    },
    {
      id: 'cold',
      label: { en: 'cold: almost greedy', 'zh-TW': '低溫：幾乎是貪婪解碼' },
      values: { T: 0.2, n: 100 },
      note: {
        en: 'At T = 0.2 the gaps between logits are multiplied by 5: “sunny” takes nearly everything, the entropy falls near 0, and sampling becomes greedy decoding.',
        'zh-TW':
          'T = 0.2 時，logits 之間的差距放大 5 倍：幾乎全部機率都給了第一個詞元，熵接近 0，抽樣就變成貪婪解碼。',
      },
    },
    {
      id: 'hot-no-filter',
      label: { en: 'hot, no filter: nonsense', 'zh-TW': '高溫、不過濾：胡言亂語' },
      values: { T: 3, useK: false, useP: false, n: 1000 },
      note: {
        en: 'A high temperature with top-k and top-p off: even “purple” gets drawn now and then. This is how a model starts to ramble.',
        'zh-TW':
          '高溫又關掉 top-k 與 top-p：連「紫色」都會不時被抽到。模型就是這樣開始胡言亂語的。',
      },
    },
    {
      id: 'nucleus',
      label: { en: 'hot but nucleus: safe variety', 'zh-TW': '高溫加 top-p：安全的多樣性' },
      values: { T: 3, useK: false, useP: true, p: 0.6, n: 1000 },
      note: {
        en: 'The same heat with top-p = 0.6: the flat tail is greyed out, and the draws vary only among the plausible words.',
        'zh-TW': '同樣的高溫，加上 top-p = 0.6：平坦的尾巴被刪去變灰，抽樣只在合理的詞之間變化。',
      },
    },
    {
      id: 'greedy',
      label: { en: 'greedy decoding', 'zh-TW': '貪婪解碼' },
      values: { greedy: true, n: 100, g: 8 },
      note: {
        en: 'Greedy always takes the most likely word: every draw is the same, and the sentence is the same for every seed.',
        'zh-TW':
          '貪婪解碼永遠選機率最高的詞：每次抽樣都一樣，而且不論種子是什麼，生成的句子都相同。',
      },
    },
  ],
  code: nextTokenCode,
  text: TEXT,
});
