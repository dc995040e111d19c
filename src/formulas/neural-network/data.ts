import { createRandom, normalSample } from '../../math';
import type { Random } from '../../math';

/** The toy data sets, by choice value. */
export const DATASETS = ['circle', 'xor', 'spiral', 'moons'] as const;
export type DatasetKind = (typeof DATASETS)[number];

/** Points in a data set, train and test together. */
export const POINTS = 200;
/** The data lie in [−EXTENT, EXTENT]² (noise may carry a point a little past it). */
export const EXTENT = 1.5;

/** A labelled 2-D data set split into train and test points. */
export interface Dataset {
  /** Every point, in a seeded shuffled order: the first `trainCount` are the training set. */
  points: [number, number][];
  /** Class index of each point, 0 … classes − 1. */
  labels: number[];
  trainCount: number;
  classes: number;
}

/** A point of class k (of K) of a noiseless data set, from uniform draws u, v ∈ [0, 1). */
function clean(kind: DatasetKind, k: number, K: number, u: number, v: number): [number, number] {
  switch (kind) {
    case 'circle': {
      // rings around the origin, class 0 inside; 3 classes: a middle ring
      const bands: [number, number][] =
        K === 2
          ? [
              [0, 0.5],
              [0.85, 1.3],
            ]
          : [
              [0, 0.38],
              [0.6, 0.9],
              [1.1, 1.4],
            ];
      const [r0, r1] = bands[k];
      const r = r0 + (r1 - r0) * Math.sqrt(u);
      const a = 2 * Math.PI * v;
      return [r * Math.cos(a), r * Math.sin(a)];
    }
    case 'xor': {
      // class 0 in the quadrants where x₁x₂ > 0, class 1 in the other two (3 classes: one each)
      const first = u < 0.5;
      const x = 0.1 + 1.2 * ((2 * u) % 1);
      const y = 0.1 + 1.2 * v;
      if (k === 0) return first ? [x, y] : [-x, -y];
      if (k === 2 || (K === 2 && !first)) return [-x, y];
      return [x, -y];
    }
    case 'spiral': {
      // K arms of one and a half turns
      const t = u;
      const r = 0.1 + 1.3 * t;
      const a = 3 * Math.PI * t + (2 * Math.PI * k) / K;
      return [r * Math.cos(a), r * Math.sin(a)];
    }
    case 'moons': {
      // interleaved half circles; a third moon shifted along
      const a = Math.PI * u;
      const scale = K === 2 ? 0.75 : 0.55;
      const shift = K === 2 ? [-0.5, -0.25] : [-1, -0.25];
      const [mx, my] =
        k === 1 ? [1 - Math.cos(a), 0.5 - Math.sin(a)] : [Math.cos(a) + k, Math.sin(a)];
      return [scale * (mx + shift[0]) * 1.6, scale * (my + shift[1]) * 1.6];
    }
  }
}

/** Fisher–Yates shuffle of 0 … n − 1 with `random`. */
function permutation(n: number, random: Random): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/**
 * The seeded data set: `POINTS` points split evenly among the classes, Gaussian noise of
 * standard deviation `noise` on each coordinate, shuffled, the first `trainShare` of them
 * for training. The same arguments give the same points in every browser and in a worker.
 */
export function makeDataset(
  kind: DatasetKind,
  classes: 2 | 3,
  noise: number,
  trainShare: number,
  seed: number,
): Dataset {
  const random = createRandom(seed);
  const raw: { p: [number, number]; k: number }[] = [];
  for (let i = 0; i < POINTS; i++) {
    const k = i % classes;
    const [x, y] = clean(kind, k, classes, random(), random());
    const nx = normalSample(random, 0, 1);
    const ny = normalSample(random, 0, 1);
    raw.push({ p: [x + noise * nx, y + noise * ny], k });
  }
  const order = permutation(POINTS, random);
  const trainCount = Math.max(2, Math.min(POINTS - 2, Math.round(POINTS * trainShare)));
  return {
    points: order.map((i) => raw[i].p),
    labels: order.map((i) => raw[i].k),
    trainCount,
    classes,
  };
}
