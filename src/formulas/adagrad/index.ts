import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { texSig } from '../optimization/tex';
import { gapAnswer, adaptiveWhy, runNotice } from '../optimization/words';
import { AdagradPlot } from './AdagradPlot';
import { PARAMS, computeAdagrad } from './model';
import type { AdagradResult, AdagradValues, RmsStep } from './model';
import { TEXT } from './text';
import { adagradCode } from './code';

const TH = (i: string) => sym(1, `\\theta_{${i}}`);
const ETA = sym(2, '\\eta');
const S = (i: string) => sym(4, `s_{${i}}`);

/** AdaGrad's accumulator and step, per coordinate i, on two lines (on one it is wider than the formula's box at 1280). */
const TEX = `\\begin{aligned} ${S('k+1,i')} &= ${S('k,i')} + g_{k,i}^2 \\\\ ${TH('k+1,i')} &= ${TH('k,i')} - \\frac{${ETA}}{\\sqrt{${S('k+1,i')}} + \\epsilon}\\, g_{k,i} \\end{aligned}`;

const ALPHA = sym(6, '\\alpha');
const V = (i: string) => `v_{${i}}`;
const TH_RMS = (i: string) => sym(1, `\\theta^{\\text{RMS}}_{${i}}`);

const pair = (v: readonly number[]) => `\\left(${v.map((x) => texSig(x)).join(',\\ ')}\\right)`;

/** How many worked lines RMSprop's step adds after AdaGrad's. */
const rmsLines = (m: RmsStep) => (m.vAfter && m.rate ? 5 : 2);

function worked(r: AdagradResult): string {
  const k = String(r.k);
  const k1 = String(r.k + 1);
  const lines = [`g_{${k}} &= ${pair(r.g)}`];
  if (r.sAfter && r.rateK) {
    lines.push(
      `${S(k1)} = ${S(k)} + g_{${k}}^2 &= ${pair(r.sBefore)} + ${pair(r.g.map((g) => g * g))} = ${pair(r.sAfter)}`,
    );
    lines.push(`${ETA} / \\sqrt{${S(k1)}} &= ${pair(r.rateK)}`);
  }
  lines.push(`${TH(k1)} &= ${r.next ? pair(r.next) : '\\text{—}'}`);
  const m = r.rmsStep;
  if (m) {
    // RMSprop beside it: a decaying average v in place of the sum s, on its own path
    const j = String(m.k);
    const j1 = String(m.k + 1);
    lines.push(`\\text{RMSprop: } g_{${j}} &= ${pair(m.g)}`);
    if (m.vAfter && m.rate) {
      lines.push(
        `${V(j1)} = ${ALPHA}\\,${V(j)} + (1 - ${ALPHA})\\,g_{${j}}^2 &= ${texSig(r.alpha)} \\cdot ${pair(m.vBefore)} + ${texSig(1 - r.alpha)} \\cdot g_{${j}}^2`,
      );
      lines.push(`&= ${pair(m.vAfter)}`);
      lines.push(`${ETA} / \\sqrt{${V(j1)}} &= ${pair(m.rate)}`);
    }
    lines.push(`${TH_RMS(j1)} &= ${m.next ? pair(m.next) : '\\text{—}'}`);
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    summary: (r: AdagradResult, th: string, rate: string, gap: string) =>
      `Contour plot of ${r.sparse ? `a bowl whose weak coordinate θ₂ gets a gradient only every ${r.P} steps` : 'a bowl with one steep and one flat direction'} with AdaGrad at η = ${formatNumber(r.lr, { digits: 3, notation: 'significant' })}${r.rms ? ` and RMSprop (α = ${r.alpha})` : ''} beside plain SGD: at step ${r.k}, θ = ${th}, loss above the minimum ${gap}; AdaGrad's effective rates are ${rate}.`,
    caption:
      'Every step of AdaGrad: the point, the gradient, the accumulator and the effective rate',
    columns: ['step k', 'θ₁', 'θ₂', 'g₁', 'g₂', 's₁', 's₂', 'η/√s₁', 'η/√s₂'],
  },
  'zh-TW': {
    summary: (r, th, rate, gap) =>
      `等高線圖：${r.sparse ? `微弱座標 θ₂ 的梯度每 ${r.P} 步才出現一次的碗` : '一個方向陡、一個方向平的碗'}上，以 η = ${formatNumber(r.lr, { digits: 3, notation: 'significant', lang: 'zh-TW' })} 執行 AdaGrad${r.rms ? `與 RMSprop（α = ${r.alpha}）` : ''}，並列一般的 SGD：第 ${r.k} 步時 θ = ${th}，高出最小值的損失 ${gap}；AdaGrad 的有效學習率為 ${rate}。`,
    caption: 'AdaGrad 的每一步：位置、梯度、累積量與有效學習率',
    columns: ['步數 k', 'θ₁', 'θ₂', 'g₁', 'g₂', 's₁', 's₂', 'η/√s₁', 'η/√s₂'],
  },
});

const num = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });

function summary(_v: AdagradValues, r: AdagradResult, lang: Lang): string {
  const th = `(${formatFixed(r.theta[0], 3, lang)}, ${formatFixed(r.theta[1], 3, lang)})`;
  const rate = r.rateK ? `(${r.rateK.map((x) => num(x, lang)).join(', ')})` : '—';
  const s = WORDS[lang].summary(r, th, rate, num(r.ada.gaps[r.k], lang));
  const notice = runNotice(
    r.ada.run,
    lang,
    r.ada.run.status === 'diverged' ? adaptiveWhy('AdaGrad', r.lr, lang) : '',
  );
  return notice ? `${s} ${notice.text}` : s;
}

const cell = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : '—');

function table(v: AdagradValues, r: AdagradResult, lang: Lang): DataTable {
  const run = r.ada.run;
  const n = Math.min(Math.round(v.n), run.points.length - 1);
  return {
    caption: WORDS[lang].caption,
    columns: WORDS[lang].columns,
    rows: run.points
      .slice(0, n + 1)
      .map((p, k) => [
        k,
        cell(p[0]),
        cell(p[1]),
        cell(run.grads[k][0]),
        cell(run.grads[k][1]),
        cell(r.ada.s[0][k] ?? NaN),
        cell(r.ada.s[1][k] ?? NaN),
        cell(r.ada.rate[0][k] ?? NaN),
        cell(r.ada.rate[1][k] ?? NaN),
      ]),
  };
}

export default defineFormula({
  id: 'adagrad',
  tex: TEX,
  params: PARAMS,
  compute: computeAdagrad,
  worked: (_values, r) => worked(r),
  Plot: AdagradPlot,
  interactivePlot: true,
  // predicting hides AdaGrad's θ_{k+1} and, when it is on, RMSprop's step after it
  answer: (_values, r, lang) =>
    gapAnswer(r.ada.gaps[r.k], r.k, lang, r.rmsStep ? -(rmsLines(r.rmsStep) + 1) : undefined),
  summary,
  table,
  presets: [
    {
      id: 'steep-and-flat',
      label: { en: 'one steep, one flat direction', 'zh-TW': '一個陡、一個平的方向' },
      values: { problem: 0, lr: 0.5, rms: false, x0: -2.5, y0: 2, n: 60, k: 60 },
      note: {
        en: 'The steep coordinate θ₂ collects large squared gradients at once, so its rate η/√s₂ drops far below θ₁’s: both directions end up taking steps of similar size.',
        'zh-TW':
          '陡的座標 θ₂ 一開始就累積了很大的梯度平方，學習率 η/√s₂ 降得比 θ₁ 低很多：兩個方向的步伐最後差不多大。',
      },
    },
    {
      id: 'sparse',
      label: { en: 'sparse: a rare gradient', 'zh-TW': '稀疏：罕見的梯度' },
      values: { problem: 1, lr: 1, P: 10, rms: false, x0: -2.5, y0: 2, n: 100, k: 100 },
      note: {
        en: 'θ₂ gets a gradient on one step in ten, and a weak one. Plain SGD moves it by only 10% of the way on those steps; AdaGrad divides the weak gradient by its own small √s₂, so each rare step is large: after 100 steps θ₂ is 0.006 against SGD’s 0.7.',
        'zh-TW':
          'θ₂ 每十步才有一次梯度，而且很微弱。一般的 SGD 只在那幾步移動它一成的距離；AdaGrad 把微弱的梯度除以它自己很小的 √s₂，所以每一次罕見的步伐都很大：100 步之後 θ₂ 是 0.006，SGD 卻還在 0.7。',
      },
    },
    {
      id: 'stalls',
      label: {
        en: 'AdaGrad slows down, RMSprop does not',
        'zh-TW': 'AdaGrad 越走越慢，RMSprop 不會',
      },
      values: { problem: 0, lr: 0.05, rms: true, alpha: 0.9, x0: -2.5, y0: 2, n: 400, k: 400 },
      note: {
        en: 'With a small η, AdaGrad’s sum keeps growing and its rate keeps falling, so it is still far from the minimum after 400 steps; RMSprop forgets old gradients, keeps its rate, and arrives.',
        'zh-TW':
          'η 小的時候，AdaGrad 的總和不斷增加、學習率不斷下降，走了 400 步仍離最小值很遠；RMSprop 會忘掉舊的梯度，保住學習率，最後抵達。',
      },
    },
  ],
  code: adagradCode,
  text: TEXT,
});
