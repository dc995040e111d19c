import { formatFixed } from '../../plots/formatNumber';
import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { PARAMS, computeMse } from './model';
import type { MseResult } from './model';
import { MsePlot } from './MsePlot';
import { TEXT } from './text';
import { mseCode } from './code';

const N = sym(3, 'n');
const Yi = sym(1, 'y_i');
const Yhi = sym(2, '\\hat y_i');

/** Mean squared error of n targets and predictions. */
const TEX = `\\mathrm{MSE} = \\frac{1}{${N}} \\sum_{i=1}^{${N}} \\left(${Yi} - ${Yhi}\\right)^2`;

/** A slider value for TeX: one decimal when it sits on the 0.1 grid, else two. */
function val(x: number): string {
  return texNum(x, Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2);
}

/** Splits a list of TeX terms into lines of at most `per` terms joined by `+`. */
function rows(terms: string[], per: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i += per) out.push(terms.slice(i, i + per).join(' + '));
  return out;
}

function worked(r: MseResult): string {
  const n = r.n;
  const diffs = r.y.map((yi, i) => `(${sym(1, val(yi))} - ${sym(2, val(r.yhat[i]))})^2`);
  const squares = r.squares.map((s) => texNum(s, 2));
  const diffRows = rows(diffs, 4);
  const sqRows = rows(squares, 4);
  const frac = `\\tfrac{1}{${sym(3, String(n))}}`;
  const lines: string[] = [];
  diffRows.forEach((row, k) => {
    const open = k === 0 ? `\\mathrm{MSE} &= ${frac}\\big[` : '&\\qquad + ';
    const close = k === diffRows.length - 1 ? '\\big]' : '';
    lines.push(`${open}${row}${close}`);
  });
  sqRows.forEach((row, k) => {
    const open = k === 0 ? `&= ${frac}\\big(` : '&\\qquad + ';
    const close = k === sqRows.length - 1 ? '\\big)' : '';
    lines.push(`${open}${row}${close}`);
  });
  lines.push(
    `&= \\frac{${texNum(r.sum, 2)}}{${sym(3, String(n))}} = ${texNum(r.mse, 3)}, \\qquad \\sqrt{\\mathrm{MSE}} = ${texNum(r.rmse, 3)}`,
  );
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

/** The numbers of the summary, formatted. */
interface SummaryNumbers {
  squares: string;
  mse: string;
  rmse: string;
  share: number;
}

/** The words of the summary and the table. */
const WORDS = bilingual({
  en: {
    sep: ', ',
    summary: (r: MseResult, s: SummaryNumbers) =>
      `Plot of ${r.n} targets and predictions with each residual drawn as a square of side |y − ŷ|. Squared errors ${s.squares}; their mean, the MSE, is ${s.mse} (√MSE = ${s.rmse}).` +
      (r.sum > 0
        ? ` The largest, at sample ${r.largest + 1}, is ${s.share}% of the total.`
        : ' Every prediction is exact.'),
    caption: (n: number) =>
      `Targets, predictions and squared errors of ${n} samples; the last row holds the means`,
    columns: ['sample i', 'target y', 'prediction ŷ', 'residual y − ŷ', '(y − ŷ)²'],
    mean: 'mean',
  },
  'zh-TW': {
    sep: '、',
    summary: (r, s) =>
      `圖中有 ${r.n} 個目標值與預測值，每個殘差畫成邊長 |y − ŷ| 的正方形。平方誤差為 ${s.squares}；平均值，也就是 MSE，等於 ${s.mse}（√MSE = ${s.rmse}）。` +
      (r.sum > 0
        ? `最大的是樣本 ${r.largest + 1}，占總和的 ${s.share}%。`
        : '每個預測都完全正確。'),
    caption: (n) => `${n} 個樣本的目標值、預測值與平方誤差；最後一列是平均值`,
    columns: ['樣本 i', '目標 y', '預測 ŷ', '殘差 y − ŷ', '(y − ŷ)²'],
    mean: '平均',
  },
});

function summary(r: MseResult, lang: Lang): string {
  const words = WORDS[lang];
  return words.summary(r, {
    squares: r.squares.map((s) => formatFixed(s, 2, lang)).join(words.sep),
    mse: formatFixed(r.mse, 3, lang),
    rmse: formatFixed(r.rmse, 3, lang),
    share: Math.round(r.largestShare * 100),
  });
}

function round(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

function table(r: MseResult, lang: Lang): DataTable {
  const words = WORDS[lang];
  return {
    caption: words.caption(r.n),
    columns: words.columns,
    rows: [
      ...r.y.map((yi, i) => [
        i + 1,
        round(yi),
        round(r.yhat[i]),
        round(r.residuals[i]),
        round(r.squares[i]),
      ]),
      [words.mean, '', '', round(r.bias), round(r.mse)],
    ],
  };
}

export default defineFormula({
  id: 'mse',
  tex: TEX,
  params: PARAMS,
  compute: computeMse,
  worked: (_values, r) => worked(r),
  Plot: MsePlot,
  answer: (_values, r, lang) => ({
    label: lang === 'en' ? 'the mean squared error' : '均方誤差 MSE',
    tex: '\\mathrm{MSE}',
    value: r.mse,
  }),
  summary: (_values, r, lang) => summary(r, lang),
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'even-errors',
      label: { en: 'even errors', 'zh-TW': '誤差平均' },
      values: { n: 5, y: [2, 4, 5, 6, 8], yhat: [3, 3, 6, 5, 9] },
      note: {
        en: 'Five misses of exactly 1: five unit squares, mean absolute error 1 and MSE 1.',
        'zh-TW': '五個誤差都剛好是 1：五個單位正方形，平均絕對誤差 1，MSE 也是 1。',
      },
    },
    {
      id: 'one-outlier',
      label: { en: 'one outlier', 'zh-TW': '一個離群值' },
      values: { n: 5, y: [2, 4, 5, 6, 8], yhat: [2, 4, 5, 1, 8] },
      note: {
        en: 'The same total miss of 5 spent on one sample: the mean absolute error is still 1, but one 5 × 5 square makes the MSE 5.',
        'zh-TW':
          '同樣總共差了 5，卻全集中在一個樣本：平均絕對誤差仍是 1，但一個 5 × 5 的正方形讓 MSE 變成 5。',
      },
    },
    {
      id: 'perfect',
      label: { en: 'perfect fit', 'zh-TW': '完全吻合' },
      values: {
        n: 6,
        y: [2, 3.5, 5, 4.2, 6.5, 7.8, 7, 9],
        yhat: [2, 3.5, 5, 4.2, 6.5, 7.8, 7, 9],
      },
      note: {
        en: 'Every prediction equals its target: no squares at all and an MSE of 0. Nudge one prediction and watch its square grow with the square of the miss.',
        'zh-TW':
          '每個預測都等於目標值：沒有任何正方形，MSE 為 0。稍微移動一個預測值，看看它的正方形如何隨誤差的平方長大。',
      },
    },
  ],
  code: mseCode,
  text: TEXT,
});
