import { lasso, ridgeRegression } from '../../math';

/**
 * The two-weight picture: a loss $L(w) = (w - w^*)^\top A (w - w^*)$, an
 * elliptical bowl around the unregularized optimum w*, and its penalized optima
 * $\arg\min_w L(w) + \lambda R(w)$. With $A = R^\top R$ (Cholesky), L(w) is the
 * least-squares loss ‖Rw* − Rw‖², so both optima come from the library's fits.
 */

/** The unregularized optimum w*. */
export const W_STAR: readonly [number, number] = [1.5, 0.8];
/** The bowl's matrix A (symmetric, positive definite). */
export const A: readonly [readonly [number, number], readonly [number, number]] = [
  [1, 0.4],
  [0.4, 0.5],
];
/** Upper Cholesky factor R of A: A = RᵀR. */
const R: number[][] = [
  [1, 0.4],
  [0, Math.sqrt(0.5 - 0.16)],
];
const RW: number[] = [R[0][0] * W_STAR[0] + R[0][1] * W_STAR[1], R[1][1] * W_STAR[1]];

/** The bowl L(w₁, w₂). */
export function bowl(w1: number, w2: number): number {
  const a = w1 - W_STAR[0];
  const b = w2 - W_STAR[1];
  return A[0][0] * a * a + 2 * A[0][1] * a * b + A[1][1] * b * b;
}

/** argmin L + λ‖w‖₂²: the ridge fit of ‖Rw* − Rw‖² + λ‖w‖² (no intercept). */
export function l2Optimum(lambda: number): [number, number] {
  const w = ridgeRegression(R, RW, lambda);
  return [w[0], w[1]];
}

/** argmin L + λ‖w‖₁: the lasso of (1/2n)‖Rw* − Rw‖² + λ′‖w‖₁ with n = 2, so λ′ = λ/4. */
export function l1Optimum(lambda: number): [number, number] {
  const w = lasso(R, RW, lambda / 4);
  return [w[0], w[1]];
}

/** The two optima at one λ, with the loss there and the size of the constraint region through each. */
export interface GeometryResult {
  l1: [number, number];
  l2: [number, number];
  /** L at each optimum (the level line that touches the region). */
  l1Loss: number;
  l2Loss: number;
  /** ‖w‖₁ at the L1 optimum: the diamond |w₁| + |w₂| ≤ t. */
  diamond: number;
  /** ‖w‖₂ at the L2 optimum: the circle of that radius. */
  radius: number;
}

/** Both penalized optima of the two-weight bowl at λ. */
export function geometryAt(lambda: number): GeometryResult {
  const l1 = l1Optimum(lambda);
  const l2 = l2Optimum(lambda);
  return {
    l1,
    l2,
    l1Loss: bowl(l1[0], l1[1]),
    l2Loss: bowl(l2[0], l2[1]),
    diamond: Math.abs(l1[0]) + Math.abs(l1[1]),
    radius: Math.hypot(l2[0], l2[1]),
  };
}

/**
 * Points of the level line L(w) = c, an ellipse around w*: w = w* + √c·R⁻¹(cos t, sin t),
 * since ‖R(w − w*)‖² = c there. Empty for c ≤ 0.
 */
export function levelEllipse(c: number, samples = 72): [number, number][] {
  if (!(c > 0) || !Number.isFinite(c)) return [];
  const s = Math.sqrt(c);
  const out: [number, number][] = [];
  for (let k = 0; k <= samples; k++) {
    const t = (2 * Math.PI * k) / samples;
    const u = s * Math.cos(t);
    const v = s * Math.sin(t);
    // R⁻¹ of the upper triangular R: solve R d = (u, v)
    const d2 = v / R[1][1];
    const d1 = (u - R[0][1] * d2) / R[0][0];
    out.push([W_STAR[0] + d1, W_STAR[1] + d2]);
  }
  return out;
}
