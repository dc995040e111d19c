import { sym, texNum } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang, Values } from '../../ui/card/types';
import { computeMse } from './model';
import type { MseResult } from './model';
import { MsePlot } from './MsePlot';
import { TEXT } from './text';

const N = sym(3, 'n');
const Yi = sym(1, 'y_i');
const Yhi = sym(2, '\\hat y_i');

/** Mean squared error of n targets and predictions. */
const TEX = `\\mathrm{MSE} = \\frac{1}{${N}} \\sum_{i=1}^{${N}} \\left(${Yi} - ${Yhi}\\right)^2`;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUBSCRIPTS[Number(d)])
    .join('');
}

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

function worked(_values: Values, r: MseResult, _lang: Lang): string {
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

function summary(_values: Values, r: MseResult, lang: Lang): string {
  const sq = r.squares.map((s) => s.toFixed(2)).join(lang === 'en' ? ', ' : '、');
  const share = Math.round(r.largestShare * 100);
  if (lang === 'en') {
    const big =
      r.sum > 0
        ? ` The largest, at sample ${r.largest + 1}, is ${share}% of the total.`
        : ' Every prediction is exact.';
    return `Plot of ${r.n} targets and predictions with each residual drawn as a square of side |y − ŷ|. Squared errors ${sq}; their mean, the MSE, is ${r.mse.toFixed(3)} (√MSE = ${r.rmse.toFixed(3)}).${big}`;
  }
  const big =
    r.sum > 0 ? `最大的是樣本 ${r.largest + 1}，占總和的 ${share}%。` : '每個預測都完全正確。';
  return `圖中有 ${r.n} 個目標值與預測值，每個殘差畫成邊長 |y − ŷ| 的正方形。平方誤差為 ${sq}；平均值，也就是 MSE，等於 ${r.mse.toFixed(3)}（√MSE = ${r.rmse.toFixed(3)}）。${big}`;
}

function round(x: number, digits = 6): number {
  return Number(x.toPrecision(digits));
}

function table(_values: Values, r: MseResult, lang: Lang): DataTable {
  const en = lang === 'en';
  return {
    caption: en
      ? `Targets, predictions and squared errors of ${r.n} samples; the last row holds the means`
      : `${r.n} 個樣本的目標值、預測值與平方誤差；最後一列是平均值`,
    columns: en
      ? ['sample i', 'target y', 'prediction ŷ', 'residual y − ŷ', '(y − ŷ)²']
      : ['樣本 i', '目標 y', '預測 ŷ', '殘差 y − ŷ', '(y − ŷ)²'],
    rows: [
      ...r.y.map((yi, i) => [
        i + 1,
        round(yi),
        round(r.yhat[i]),
        round(r.residuals[i]),
        round(r.squares[i]),
      ]),
      [en ? 'mean' : '平均', '', '', round(r.bias), round(r.mse)],
    ],
  };
}

export default defineFormula<MseResult>({
  id: 'mse',
  tex: TEX,
  params: [
    {
      kind: 'scalar',
      name: 'n',
      tex: 'n',
      label: { en: 'number of samples', 'zh-TW': '樣本數' },
      slot: 3,
      min: 5,
      max: 8,
      step: 1,
      default: 6,
      integer: true,
    },
    {
      kind: 'vector',
      name: 'y',
      tex: 'y',
      label: { en: 'targets', 'zh-TW': '目標值' },
      slot: 1,
      min: 0,
      max: 10,
      step: 0.1,
      default: [2, 3.5, 5, 4.2, 6.5, 7.8, 7, 9],
      length: { param: 'n' },
      itemLabel: (i) => `y${subscript(i + 1)}`,
    },
    {
      kind: 'vector',
      name: 'yhat',
      tex: '\\hat y',
      label: { en: 'predictions', 'zh-TW': '預測值' },
      slot: 2,
      min: 0,
      max: 10,
      step: 0.1,
      default: [2.6, 3, 5.8, 4, 5.2, 8.1, 8.4, 8.5],
      length: { param: 'n' },
      itemLabel: (i) => `ŷ${subscript(i + 1)}`,
    },
  ],
  compute: computeMse,
  worked,
  Plot: MsePlot,
  summary,
  table,
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
  text: TEXT,
  related: ['cross-entropy', 'gradient-descent', 'regularization', 'backpropagation'],
});
