import { createRandom, normalSample } from '../../math';
import type { Problem } from '../optimization/problems';

/** Number of points in the dataset. */
export const N_POINTS = 40;
/** The line the points are drawn around, y = 1.5x − 1, and their noise. */
export const TRUE_W = 1.5;
export const TRUE_B = -1;
export const NOISE = 0.8;
/** x spans [0, 4]: the loss over (w, b) is then an ill-conditioned bowl (w and b trade off). */
export const X_MAX = 4;

/** A seeded dataset of points around a line. */
export interface LineData {
  x: number[];
  y: number[];
}

/** The 40 points of seed `seed`: x uniform in [0, 4], y = 1.5x − 1 + N(0, 0.8²). */
export function lineData(seed: number): LineData {
  const random = createRandom(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < N_POINTS; i++) {
    const xi = X_MAX * random();
    x.push(xi);
    y.push(TRUE_W * xi + TRUE_B + normalSample(random, 0, NOISE));
  }
  return { x, y };
}

/** The mean-squared-error loss ½·mean((w xᵢ + b − yᵢ)²) over the points `idx` and its gradient. */
export function batchLoss(d: LineData, idx: readonly number[], w: number, b: number): number {
  let s = 0;
  for (const i of idx) {
    const r = w * d.x[i] + b - d.y[i];
    s += r * r;
  }
  return s / (2 * idx.length);
}

/** ∇ of `batchLoss` in (w, b): the mean of rᵢ(xᵢ, 1) over the batch. */
export function batchGrad(d: LineData, idx: readonly number[], w: number, b: number): number[] {
  let gw = 0;
  let gb = 0;
  for (const i of idx) {
    const r = w * d.x[i] + b - d.y[i];
    gw += r * d.x[i];
    gb += r;
  }
  return [gw / idx.length, gb / idx.length];
}

/** The least-squares line: the (w, b) that minimizes the full-batch loss (normal equations). */
export function leastSquares(d: LineData): [number, number] {
  const n = d.x.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sx += d.x[i];
    sy += d.y[i];
    sxx += d.x[i] * d.x[i];
    sxy += d.x[i] * d.y[i];
  }
  const w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return [w, (sy - w * sx) / n];
}

/** The full-batch loss over (w, b) as a landscape: its window, minimum and curvature. */
export function dataProblem(d: LineData): Problem {
  const all = d.x.map((_, i) => i);
  const [w, b] = leastSquares(d);
  const n = d.x.length;
  const ex = d.x.reduce((a, v) => a + v, 0) / n;
  const exx = d.x.reduce((a, v) => a + v * v, 0) / n;
  // Hessian [[E x², E x], [E x, 1]]: its largest eigenvalue
  const curvature = (exx + 1) / 2 + Math.hypot((exx - 1) / 2, ex);
  return {
    id: 'line-fit',
    label: { en: 'line-fit loss', 'zh-TW': '直線擬合的損失' },
    dim: 2,
    f: ([pw, pb]) => batchLoss(d, all, pw, pb),
    grad: ([pw, pb]) => batchGrad(d, all, pw, pb),
    x: [-1.5, 4.5],
    y: [-5, 4],
    fMin: batchLoss(d, all, w, b),
    argMin: [w, b],
    curvature,
  };
}

/**
 * The minibatches of a run: step k uses the next `size` indices of a shuffled pass over
 * the data, and a new shuffle (from the seeded stream) starts when fewer than `size` are
 * left, as a data loader with `drop_last` does: no point twice in a batch, and a batch of
 * all 40 is the full batch.
 */
export function minibatches(seed: number, size: number, steps: number): number[][] {
  const random = createRandom((seed ^ 0x9e3779b9) >>> 0);
  const order = Array.from({ length: N_POINTS }, (_, i) => i);
  let at = N_POINTS;
  const out: number[][] = [];
  for (let k = 0; k < steps; k++) {
    if (at + size > N_POINTS) {
      for (let i = N_POINTS - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      at = 0;
    }
    out.push(order.slice(at, at + size));
    at += size;
  }
  return out;
}
