/**
 * Deterministic inputs shared by the math benchmarks: a seeded generator, the
 * vectors and matrices built from it, their float32 copies for TensorFlow.js,
 * and the Rosenbrock gradient both optimizers follow.
 */

/** A seeded uniform generator on [0, 1) (mulberry32): the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vector of `n` values drawn uniformly from [−scale, scale). */
export function randomVector(random: () => number, n: number, scale = 1): number[] {
  return Array.from({ length: n }, () => (2 * random() - 1) * scale);
}

/** A rows×cols matrix of values drawn uniformly from [−scale, scale). */
export function randomMatrix(
  random: () => number,
  rows: number,
  cols: number,
  scale = 1,
): number[][] {
  return Array.from({ length: rows }, () => randomVector(random, cols, scale));
}

/** The row-major float32 copy of a vector or matrix, the form TensorFlow.js stores. */
export function toFloat32(
  values: readonly number[] | readonly (readonly number[])[],
): Float32Array {
  return Float32Array.from((values as readonly (number | readonly number[])[]).flat());
}

/**
 * ∇f of the Rosenbrock function f(x, y) = (1 − x)² + 100(y − x²)²:
 * (−2(1 − x) − 400x(y − x²), 200(y − x²)).
 */
export function rosenbrockGradient(p: ArrayLike<number>): number[] {
  const x = p[0];
  const y = p[1];
  const r = y - x * x;
  return [-2 * (1 - x) - 400 * x * r, 200 * r];
}
