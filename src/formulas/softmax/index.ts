import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { CONTEXT, PARAMS, TOKENS, computeSoftmax, naiveLabel } from './model';
import type { NaiveStatus, SoftmaxResult, SoftmaxValues } from './model';
import { SoftmaxPlot } from './SoftmaxPlot';
import { TEXT } from './text';
import { softmaxCode } from './code';

const Z = (i: string) => sym(1, `z_${i}`);
const T = sym(2, 'T');
const C = sym(3, 'c');
const P = (i: string) => sym(4, `p_${i}`);

/** Softmax with temperature; the shift c is added to every logit and cancels. */
const TEX = `${P('i')} = \\frac{e^{(${Z('i')} + ${C})/${T}}}{\\sum_{j=1}^{5} e^{(${Z('j')} + ${C})/${T}}}`;

function vec(xs: readonly number[], digits: number): string {
  return `\\left(${xs.map((x) => texNum(x, digits)).join(',\\ ')}\\right)`;
}

/** How the naive formula failed. */
type Failure = Exclude<NaiveStatus, 'ok'>;

/** The words of the worked example, the summary and the table. */
const WORDS = bilingual({
  en: {
    sep: ', ',
    drawnIn: (k: number, seed: number) => `drawn in ${k} (seed ${seed})`,
    naive: 'naive: ',
    failure: { overflow: 'overflow', underflow: 'underflow' },
    summary: (T: string, probs: string, H: string) =>
      `Bar chart of the next-token probabilities for “${CONTEXT.en}” at temperature T = ${T}: ${probs}; entropy ${H} nats.`,
    naiveSummary: (status: Failure) =>
      ` The naive formula ${status === 'overflow' ? 'overflows (∞/∞)' : 'underflows (0/0)'}, while the stable formula gives these values.`,
    drawn: (k: number, seed: number, list: string) =>
      ` Drawn ${k} tokens with seed ${seed}: ${list}.`,
    caption: `Softmax of the logits for “${CONTEXT.en}”, stable and naive`,
    columns: (k: number) => [
      'token',
      'z + c',
      's = (z + c)/T',
      'e^(s − max s)',
      'p (stable)',
      'p (naive)',
      `drawn in ${k}`,
    ],
    naiveCell: (label: string, failure: string) => `${label} (${failure})`,
  },
  'zh-TW': {
    sep: '、',
    drawnIn: (k, seed) => `抽 ${k} 次（種子 ${seed}）`,
    naive: '直接計算：',
    failure: { overflow: '溢位', underflow: '下溢' },
    summary: (T, probs, H) =>
      `長條圖：溫度 T = ${T} 時，「${CONTEXT['zh-TW']}」下一個詞元的機率為 ${probs}；熵為 ${H} nats。`,
    naiveSummary: (status) =>
      `直接計算的公式${status === 'overflow' ? '溢位（∞/∞）' : '下溢（0/0）'}，穩定算法則得到上述數值。`,
    drawn: (k, seed, list) => `以種子 ${seed} 抽出 ${k} 個詞元：${list}。`,
    caption: `「${CONTEXT['zh-TW']}」logits 的 Softmax：穩定算法與直接計算`,
    columns: (k) => [
      '詞元',
      'z + c',
      's = (z + c)/T',
      'e^(s − max s)',
      'p（穩定算法）',
      'p（直接計算）',
      `抽 ${k} 次`,
    ],
    naiveCell: (label, failure) => `${label}（${failure}）`,
  },
});

function worked(r: SoftmaxResult, lang: Lang): string {
  const words = WORDS[lang];
  const sDigits = r.scaled.some((x) => Math.abs(x) >= 100) ? 1 : 2;
  const lines = [
    `s = \\tfrac{${sym(1, 'z')} + ${C}}{${T}} &= ${vec(r.scaled, sDigits)}`,
    `m = \\max_j s_j &= ${texNum(r.max, sDigits)}`,
    `e^{s - m} &= ${vec(r.stableExps, 3)}`,
    `\\textstyle\\sum_j e^{s_j - m} &= ${texNum(r.stableSum, 3)}`,
    `${sym(4, 'p')} = e^{s - m} / \\textstyle\\sum_j e^{s_j - m} &= ${vec(r.p, 2)}`,
    `H(${sym(4, 'p')}) = -\\sum_i ${P('i')} \\ln ${P('i')} &= ${texNum(r.entropy, 2)}\\ \\text{nats}`,
  ];
  if (r.k > 0) {
    const word = words.drawnIn(r.k, r.seed);
    lines.push(`\\text{${word}} &= \\left(${r.drawn.join(',\\ ')}\\right)`);
  }
  if (r.naiveStatus !== 'ok') {
    const word = words.naive;
    const sum = r.naiveStatus === 'overflow' ? '\\infty' : '0';
    const ratio = r.naiveStatus === 'overflow' ? '\\infty/\\infty' : '0/0';
    const why = words.failure[r.naiveStatus];
    lines.push(
      `\\text{${word}}\\textstyle\\sum_j e^{s_j} &= ${sum} \\;\\Rightarrow\\; ${ratio}\\ \\text{(${why})}`,
    );
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

function probList(r: SoftmaxResult, lang: Lang): string {
  return TOKENS[lang].map((t, i) => `${t} ${formatFixed(r.p[i], 2, lang)}`).join(WORDS[lang].sep);
}

function drawnList(r: SoftmaxResult, lang: Lang): string {
  if (r.k === 0) return '';
  const list = TOKENS[lang].map((t, i) => `${t} ${r.drawn[i]}`);
  return WORDS[lang].drawn(r.k, r.seed, list.join(WORDS[lang].sep));
}

function summary(values: SoftmaxValues, r: SoftmaxResult, lang: Lang): string {
  const words = WORDS[lang];
  const T = formatFixed(values.T, 2, lang);
  const H = formatFixed(r.entropy, 2, lang);
  const naive = r.naiveStatus === 'ok' ? '' : words.naiveSummary(r.naiveStatus);
  return words.summary(T, probList(r, lang), H) + naive + drawnList(r, lang);
}

function round(x: number, digits = 4): number {
  return Number(x.toPrecision(digits));
}

function table(r: SoftmaxResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  return {
    caption: words.caption,
    columns: words.columns(r.k),
    rows: TOKENS[lang].map((token, i) => {
      const v = r.naive[i];
      let naive: string | number;
      if (Number.isFinite(v)) naive = round(v);
      else {
        const what = words.failure[r.naiveStatus === 'underflow' ? 'underflow' : 'overflow'];
        naive = words.naiveCell(naiveLabel(r, i), what);
      }
      return [
        token,
        round(r.logits[i], 6),
        round(r.scaled[i], 6),
        round(r.stableExps[i]),
        round(r.p[i]),
        naive,
        r.drawn[i],
      ];
    }),
  };
}

export default defineFormula({
  id: 'softmax',
  tex: TEX,
  params: PARAMS,
  compute: computeSoftmax,
  worked: (_values, r, lang) => worked(r, lang),
  Plot: SoftmaxPlot,
  // the plot's answer: the probability of the most likely token (hiding from e^{s−m} on)
  answer: (_values, r, lang) => {
    const token = TOKENS[lang][r.top];
    return {
      label: lang === 'en' ? `the probability of “${token}”` : `「${token}」的機率`,
      tex: sym(4, `p_{\\text{${token}}}`),
      value: r.p[r.top],
      range: [0, 1],
      hideFrom: 2,
    };
  },
  summary,
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'confident',
      label: { en: 'confident', 'zh-TW': '很有把握' },
      values: { z: [6, 2, 1, 0, -2], T: 0.5, c: 0 },
      note: {
        en: 'One logit far ahead and a low temperature: almost all probability lands on “mat” and the entropy is near 0.',
        'zh-TW': '一個 logit 遙遙領先、溫度又低：幾乎所有機率都落在「墊子」，熵接近 0。',
      },
    },
    {
      id: 'uncertain',
      label: { en: 'uncertain', 'zh-TW': '猶豫不決' },
      values: { z: [1, 0.8, 0.6, 0.4, 0.2], T: 3, c: 0 },
      note: {
        en: 'Close logits and a high temperature: the bars approach the uniform 1/5 line and the entropy nears ln 5 ≈ 1.61.',
        'zh-TW': 'logits 彼此接近、溫度又高：長條逼近均勻分布 1/5 的虛線，熵接近 ln 5 ≈ 1.61。',
      },
    },
    {
      id: 'huge-logits',
      label: { en: 'huge logits', 'zh-TW': '巨大 logits' },
      values: { z: [2.5, 1.2, 0.8, 0, -2], T: 1, c: 1000 },
      note: {
        en: 'Every logit is 1000 larger. The naive e^s overflows to ∞ and ∞/∞ breaks; subtracting the maximum first gives exactly the bars of c = 0.',
        'zh-TW':
          '每個 logit 都大了 1000。直接計算的 e^s 溢位成 ∞，∞/∞ 失效；先減去最大值，得到的長條與 c = 0 時完全相同。',
      },
    },
    {
      id: 'very-negative-logits',
      label: { en: 'very negative logits', 'zh-TW': '極小 logits' },
      values: { z: [2.5, 1.2, 0.8, 0, -2], T: 1, c: -1000 },
      note: {
        en: 'Every logit is 1000 smaller: each e^s underflows to 0 and the naive 0/0 breaks, yet the stable bars do not move.',
        'zh-TW':
          '每個 logit 都小了 1000：每個 e^s 都下溢成 0，直接計算變成 0/0；穩定算法的長條卻完全不動。',
      },
    },
  ],
  code: softmaxCode,
  text: TEXT,
});
