import type { Bilingual } from '../../ui/card/types';

/**
 * The loss landscapes the optimization pages descend: 1-D curves and 2-D surfaces,
 * each a function with its gradient (`{ f, grad }`), the window it is drawn in, its
 * lowest value and the largest curvature near its minimum (for the 2/L threshold).
 */
export interface Problem {
  id: string;
  label: Bilingual;
  /** Number of coordinates, 1 or 2. */
  dim: 1 | 2;
  /** The loss L(θ). */
  f: (p: readonly number[]) => number;
  /** Its gradient ∇L(θ). */
  grad: (p: readonly number[]) => number[];
  /** The window drawn: x and (2-D) y ranges. */
  x: readonly [number, number];
  y: readonly [number, number];
  /** The global minimum value L*, so the loss chart can show L − L* on a log axis. */
  fMin: number;
  /** The minimizer θ* of the global minimum (one of them). */
  argMin: readonly number[];
  /** Largest eigenvalue of the Hessian at θ*: plain gradient descent is stable there for η < 2/L. */
  curvature: number;
  /** Saddle points (gradient 0, not a minimum), where a run can stall. */
  saddles?: readonly (readonly number[])[];
}

/** 1-D: a quadratic L(θ) = θ²/2 (curvature 1, so η < 2 converges and η > 1 oscillates). */
export const QUADRATIC: Problem = {
  id: 'quadratic',
  label: { en: 'quadratic', 'zh-TW': '二次函數' },
  dim: 1,
  f: ([x]) => 0.5 * x * x,
  grad: ([x]) => [x],
  x: [-4, 4],
  y: [-0.6, 8.6],
  fMin: 0,
  argMin: [0],
  curvature: 1,
};

const DW_TILT = 0.3;
/** The double well's lower minimum, the real root of x³ − x + tilt = 0 below −1/√3. */
const DW_MIN = (() => {
  let x = -1.1;
  for (let i = 0; i < 60; i++) x -= (x ** 3 - x + DW_TILT) / (3 * x * x - 1);
  return x;
})();
const dw = (x: number) => x ** 4 / 4 - (x * x) / 2 + DW_TILT * x;

/** 1-D: a tilted double well θ⁴/4 − θ²/2 + 0.3θ: two valleys, the left one lower. */
export const DOUBLE_WELL: Problem = {
  id: 'double-well',
  label: { en: 'double well', 'zh-TW': '雙井' },
  dim: 1,
  f: ([x]) => dw(x),
  grad: ([x]) => [x ** 3 - x + DW_TILT],
  x: [-2.2, 2.2],
  y: [-0.8, 4.4],
  fMin: dw(DW_MIN),
  argMin: [DW_MIN],
  curvature: 3 * DW_MIN * DW_MIN - 1,
};

/** The bumpy curve's global minimum, found by Newton's method from a bracketing start. */
const BUMPY_MIN = (() => {
  let x = -0.5;
  for (let i = 0; i < 60; i++) {
    const g = x / 4 + 1.2 * Math.cos(3 * x);
    const h = 0.25 - 3.6 * Math.sin(3 * x);
    x -= g / h;
  }
  return x;
})();
const bumpy = (x: number) => (x * x) / 8 + 0.4 * Math.sin(3 * x);

/** 1-D: a bumpy non-convex curve θ²/8 + 0.4 sin 3θ: a bowl with ripples and local minima. */
export const BUMPY: Problem = {
  id: 'bumpy',
  label: { en: 'bumpy', 'zh-TW': '凹凸不平' },
  dim: 1,
  f: ([x]) => bumpy(x),
  grad: ([x]) => [x / 4 + 1.2 * Math.cos(3 * x)],
  x: [-4, 4],
  y: [-0.8, 2.8],
  fMin: bumpy(BUMPY_MIN),
  argMin: [BUMPY_MIN],
  curvature: 0.25 - 3.6 * Math.sin(3 * BUMPY_MIN),
};

/** 2-D: a round bowl (x² + y²)/2, the same curvature 1 in every direction. */
export const ROUND_BOWL: Problem = {
  id: 'round-bowl',
  label: { en: 'round bowl', 'zh-TW': '圓碗' },
  dim: 2,
  f: ([x, y]) => 0.5 * (x * x + y * y),
  grad: ([x, y]) => [x, y],
  x: [-3, 3],
  y: [-3, 3],
  fMin: 0,
  argMin: [0, 0],
  curvature: 1,
};

/** The ill-conditioned bowl's steep curvature (its flat one is 1). */
export const STEEP = 10;

/** 2-D: an ill-conditioned bowl (x² + 10y²)/2: steep across, flat along (condition number 10). */
export const NARROW_BOWL: Problem = {
  id: 'narrow-bowl',
  label: { en: 'ill-conditioned bowl', 'zh-TW': '狹長的碗' },
  dim: 2,
  f: ([x, y]) => 0.5 * (x * x + STEEP * y * y),
  grad: ([x, y]) => [x, STEEP * y],
  x: [-3, 3],
  y: [-3, 3],
  fMin: 0,
  argMin: [0, 0],
  curvature: STEEP,
};

/** 2-D: Rosenbrock's valley (1 − x)² + 100(y − x²)², a curved flat-bottomed valley to (1, 1). */
export const ROSENBROCK: Problem = {
  id: 'rosenbrock',
  label: { en: "Rosenbrock's valley", 'zh-TW': 'Rosenbrock 山谷' },
  dim: 2,
  f: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  grad: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  x: [-2, 2],
  y: [-1, 3],
  fMin: 0,
  argMin: [1, 1],
  // Hessian at (1, 1) is [[802, −400], [−400, 200]]; its largest eigenvalue
  curvature: 501 + Math.sqrt(301 ** 2 + 400 ** 2),
};

/** 2-D: a saddle between two valleys x²/2 + y⁴/4 − y²/2: a saddle at the origin, minima at (0, ±1). */
export const SADDLE: Problem = {
  id: 'saddle',
  label: { en: 'saddle', 'zh-TW': '鞍點' },
  dim: 2,
  f: ([x, y]) => 0.5 * x * x + y ** 4 / 4 - 0.5 * y * y,
  grad: ([x, y]) => [x, y ** 3 - y],
  x: [-2.5, 2.5],
  y: [-2, 2],
  fMin: -0.25,
  argMin: [0, 1],
  curvature: 2,
  saddles: [[0, 0]],
};

/** The 1-D curves, in the order of their choice control. */
export const CURVES: readonly Problem[] = [QUADRATIC, DOUBLE_WELL, BUMPY];
/** The 2-D surfaces, in the order of their choice control. */
export const SURFACES: readonly Problem[] = [ROUND_BOWL, NARROW_BOWL, ROSENBROCK, SADDLE];

/** The options of a choice param over some problems (value = index). */
export function problemOptions(list: readonly Problem[]) {
  return list.map((p, i) => ({ value: i, label: p.label }));
}

/** The problem at a choice value, the first one for anything else. */
export function pick(list: readonly Problem[], i: number): Problem {
  return list[Math.round(i)] ?? list[0];
}
