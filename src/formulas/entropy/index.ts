import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { OUTCOMES, PARAMS, computeEntropy } from './model';
import type { EntropyResult } from './model';
import { EntropyPlot } from './EntropyPlot';
import { TEXT } from './text';
import { entropyCode } from './code';

const P = (i: string) => sym(1, `p_${i}`);
const Q = (i: string) => sym(3, `q_${i}`);
const N = sym(2, 'n');

/** Entropy in bits and the cross-entropy split into entropy and KL divergence. */
const TEX = `\\begin{gathered} H(${sym(1, 'p')}) = -\\sum_{i=1}^{${N}} ${P('i')} \\log_2 ${P('i')} \\le \\log_2 ${N} \\\\ H(${sym(1, 'p')}, ${sym(3, 'q')}) = -\\sum_{i=1}^{${N}} ${P('i')} \\log_2 ${Q('i')} \\\\ = H(${sym(1, 'p')}) + D_{\\mathrm{KL}}(${sym(1, 'p')} \\,\\|\\, ${sym(3, 'q')}) \\end{gathered}`;

const WORDS = bilingual({
  en: {
    sep: ', ',
    never: 'never happens',
    summary: (n: number, list: string, bits: string, nats: string, max: string, ppl: string) =>
      `Bar chart of p over ${n} outcomes: ${list}. Entropy H(p) = ${bits} bits = ${nats} nats, at most log₂ ${n} = ${max} bits; perplexity ${ppl}, like that many equally likely choices.`,
    cross: (c: string, kl: string) =>
      ` Against q: cross-entropy H(p, q) = ${c} bits = H(p) + KL(p‖q), with KL = ${kl} bits.`,
    infinite: (list: string) =>
      ` Against q: cross-entropy and KL are infinite, since q gives probability 0 to ${list}, which p can produce.`,
    binary: (p1: string, h: string) =>
      ` Two outcomes: the point (${p1}, ${h}) on the binary-entropy curve.`,
    zero: ' Every weight of p is 0, so p is taken as uniform.',
    caption: 'Entropy of p, surprisal of each outcome, and cross-entropy against q (bits)',
    columns: ['outcome', 'p', 'surprisal −log₂ p', 'p · (−log₂ p)', 'q', 'p · (−log₂ q)'],
    infinity: '∞',
  },
  'zh-TW': {
    sep: '、',
    never: '不會發生',
    summary: (n, list, bits, nats, max, ppl) =>
      `長條圖：${n} 個結果的機率 p 為 ${list}。熵 H(p) = ${bits} bits = ${nats} nats，最大值 log₂ ${n} = ${max} bits；困惑度 ${ppl}，相當於這麼多個等可能的選擇。`,
    cross: (c, kl) => `對照 q：交叉熵 H(p, q) = ${c} bits = H(p) + KL(p‖q)，其中 KL = ${kl} bits。`,
    infinite: (list) =>
      `對照 q：交叉熵與 KL 散度為無限大，因為 q 給 ${list} 的機率是 0，而 p 會產生它。`,
    binary: (p1, h) => `兩個結果：二元熵曲線上的點 (${p1}, ${h})。`,
    zero: 'p 的權重全是 0，因此視為均勻分布。',
    caption: 'p 的熵、各結果的驚奇度，以及對照 q 的交叉熵（bits）',
    columns: ['結果', 'p', '驚奇度 −log₂ p', 'p · (−log₂ p)', 'q', 'p · (−log₂ q)'],
    infinity: '∞',
  },
});

function worked(r: EntropyResult, lang: Lang): string {
  // pᵢ · (−log₂ pᵢ): probability times surprisal, four terms a line
  const terms = r.p.map((pi, i) =>
    pi > 0 ? `${texNum(pi, 2)} \\cdot ${texNum(r.surprisal[i], 2)}` : '0',
  );
  const rows: string[] = [];
  for (let i = 0; i < terms.length; i += 4) rows.push(terms.slice(i, i + 4).join(' + '));
  const lines = [
    `H(${sym(1, 'p')}) &= ${rows.join(' \\\\ &\\quad + ')}`,
    `&= ${texNum(r.bits, 3)}\\ \\text{bits} = ${texNum(r.nats, 3)}\\ \\text{nats} \\;\\le\\; \\log_2 ${r.n} = ${texNum(r.maxBits, 3)}`,
    `2^{H(${sym(1, 'p')})} &= ${texNum(r.perplexity, 2)}`,
  ];
  if (Number.isFinite(r.cross)) {
    lines.push(
      `H(${sym(1, 'p')}, ${sym(3, 'q')}) &= ${texNum(r.bits, 3)} + ${texNum(r.kl, 3)} = ${texNum(r.cross, 3)}\\ \\text{bits}`,
    );
  } else {
    const list = r.impossible.map((i) => OUTCOMES[lang][i]).join(WORDS[lang].sep);
    lines.push(
      `H(${sym(1, 'p')}, ${sym(3, 'q')}) &= \\infty \\quad (${Q('i')} = 0 < ${P('i')}:\\ \\text{${list}})`,
    );
  }
  if (r.binary !== null) lines.push(`H(${P('1')}) &= ${texNum(r.binary, 3)}\\ \\text{bits}`);
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function summary(r: EntropyResult, lang: Lang): string {
  const words = WORDS[lang];
  const f = (x: number, d = 2) => formatFixed(x, d, lang);
  const list = r.p.map((pi, i) => `${OUTCOMES[lang][i]} ${f(pi)}`).join(words.sep);
  let s = words.summary(r.n, list, f(r.bits, 3), f(r.nats, 3), f(r.maxBits, 3), f(r.perplexity));
  if (r.pZero) s += words.zero;
  s += Number.isFinite(r.cross)
    ? words.cross(f(r.cross, 3), f(r.kl, 3))
    : words.infinite(r.impossible.map((i) => OUTCOMES[lang][i]).join(words.sep));
  if (r.binary !== null) s += words.binary(f(r.p[0]), f(r.binary, 3));
  return s;
}

const round = (x: number) => Number(x.toPrecision(4));

function table(r: EntropyResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  const inf = (x: number) => (Number.isFinite(x) ? round(x) : words.infinity);
  return {
    caption: words.caption,
    columns: [...words.columns],
    rows: r.p.map((pi, i) => [
      OUTCOMES[lang][i],
      round(pi),
      Number.isFinite(r.surprisal[i])
        ? round(r.surprisal[i])
        : `${words.infinity} (${words.never})`,
      round(r.terms[i]),
      round(r.q[i]),
      pi === 0 ? 0 : inf(-pi * Math.log2(r.q[i])),
    ]),
  };
}

export default defineFormula({
  id: 'entropy',
  tex: TEX,
  params: PARAMS,
  compute: computeEntropy,
  worked: (_values, r, lang) => worked(r, lang),
  Plot: EntropyPlot,
  interactivePlot: true,
  // H(p) in bits, on the line after the terms (four a line)
  answer: (_values, r, lang) => ({
    label: lang === 'en' ? 'the entropy H(p) in bits' : '熵 H(p)（bits）',
    tex: `H(${sym(1, 'p')})`,
    value: r.bits,
    unit: 'bits',
    range: [0, Math.log2(r.n)],
    hideFrom: Math.ceil(r.n / 4),
  }),
  summary: (_values, r, lang) => summary(r, lang),
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'uniform',
      label: { en: 'uniform: most uncertain', 'zh-TW': '均勻：最不確定' },
      values: { n: 8, w: [1, 1, 1, 1, 1, 1, 1, 1], v: [1, 1, 1, 1, 1, 1, 1, 1] },
      note: {
        en: 'Eight equally likely outcomes: every surprisal is 3 bits, H reaches its maximum log₂ 8 = 3 bits and the perplexity is exactly 8.',
        'zh-TW':
          '八個等可能的結果：每個驚奇度都是 3 bits，H 達到最大值 log₂ 8 = 3 bits，困惑度剛好是 8。',
      },
    },
    {
      id: 'peaked',
      label: { en: 'peaked: almost certain', 'zh-TW': '集中：幾乎確定' },
      values: { n: 4, w: [0.97, 0.01, 0.01, 0.01], v: [0.25, 0.25, 0.25, 0.25] },
      note: {
        en: 'One outcome takes 97%: H falls to about 0.24 bits and the perplexity near 1, while the rare outcomes are each 6.6 bits of surprise.',
        'zh-TW':
          '一個結果拿走 97%：H 降到約 0.24 bits，困惑度接近 1；罕見的結果每個帶有 6.6 bits 的驚奇度。',
      },
    },
    {
      id: 'coin',
      label: { en: 'fair coin: one bit', 'zh-TW': '公正硬幣：1 bit' },
      values: { n: 2, w: [0.5, 0.5], v: [0.9, 0.1] },
      note: {
        en: 'Two equal outcomes: the top of the binary-entropy curve, 1 bit. A model q = (0.9, 0.1) pays 1.74 bits, 0.74 of them KL.',
        'zh-TW':
          '兩個機率相同的結果：位於二元熵曲線頂端，1 bit。模型 q = (0.9, 0.1) 要付 1.74 bits，其中 0.74 是 KL 散度。',
      },
    },
    {
      id: 'model-says-impossible',
      label: { en: 'model says impossible', 'zh-TW': '模型說不可能' },
      values: { n: 4, w: [0.5, 0.25, 0.125, 0.125], v: [0.5, 0.5, 0, 0] },
      note: {
        en: 'q gives 0 to sofa and roof, which p produces: −log₂ 0 is infinite, so H(p, q) and KL are ∞. This is why models never put exactly 0 on a token.',
        'zh-TW':
          'q 給沙發和屋頂的機率是 0，但 p 會產生它們：−log₂ 0 為無限大，所以 H(p, q) 與 KL 散度都是 ∞。這正是模型從不給任何詞元剛好 0 機率的原因。',
      },
    },
  ],
  code: entropyCode,
  text: TEXT,
});
