import { formatNumber } from '../../plots/formatNumber';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { sym, texNum } from '../../ui/tex/sym';
import { N_TRAIN } from './data';
import { PARAMS, computeRegularization, subscript } from './model';
import type { RegularizationResult } from './model';
import { RegularizationPlot } from './RegularizationPlot';
import { TEXT } from './text';
import { formatWeight } from './words';
import { regularizationCode } from './code';

const W = sym(1, 'w');
const L = sym(2, '\\lambda');
const D = sym(3, 'd');
const Y = sym(4, 'y');
const R = sym(5, 'R');

/** The penalized loss: the MSE of the polynomial fit plus λ times the L1 or L2 size of the weights. */
const TEX =
  `\\begin{gathered} J(${W}) = \\frac{1}{n}\\sum_{i=1}^{n}\\Big(${Y}_i - \\sum_{k=0}^{${D}} ${W}_k\\, x_i^k\\Big)^2 + ${L}\\, ${R}(${W}) \\\\` +
  ` ${R}(${W}) = \\sum_{k=1}^{${D}} |${W}_k| \\;\\;(\\mathrm{L1}) \\quad\\text{or}\\quad ${R}(${W}) = \\sum_{k=1}^{${D}} ${W}_k^2 \\;\\;(\\mathrm{L2}) \\end{gathered}`;

/** A number for TeX in three significant digits (λ from 10⁻⁸ to 10, errors, weights). */
export function texSig(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e4) {
    const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
    return texNum(Number(x.toPrecision(3)), Math.min(digits, 5));
  }
  const [m, e] = x.toExponential(2).split('e');
  const mant = m.replace(/\.?0+$/, '').replace('-', '-');
  return `${mant}\\times 10^{${Number(e)}}`;
}

/** The words of the worked example, the summary and the table. */
const WORDS = bilingual({
  en: {
    sep: ', ',
    kind: (k: 1 | 2) => (k === 1 ? 'L1 (lasso)' : 'L2 (ridge)'),
    mseWord: 'training MSE',
    heldOut: 'held-out MSE',
    twoWeights: 'two weights',
    zeros: 'weights exactly 0',
    summary: (r: RegularizationResult, s: Record<string, string>) =>
      `Five plots. A polynomial of degree ${r.degree} fitted to ${N_TRAIN} noisy points of sin(πx) with the ${s.kind} penalty at λ = ${s.lambda}: training MSE ${s.train}, held-out MSE ${s.test}` +
      (s.moved === '0' ? '. ' : `, with ${s.moved} point(s) moved by hand. `) +
      `Weights ${s.weights}; ${r.zeros} of the ${r.degree} penalized weights are exactly 0. ` +
      `The coefficient path and the error curves show every weight and both errors from λ = 10⁻⁸ to 10, the current λ marked. ` +
      `For two weights, the L1 optimum is (${s.l1}) and the L2 optimum (${s.l2}); the unregularized optimum is (1.5, 0.8).`,
    caption: (r: RegularizationResult) =>
      `Weights, training points and errors of the degree-${r.degree} fit at λ = ${formatNumber(r.lambda, { digits: 3, notation: 'significant' })}; a weight that is exactly 0 reads 0`,
    columns: ['quantity', 'value', 'x', 'drawn y', 'moved Δy', 'y', 'fit ŷ'],
    weight: (k: number) => `weight w${subscript(k)}${k === 0 ? ' (not penalized)' : ''}`,
    point: (i: number) => `point ${i}`,
    train: 'training MSE',
    test: 'held-out MSE',
    penalty: 'penalty λR(w)',
    objective: 'J(w) = MSE + λR(w)',
  },
  'zh-TW': {
    sep: '、',
    kind: (k) => (k === 1 ? 'L1（Lasso）' : 'L2（嶺迴歸）'),
    mseWord: '訓練 MSE',
    heldOut: '保留資料 MSE',
    twoWeights: '兩個權重',
    zeros: '恰好為 0 的權重',
    summary: (r, s) =>
      `五張圖。以 ${s.kind} 懲罰、λ = ${s.lambda}，用 ${r.degree} 次多項式擬合 ${N_TRAIN} 個帶雜訊的 sin(πx) 資料點：訓練 MSE ${s.train}，保留資料 MSE ${s.test}` +
      (s.moved === '0' ? '。' : `，其中 ${s.moved} 個點被手動移動過。`) +
      `權重為 ${s.weights}；${r.degree} 個受懲罰的權重中有 ${r.zeros} 個恰好為 0。` +
      `係數路徑與誤差曲線畫出 λ 從 10⁻⁸ 到 10 的每個權重與兩種誤差，並標出目前的 λ。` +
      `在兩個權重的圖中，L1 的最佳解是 (${s.l1})，L2 的最佳解是 (${s.l2})；不加正則化的最佳解是 (1.5, 0.8)。`,
    caption: (r) =>
      `λ = ${formatNumber(r.lambda, { digits: 3, notation: 'significant', lang: 'zh-TW' })} 時 ${r.degree} 次多項式擬合的權重、訓練資料點與誤差；恰好為 0 的權重寫成 0`,
    columns: ['項目', '數值', 'x', '抽出的 y', '移動量 Δy', 'y', '擬合值 ŷ'],
    weight: (k) => `權重 w${subscript(k)}${k === 0 ? '（不受懲罰）' : ''}`,
    point: (i) => `資料點 ${i}`,
    train: '訓練 MSE',
    test: '保留資料 MSE',
    penalty: '懲罰項 λR(w)',
    objective: 'J(w) = MSE + λR(w)',
  },
});

/** A list of numbers in TeX, an exact 0 as 0; `open`/`close` say whether it starts and ends the vector. */
function vec(xs: readonly number[], open = true, close = true): string {
  const body = xs.map((v) => (v === 0 ? '0' : texSig(v))).join(',\\ ');
  return `${open ? '\\big(' : ''}${body}${close ? '\\big)' : ',\\ '}`;
}

function worked(r: RegularizationResult, lang: Lang): string {
  const words = WORDS[lang];
  const Rw = r.kind === 1 ? `\\textstyle\\sum_k |${W}_k|` : `\\textstyle\\sum_k ${W}_k^2`;
  const g = r.geometry;
  const rows = [
    `J(${W}) &= \\text{MSE} + ${L}\\,${R}(${W})`,
    `&= ${texSig(r.train)} + ${sym(2, texSig(r.lambda))} \\times ${texSig(r.size)} = ${texSig(r.objective)}`,
    `${R}(${W}) &= ${Rw} = ${texSig(r.size)} \\quad \\text{${words.kind(r.kind)}}`,
  ];
  for (let k = 0; k < r.w.length; k += 4) {
    rows.push(
      `${k === 0 ? W : ''} &${k === 0 ? '=' : '\\phantom{=}'} ${vec(r.w.slice(k, k + 4), k === 0, k + 4 >= r.w.length)}`,
    );
  }
  rows.push(`\\text{${words.zeros}} &= ${r.zeros} / ${sym(3, String(r.degree))}`);
  rows.push(`\\text{${words.heldOut}} &= ${texSig(r.test)}`);
  rows.push(`${W}_{\\mathrm{L1}} &= ${vec(g.l1)} \\quad (\\text{${words.twoWeights}})`);
  rows.push(`${W}_{\\mathrm{L2}} &= ${vec(g.l2)}`);
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

function summary(r: RegularizationResult, lang: Lang): string {
  const words = WORDS[lang];
  const n = (v: number) => formatNumber(v, { digits: 3, notation: 'significant', lang });
  return words.summary(r, {
    kind: words.kind(r.kind),
    lambda: n(r.lambda),
    train: n(r.train),
    test: n(r.test),
    moved: String(r.offsets.filter((v) => v !== 0).length),
    weights: r.w.map((v, k) => `w${subscript(k)} ${formatWeight(v, lang)}`).join(words.sep),
    l1: g2(r.geometry.l1, lang),
    l2: g2(r.geometry.l2, lang),
  });
}

function g2(p: readonly [number, number], lang: Lang): string {
  return p.map((v) => (v === 0 ? '0' : formatNumber(v, { digits: 2, lang }))).join(', ');
}

/** Rounds for a table cell, keeping an exact 0 exactly 0. */
function cell(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(6));
}

function table(r: RegularizationResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  return {
    caption: words.caption(r),
    columns: words.columns,
    rows: [
      ...r.w.map((v, k) => [words.weight(k), cell(v), '', '', '', '', '']),
      ...r.x.map((x, i) => [
        words.point(i + 1),
        '',
        cell(x),
        cell(r.y0[i]),
        cell(r.offsets[i]),
        cell(r.y[i]),
        cell(r.fitted[i]),
      ]),
      [words.train, cell(r.train), '', '', '', '', ''],
      [words.penalty, cell(r.penalty), '', '', '', '', ''],
      [words.objective, cell(r.objective), '', '', '', '', ''],
      [words.test, cell(r.test), '', '', '', '', ''],
    ],
  };
}

export default defineFormula({
  id: 'regularization',
  tex: TEX,
  params: PARAMS,
  compute: computeRegularization,
  worked: (_values, r, lang) => worked(r, lang),
  Plot: RegularizationPlot,
  interactivePlot: true,
  // the held-out error: what regularization is for (its line is third from the end)
  answer: (_values, r, lang) => ({
    label:
      lang === 'en'
        ? 'the held-out error (MSE on new points)'
        : '保留資料的 MSE（新資料點上的誤差）',
    value: r.test,
    hideFrom: -3,
  }),
  summary: (_values, r, lang) => summary(r, lang),
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'overfits',
      label: { en: 'overfits', 'zh-TW': '過擬合' },
      values: { penalty: 2, lambda: 1e-8, degree: 9, seed: 2, moved: Array(N_TRAIN).fill(0) },
      note: {
        en: 'Degree 9 and almost no penalty: the curve threads nearly every training point, the training error is tiny, and the held-out error is the worst of the whole λ range.',
        'zh-TW':
          '9 次多項式又幾乎沒有懲罰：曲線幾乎穿過每個訓練點，訓練誤差極小，保留資料的誤差卻是整個 λ 範圍裡最差的。',
      },
    },
    {
      id: 'about-right',
      label: { en: 'about right', 'zh-TW': '剛剛好' },
      values: { penalty: 2, lambda: 3e-4, degree: 9, seed: 2, moved: Array(N_TRAIN).fill(0) },
      note: {
        en: 'The same degree 9, with λ near the bottom of the held-out U: the curve follows sin(πx), and the held-out error approaches the noise floor σ² = 0.09.',
        'zh-TW':
          '同樣是 9 次，λ 放在保留資料誤差 U 形曲線的谷底附近：曲線貼近 sin(πx)，保留資料誤差接近雜訊下限 σ² = 0.09。',
      },
    },
    {
      id: 'underfits',
      label: { en: 'underfits', 'zh-TW': '欠擬合' },
      values: { penalty: 2, lambda: 1, degree: 9, seed: 2, moved: Array(N_TRAIN).fill(0) },
      note: {
        en: 'λ = 1 squeezes every weight toward 0: the curve flattens toward the mean, and training and held-out errors are both high — the right arm of the U.',
        'zh-TW':
          'λ = 1 把每個權重都壓向 0：曲線變得平坦、接近平均值，訓練與保留資料誤差都偏高，這是 U 形的右半邊。',
      },
    },
    {
      id: 'sparse',
      label: { en: 'sparse', 'zh-TW': '稀疏' },
      values: { penalty: 1, lambda: 0.03, degree: 9, seed: 2, moved: Array(N_TRAIN).fill(0) },
      note: {
        en: 'L1 at λ = 0.03: most of the nine penalized weights are exactly 0 (ringed in the bars, 0 in the table), and the fit uses only a few powers of x.',
        'zh-TW':
          'L1、λ = 0.03：九個受懲罰的權重大多恰好為 0（長條圖中圈起來，表格裡寫 0），擬合只用到少數幾個 x 的次方。',
      },
    },
    {
      id: 'outlier',
      label: { en: 'one outlier', 'zh-TW': '一個離群值' },
      values: {
        penalty: 2,
        lambda: 1e-6,
        degree: 9,
        seed: 2,
        moved: [0, 0, 0, 0, 0, 0, 0, 2.5, 0, 0, 0, 0],
      },
      note: {
        en: 'Point 8 is pulled up by 2.5. With little penalty the degree-9 curve bends far toward it; raise λ and watch the curve let go of the outlier.',
        'zh-TW':
          '第 8 個點被往上拉了 2.5。懲罰很小時，9 次曲線會大幅彎向它；把 λ 調大，看曲線如何放開這個離群值。',
      },
    },
  ],
  code: regularizationCode,
  text: TEXT,
});
