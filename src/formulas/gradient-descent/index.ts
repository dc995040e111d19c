import { formatFixed, formatNumber } from '../../plots/formatNumber';
import { sym } from '../../ui/tex/sym';
import { texFactor, texSig } from '../optimization/tex';
import { defineFormula } from '../../ui/card/types';
import type { DataTable, Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { gapAnswer, runNotice } from '../optimization/words';
import { GradientDescentPlot } from './GradientDescentPlot';
import { PARAMS, computeGd } from './model';
import type { GdResult, GdValues } from './model';
import { TEXT } from './text';
import { divergeWhy } from './words';
import { gdCode } from './code';

const TH = (i: string) => sym(1, `\\theta_{${i}}`);
const ETA = sym(2, '\\eta');
const GRAD = sym(4, '\\nabla L');

/** The gradient-descent update. */
const TEX = `${TH('k+1')} = ${TH('k')} - ${ETA}\\, ${GRAD}(${TH('k')})`;

/** A number or a vector of numbers for TeX, to three significant digits. */
function tv(v: readonly number[]): string {
  const parts = v.map((x) => texSig(x));
  return parts.length === 1 ? texFactor(v[0]) : `\\left(${parts.join(',\\ ')}\\right)`;
}

function worked(r: GdResult): string {
  const k = String(r.k);
  const step = r.grad.map((g) => r.lr * g);
  const lines = [
    `${TH(k)} &= ${tv(r.theta)}, \\quad L(${TH(k)}) = ${texSig(r.loss)}`,
    `${GRAD}(${TH(k)}) &= ${tv(r.grad)}`,
    `${ETA}\\,${GRAD}(${TH(k)}) &= ${sym(2, texSig(r.lr))} \\cdot ${tv(r.grad)} = ${tv(step)}`,
    `${TH(String(r.k + 1))} = ${TH(k)} - ${ETA}\\,${GRAD}(${TH(k)}) &= ${r.next ? tv(r.next) : '\\infty'}`,
  ];
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}

const WORDS = bilingual({
  en: {
    sep: ', ',
    summary: (
      name: string,
      eta: string,
      start: string,
      k: number,
      n: number,
      th: string,
      loss: string,
      g: string,
    ) =>
      `Gradient descent on the ${name} with learning rate η = ${eta} from θ₀ = ${start}: at step ${k} of ${n}, θ = ${th}, loss ${loss}, gradient ${g}.`,
    caption: (name: string) => `Every step of gradient descent on the ${name}`,
    columns: (dim: number) =>
      dim === 1
        ? ['step k', 'θ', 'L(θ)', 'L − L*', '∇L']
        : ['step k', 'θ₁', 'θ₂', 'L(θ)', 'L − L*', '∂L/∂θ₁', '∂L/∂θ₂'],
  },
  'zh-TW': {
    sep: '、',
    summary: (name, eta, start, k, n, th, loss, g) =>
      `在${name}上以學習率 η = ${eta}、從 θ₀ = ${start} 出發做梯度下降：第 ${k} 步（共 ${n} 步）時 θ = ${th}，損失 ${loss}，梯度 ${g}。`,
    caption: (name) => `${name}上梯度下降的每一步`,
    columns: (dim) =>
      dim === 1
        ? ['步數 k', 'θ', 'L(θ)', 'L − L*', '∇L']
        : ['步數 k', 'θ₁', 'θ₂', 'L(θ)', 'L − L*', '∂L/∂θ₁', '∂L/∂θ₂'],
  },
});

const num = (x: number, lang: Lang) =>
  formatNumber(x, { digits: 3, notation: 'significant', lang });
function vecText(v: readonly number[], lang: Lang): string {
  const parts = v.map((x) => formatFixed(x, 3, lang));
  return parts.length === 1 ? parts[0] : `(${parts.join(WORDS[lang].sep)})`;
}

function summary(values: GdValues, r: GdResult, lang: Lang): string {
  const w = WORDS[lang];
  const base = w.summary(
    r.problem.label[lang],
    num(r.lr, lang),
    vecText(r.start, lang),
    r.k,
    values.n,
    vecText(r.theta, lang),
    num(r.loss, lang),
    vecText(r.grad, lang),
  );
  const notice = runNotice(r.run, lang, r.run.status === 'diverged' ? divergeWhy(r, lang) : '');
  return notice ? `${base} ${notice.text}` : base;
}

const cell = (x: number) => Number(x.toPrecision(6));

function table(r: GdResult, lang: Lang): DataTable {
  const w = WORDS[lang];
  return {
    caption: w.caption(r.problem.label[lang]),
    columns: w.columns(r.problem.dim),
    rows: r.run.points.map((p, k) => [
      k,
      ...p.map(cell),
      cell(r.run.losses[k]),
      cell(Math.max(0, r.gaps[k])),
      ...r.run.grads[k].map(cell),
    ]),
  };
}

export default defineFormula({
  id: 'gradient-descent',
  tex: TEX,
  params: PARAMS,
  compute: computeGd,
  worked: (_values, r) => worked(r),
  Plot: GradientDescentPlot,
  interactivePlot: true,
  answer: (_values, r, lang) => gapAnswer(r.gaps[r.k], r.k, lang, 0),
  summary,
  table: (_values, r, lang) => table(r, lang),
  presets: [
    {
      id: 'converges',
      label: { en: 'converges', 'zh-TW': '收斂' },
      values: { dim: 2, surface: 0, lr: 0.3, x0: 2.5, y0: 2, n: 40, k: 40 },
      note: {
        en: 'In a round bowl −∇L points straight at the centre: every step shrinks the distance by the same factor 1 − η = 0.7, a straight line on the log chart.',
        'zh-TW':
          '在圓碗裡 −∇L 直指中心：每一步都把距離乘上同樣的 1 − η = 0.7，在對數圖上是一條直線。',
      },
    },
    {
      id: 'zig-zag',
      label: { en: 'zig-zags across a narrow valley', 'zh-TW': '在狹長山谷裡之字形震盪' },
      values: { dim: 2, surface: 1, lr: 0.18, x0: -2.8, y0: 1.5, n: 60, k: 60 },
      note: {
        en: 'Across the valley the curvature is 10, so ηL = 1.8: each step overshoots the floor and flips side. Along it the curvature is 1 and the run only creeps, by 18% a step.',
        'zh-TW':
          '橫越山谷的曲率是 10，所以 ηL = 1.8：每一步都衝過谷底、換到另一側。沿著山谷的曲率只有 1，每步只前進 18%。',
      },
    },
    {
      id: 'diverges',
      label: { en: 'diverges', 'zh-TW': '發散' },
      values: { dim: 1, curve: 0, lr: 2.5, x0: 1, n: 60, k: 60 },
      note: {
        en: 'η = 2.5 on a curvature of 1 is past 2/L = 2: each step lands 1.5 times farther out, on the other side. The run is stopped when θ passes a million.',
        'zh-TW':
          '曲率 1、η = 2.5，超過了 2/L = 2：每一步都落到另一側、距離變成 1.5 倍。θ 超過一百萬時，執行就被停下來。',
      },
    },
    {
      id: 'saddle',
      label: { en: 'stuck at a saddle', 'zh-TW': '卡在鞍點' },
      values: { dim: 2, surface: 3, lr: 0.1, x0: 2, y0: 0, n: 80, k: 80 },
      note: {
        en: 'Starting exactly on the ridge θ₂ = 0, the gradient never has a θ₂ part: the run slides to the saddle at the origin and stops, though the valleys at θ₂ = ±1 are lower. Move the start up by 0.01 and play again.',
        'zh-TW':
          '剛好從稜線 θ₂ = 0 出發，梯度永遠沒有 θ₂ 分量：執行滑到原點的鞍點就停住了，儘管 θ₂ = ±1 的山谷更低。把起點往上移 0.01 再播放一次。',
      },
    },
    {
      id: 'too-small',
      label: { en: 'too small a step', 'zh-TW': '步伐太小' },
      values: { dim: 1, curve: 0, lr: 0.01, x0: 3, n: 100, k: 100 },
      note: {
        en: 'η = 0.01: after 100 steps the ball has covered only about two thirds of the way, since each step removes just 1% of the distance.',
        'zh-TW': 'η = 0.01：走了 100 步，球只走了大約三分之二的路，因為每一步只縮短 1% 的距離。',
      },
    },
    {
      id: 'local-minimum',
      label: { en: 'trapped in a local minimum', 'zh-TW': '困在局部最小值' },
      values: { dim: 1, curve: 2, lr: 0.1, x0: 2.6, n: 60, k: 60 },
      note: {
        en: 'On the bumpy curve the run settles in the nearest dip, well above the lowest one: the gradient only sees the slope where it stands.',
        'zh-TW': '在凹凸不平的曲線上，執行停在最近的凹處，比最低點高得多：梯度只看得到腳下的坡度。',
      },
    },
    {
      id: 'rosenbrock',
      label: { en: "Rosenbrock's slow valley", 'zh-TW': 'Rosenbrock 的緩慢山谷' },
      values: { dim: 2, surface: 2, lr: 0.002, x0: -1.5, y0: 2, n: 1000, k: 1000 },
      note: {
        en: 'The run drops into the curved valley in a few steps, then needs almost all of its 1,000 steps to crawl along the nearly flat floor to (1, 1). A slightly larger η (0.003) diverges on the steep walls at the start.',
        'zh-TW':
          '執行幾步就掉進彎曲的山谷，接著幾乎要用完全部 1,000 步，才沿著幾乎平坦的谷底爬到 (1, 1)。η 稍微大一點（0.003），就會在起點附近陡峭的谷壁上發散。',
      },
    },
  ],
  code: gdCode,
  text: TEXT,
});
