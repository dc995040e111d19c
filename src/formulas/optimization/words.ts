import { formatNumber } from '../../plots/formatNumber';
import type { Lang } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { DIVERGE_BOUND, type Run } from './run';

const sig = (x: number, lang: Lang, digits = 3) =>
  formatNumber(x, { digits, notation: 'significant', lang });

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** The divergence bound as a power of ten, "10⁶". */
const BOUND_TEXT = `10${String(Math.round(Math.log10(DIVERGE_BOUND)))
  .split('')
  .map((d) => SUPERSCRIPT[Number(d)])
  .join('')}`;

/** Words the optimization pages share: axis titles, handles, and what a run's end means. */
export const OPT_WORDS = bilingual({
  en: {
    theta: 'parameter θ',
    loss: 'loss L(θ)',
    x1: 'parameter θ₁',
    x2: 'parameter θ₂',
    step: 'step k',
    gap: 'L − L* (log scale)',
    offPlot: 'off the plot',
    rate: 'learning rate η',
    startHandle: 'start θ₀',
    handleRole: 'draggable start point',
    sep: ', ',
    diverged: (r: Run) =>
      `Diverged: step ${r.divergedAt} ${
        r.cause === 'bound'
          ? `threw θ past ±${BOUND_TEXT}`
          : 'overflowed the loss or its gradient to infinity'
      }, so the run stops at step ${(r.divergedAt ?? 1) - 1}, its last finite point.`,
    saddle: (at: string) =>
      `Stuck at a saddle: at ${at} the gradient is almost 0, yet this is not a minimum — the loss still falls sideways. The gradient has nothing to push along that direction, so the run waits here; a start a hair off the ridge escapes.`,
    converged: (k: number) =>
      `Converged: after ${k} steps the gradient is below 10⁻⁶, so the steps have stopped moving θ.`,
  },
  'zh-TW': {
    theta: '參數 θ',
    loss: '損失 L(θ)',
    x1: '參數 θ₁',
    x2: '參數 θ₂',
    step: '步數 k',
    gap: 'L − L*（對數刻度）',
    offPlot: '在圖外',
    rate: '學習率 η',
    startHandle: '起點 θ₀',
    handleRole: '可拖動的起點',
    sep: '、',
    diverged: (r) =>
      `發散了：第 ${r.divergedAt} 步${
        r.cause === 'bound' ? `把 θ 甩到 ±${BOUND_TEXT} 之外` : '讓損失或梯度溢位成無限大'
      }，所以這次執行停在第 ${(r.divergedAt ?? 1) - 1} 步，也就是最後一個有限的點。`,
    saddle: (at) =>
      `卡在鞍點：在 ${at} 梯度幾乎為 0，但這裡不是最小值——往旁邊走損失還會下降。梯度在那個方向上沒有任何推力，所以只能停在這裡；起點只要稍微偏離稜線，就能逃出去。`,
    converged: (k) => `收斂了：${k} 步之後梯度小於 10⁻⁶，每一步幾乎不再移動 θ。`,
  },
});

/** What a run's end means, in words, or null while it is still under way. */
export function runNotice(
  run: Run,
  lang: Lang,
  why = '',
): { kind: 'diverged' | 'saddle' | 'converged'; text: string } | null {
  const w = OPT_WORDS[lang];
  const last = run.points[run.points.length - 1];
  switch (run.status) {
    case 'diverged':
      return { kind: 'diverged', text: `${w.diverged(run)}${why ? ` ${why}` : ''}` };
    case 'saddle':
      return {
        kind: 'saddle',
        text: w.saddle(`(${last.map((v) => sig(v, lang, 2)).join(w.sep)})`),
      };
    case 'converged':
      return { kind: 'converged', text: w.converged(run.points.length - 1) };
    default:
      return null;
  }
}

/**
 * What a student predicts on an optimization page ("predict, then reveal"): how far the loss
 * is above its minimum at the step shown, L(θ_k) − L*, the height the loss chart draws.
 * `hideFrom` is the first worked line hidden (default the last).
 */
export function gapAnswer(gap: number | undefined, k: number, lang: Lang, hideFrom?: number) {
  return gap === undefined || !Number.isFinite(gap)
    ? null
    : {
        label:
          lang === 'en'
            ? `L(θ${sub(k)}) − L*, the loss above its minimum at step ${k}`
            : `L(θ${sub(k)}) − L*，第 ${k} 步時損失高出最小值多少`,
        tex: `L(\\theta_{${k}}) - L^*`,
        value: gap,
        hideFrom,
      };
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const sub = (k: number) =>
  String(k)
    .split('')
    .map((d) => SUBSCRIPT[Number(d)])
    .join('');

/**
 * The largest stable rate of (heavy-ball or Nesterov) momentum on a quadratic of curvature L:
 * η < 2(1 + μ)/L, and η < 2(1 + μ)/((1 + 2μ)L) with Nesterov's look-ahead step g + μv; plain
 * gradient descent (μ = 0) has 2/L.
 */
export function momentumBound(L: number, mu: number, nesterov: boolean): number {
  return nesterov ? (2 * (1 + mu)) / ((1 + 2 * mu) * L) : (2 * (1 + mu)) / L;
}

/** Why a run of SGD (with momentum μ, on batches of B of N points) diverged, in words. */
export function sgdWhy(
  r: { lr: number; mu: number; nesterov: boolean; B: number; problem: { curvature: number } },
  n: number,
  lang: Lang,
): string {
  const L = r.problem.curvature;
  const bound = momentumBound(L, r.mu, r.nesterov);
  const formula = r.mu === 0 ? '2/L' : r.nesterov ? '2(1 + μ)/((1 + 2μ)L)' : '2(1 + μ)/L';
  const [eta, b, l] = [sig(r.lr, lang), sig(bound, lang), sig(L, lang)];
  if (r.lr > bound)
    return lang === 'en'
      ? `The rate η = ${eta} is above ${formula} = ${b}, where L = ${l} is the steepest curvature near the minimum: each step overshoots the minimum by more than it started from. Try η below ${b}.`
      : `學習率 η = ${eta} 超過 ${formula} = ${b}（L = ${l} 是最小值附近最陡的曲率）：每一步越過最小值的距離比出發時離它還遠。試試小於 ${b} 的 η。`;
  return r.B < n
    ? lang === 'en'
      ? `The rate η = ${eta} is below ${formula} = ${b} of the whole data, but a batch of ${r.B} can be steeper than the whole: its gradient overshoots. Try a smaller η or a larger batch.`
      : `學習率 η = ${eta} 低於整份資料的 ${formula} = ${b}，但 ${r.B} 筆的小批次可能比整體更陡：它的梯度讓步伐越過頭。試試較小的 η 或較大的批次。`
    : lang === 'en'
      ? `The rate η = ${eta} is below ${formula} = ${b} near the minimum, but farther out the surface is steeper: the steps there overshoot. Try a smaller η.`
      : `學習率 η = ${eta} 低於最小值附近的 ${formula} = ${b}，但離得較遠處曲面更陡：那裡的步伐越過頭。試試較小的 η。`;
}

/**
 * Why a run of an adaptive optimizer (Adam, AdaGrad, RMSprop) diverged: its first steps move
 * every coordinate by about η whatever the gradient's size.
 */
export function adaptiveWhy(name: string, lr: number, lang: Lang): string {
  const eta = sig(lr, lang);
  return lang === 'en'
    ? `${name} first moves each coordinate by about η = ${eta}, whatever the size of the gradient (the gradient divided by its own running size is near ±1): steps that long jump across the valley and land ever higher. Try a smaller η.`
    : `${name} 一開始每個座標大約移動 η = ${eta}，不論梯度大小（梯度除以它自己的累積大小接近 ±1）：這麼長的步伐跨過山谷，落點越來越高。試試較小的 η。`;
}
