import { createRandom, normalSample } from '../../math';

/** Training points of the fit. */
export const N_TRAIN = 12;
/** Held-out points, drawn from the same curve and noise, never fitted. */
export const N_TEST = 60;
/** Standard deviation of the noise on every point. */
export const NOISE = 0.3;
/** The points' x run over [−X_SPAN, X_SPAN]. */
export const X_SPAN = 1;

/** The curve the points are drawn around: $f(x) = \sin(\pi x)$. */
export function trueCurve(x: number): number {
  return Math.sin(Math.PI * x);
}

/** A seeded draw of the data set: training x and y (before any point is moved) and the held-out set. */
export interface DataSet {
  x: number[];
  /** The drawn y of each training point; the reader's offsets are added to these. */
  y0: number[];
  testX: number[];
  testY: number[];
}

/**
 * The data of a seed: 12 training x spread evenly over [−1, 1] with a seeded
 * jitter of at most ±0.3 of their spacing (so no two coincide), y = sin(πx) +
 * N(0, 0.3²); then 60 held-out points at evenly spaced x with their own noise.
 */
export function drawData(seed: number): DataSet {
  const random = createRandom(seed);
  const spacing = (2 * X_SPAN) / N_TRAIN;
  const x: number[] = [];
  const y0: number[] = [];
  for (let i = 0; i < N_TRAIN; i++) {
    const xi = -X_SPAN + spacing * (i + 0.5 + 0.6 * (random() - 0.5));
    x.push(xi);
    y0.push(trueCurve(xi) + normalSample(random, 0, NOISE));
  }
  const testX: number[] = [];
  const testY: number[] = [];
  for (let i = 0; i < N_TEST; i++) {
    const xi = -X_SPAN + (2 * X_SPAN * (i + 0.5)) / N_TEST;
    testX.push(xi);
    testY.push(trueCurve(xi) + normalSample(random, 0, NOISE));
  }
  return { x, y0, testX, testY };
}
