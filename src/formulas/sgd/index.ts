import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { texFactor, texSig } from '../optimization/tex';
import { gapAnswer, runNotice, sgdWhy } from '../optimization/words';
import { PARAMS, computeSgd } from './model';
import type { SgdResult, SgdValues } from './model';
import { SgdPlot } from './SgdPlot';
import { TEXT } from './text';
import { sgdCode } from './code';

const TH = (i: string) => sym(1, `\\theta_{${i}}`);
const ETA = sym(2, '\\eta');
const MU = sym(6, '\\mu');
const B = sym(5, 'B');
const G = sym(5, 'g_B');
const V = (i: string) => sym(6, `v_{${i}}`);

/** The minibatch gradient and the momentum update. */
const TEX = `\\begin{aligned} ${G} &= \\frac{1}{|${B}|} \\sum_{i \\in ${B}} \\nabla \\ell_i(${TH('k')}) \\\\ ${V('k+1')} &= ${MU}\\, ${V('k')} + ${G}, \\qquad ${TH('k+1')} = ${TH('k')} - ${ETA}\\, ${V('k+1')} \\end{aligned}`;

function tv(v: readonly number[]): string {
  return `\\left(${v.map((x) => texSig(x)).join(',\\ ')}\\right)`;
}

function worked(r: SgdResult): string {
  const k = String(r.k);
  const shown = r.batch.slice(0, 8).map((i) => String(i + 1));
  const list = `\\{${shown.join(', ')}${r.batch.length > 8 ? ', \\dots' : ''}\\}`;
  const lines = [
    `${B}_{${k}} &= ${list}\\ (${r.batch.length})`,
    `${G}(${TH(k)}) &= ${tv(r.batchGrad)}, \\quad \\nabla L(${TH(k)}) = ${tv(r.fullGrad)}`,
  ];
  const next = r.next ? tv(r.next) : '\\infty';
  if (r.velocityNext) {
    const v = r.velocityNext;
    lines.push(
      r.velocity
        ? `${V(String(r.k + 1))} = ${MU}\\,${V(k)} + ${G} &= ${sym(6, texSig(r.mu))} \\cdot ${tv(r.velocity)} + ${tv(r.batchGrad)} = ${tv(v)}`
        : `${V('1')} = ${G} &= ${tv(v)}`,
    );
    const dir = r.nesterov ? `(${G} + ${MU}\\,${V(String(r.k + 1))})` : V(String(r.k + 1));
    lines.push(`${TH(String(r.k + 1))} = ${TH(k)} - ${ETA}\\,${dir} &= ${next}`);
  } else {
    lines.push(
      `${TH(String(r.k + 1))} = ${TH(k)} - ${ETA}\\,${G} &= ${tv(r.theta)} - ${sym(2, texFactor(r.lr))} \\cdot ${tv(r.batchGrad)} = ${next}`,
    );
  }
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    summary: (r: SgdResult, th: string, angle: string, gap: string) =>
      `Contour plot of the line-fit loss over slope w and intercept b with minibatch SGD (batch ${r.B} of 40, η = ${formatNumber(r.lr, { digits: 3, notation: 'significant' })}, momentum ${formatFixed(r.mu, 2)}${r.nesterov ? ', Nesterov' : ''}) at step ${r.k}: (w, b) = ${th}, loss above the minimum ${gap}; the batch gradient is ${angle}° off the full-batch gradient.${r.plain ? ' Plain full-batch gradient descent runs beside it.' : ''}`,
    caption: 'Every step of SGD: its batch, the batch and full-batch gradients, and the loss',
    columns: ['step k', 'w', 'b', 'loss', 'batch', 'g_B (w)', 'g_B (b)', '∇L (w)', '∇L (b)'],
  },
  'zh-TW': {
    summary: (r, th, angle, gap) =>
      `等高線圖：直線擬合的損失畫在斜率 w 與截距 b 的平面上，小批次 SGD（批次 ${r.B}/40，η = ${formatNumber(r.lr, { digits: 3, notation: 'significant', lang: 'zh-TW' })}，動量 ${formatFixed(r.mu, 2, 'zh-TW')}${r.nesterov ? '，Nesterov' : ''}）第 ${r.k} 步：(w, b) = ${th}，高出最小值的損失 ${gap}；批次梯度與全批次梯度相差 ${angle}°。${r.plain ? '旁邊同時執行一般的全批次梯度下降。' : ''}`,
    caption: 'SGD 的每一步：批次、批次梯度與全批次梯度，以及損失',
    columns: ['步數 k', 'w', 'b', '損失', '批次', 'g_B（w）', 'g_B（b）', '∇L（w）', '∇L（b）'],
  },
});

function summary(_v: SgdValues, r: SgdResult, lang: Lang): string {
  const th = `(${formatFixed(r.theta[0], 2, lang)}, ${formatFixed(r.theta[1], 2, lang)})`;
  const gap = formatNumber(r.gaps[r.k], { digits: 3, notation: 'significant', lang });
  const s = WORDS[lang].summary(r, th, formatFixed(r.angle, 0, lang), gap);
  const notice = runNotice(
    r.run,
    lang,
    r.run.status === 'diverged' ? sgdWhy(r, r.data.x.length, lang) : '',
  );
  return notice ? `${s} ${notice.text}` : s;
}

const cell = (x: number) => Number(x.toPrecision(6));

function table(v: SgdValues, r: SgdResult, lang: Lang): DataTable {
  const n = Math.min(Math.round(v.n), r.run.points.length - 1);
  return {
    caption: WORDS[lang].caption,
    columns: WORDS[lang].columns,
    rows: r.run.points.slice(0, n + 1).map((p, k) => {
      const full = r.problem.grad(p);
      return [
        k,
        cell(p[0]),
        cell(p[1]),
        cell(r.run.losses[k]),
        r.batches[k].map((i) => i + 1).join(' '),
        cell(r.run.grads[k][0]),
        cell(r.run.grads[k][1]),
        cell(full[0]),
        cell(full[1]),
      ];
    }),
  };
}

/** A full batch of all 40 points at η = 0.05, plain GD beside it, no momentum: what the presets vary. */
const FULL_BATCH = { B: 40, lr: 0.05, mu: 0, nesterov: false, plain: true } as const;

export default defineFormula({
  id: 'sgd',
  tex: TEX,
  params: PARAMS,
  compute: computeSgd,
  worked: (_values, r) => worked(r),
  Plot: SgdPlot,
  interactivePlot: true,
  answer: (_values, r, lang) => gapAnswer(r.gaps[r.k], r.k, lang),
  summary,
  table,
  presets: [
    {
      id: 'batch-of-one',
      label: { en: 'noisy: a batch of one', 'zh-TW': '雜訊大：批次只有一筆' },
      values: { ...FULL_BATCH, B: 1, n: 150, k: 150 },
      note: {
        en: 'Each step sees a single point: its gradient often points far from the full one, and the run staggers downhill and keeps jittering around the minimum.',
        'zh-TW':
          '每一步只看一個點：它的梯度常常偏離全批次梯度很遠，執行跌跌撞撞地下山，到了最小值附近還一直抖動。',
      },
    },
    {
      id: 'full-batch',
      label: { en: 'full batch: SGD is GD', 'zh-TW': '全批次：SGD 就是梯度下降' },
      values: { ...FULL_BATCH, n: 150, k: 150 },
      note: {
        en: 'A batch of all 40 points: the two arrows coincide and SGD retraces plain gradient descent exactly, slowly along the valley.',
        'zh-TW':
          '批次包含全部 40 個點：兩個箭頭重合，SGD 完全重現一般的梯度下降，沿著山谷慢慢前進。',
      },
    },
    {
      id: 'momentum',
      label: { en: 'momentum speeds up the valley', 'zh-TW': '動量加快山谷中的前進' },
      values: { ...FULL_BATCH, mu: 0.8, n: 150, k: 150 },
      note: {
        en: 'The same full-batch gradient with μ = 0.8: the zig-zag across the valley cancels out, the steps along it add up, and the run reaches the bottom long before plain GD.',
        'zh-TW':
          '同樣的全批次梯度，加上 μ = 0.8：橫越山谷的之字形互相抵消，沿著山谷的步伐不斷累加，比一般的梯度下降早得多到達谷底。',
      },
    },
    {
      id: 'nesterov',
      label: { en: 'Nesterov damps the overshoot', 'zh-TW': 'Nesterov 減少衝過頭' },
      values: { ...FULL_BATCH, mu: 0.9, nesterov: true, n: 150, k: 150 },
      note: {
        en: 'μ = 0.9 with Nesterov’s look-ahead: it steps along g + μv, which brakes before the turn; switch Nesterov off to see plain momentum swing wider.',
        'zh-TW':
          'μ = 0.9 加上 Nesterov 的前瞻：沿著 g + μv 前進，轉彎前先煞車；關掉 Nesterov，就會看到一般的動量擺得更開。',
      },
    },
    {
      id: 'too-much-momentum',
      label: { en: 'too much momentum circles', 'zh-TW': '動量太大會繞圈' },
      values: { ...FULL_BATCH, mu: 0.98, plain: false, n: 300, k: 300 },
      note: {
        en: 'With μ = 0.98 the velocity forgets only 2% a step: the run sails past the minimum and spirals around it for hundreds of steps.',
        'zh-TW': 'μ = 0.98 時速度每步只忘掉 2%：執行衝過最小值，繞著它轉上好幾百步。',
      },
    },
    {
      id: 'diverges',
      label: { en: 'diverges', 'zh-TW': '發散' },
      values: { ...FULL_BATCH, lr: 0.4, plain: false, n: 100, k: 100 },
      note: {
        en: 'η = 0.4 is past 2/L for the steep direction of this bowl (L ≈ 6): the run is thrown out across the valley, farther each step, and is stopped at its last finite point.',
        'zh-TW':
          'η = 0.4 超過了這個碗最陡方向的 2/L（L ≈ 6）：執行被甩出山谷，一步比一步遠，最後停在最後一個有限的點。',
      },
    },
  ],
  code: sgdCode,
  text: TEXT,
});
