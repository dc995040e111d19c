import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learningRate, type LearningRateSchedule } from '../../src/math/schedules';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/** The literal formula of the contract's table: etaMin + (lr − etaMin)(1 + cos(π t / T)) / 2. */
function cosineTable(lr: number, etaMin: number, t: number, T: number): number {
  return etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * t) / T))) / 2;
}

const rates = (schedule: LearningRateSchedule, n: number): number[] =>
  Array.from({ length: n }, (_, t) => learningRate(schedule, t));

describe('learningRate hand values', () => {
  it("learningRate({ name: 'constant' }) is lr at every step", () => {
    expect(rates({ name: 'constant', lr: 0.3 }, 5)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
  });

  it("learningRate({ name: 'step', stepSize: 3, gamma: 0.5 }) halves every 3 steps, from step 0", () => {
    expectAllClose(
      rates({ name: 'step', lr: 1, stepSize: 3, gamma: 0.5 }, 10),
      [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125],
    );
    // gamma defaults to 0.1.
    expectAllClose(rates({ name: 'step', lr: 2, stepSize: 2 }, 5), [2, 2, 0.2, 0.2, 0.02]);
  });

  it("learningRate({ name: 'exponential' }) is lr·γ^t", () => {
    expectAllClose(
      rates({ name: 'exponential', lr: 0.5, gamma: 0.5 }, 5),
      [0.5, 0.25, 0.125, 0.0625, 0.03125],
    );
  });

  it("learningRate({ name: 'cosine', tMax: 4 }) is 1, (1 + √½)/2, ½, (1 − √½)/2, 0, then 0", () => {
    const c1 = (1 + Math.SQRT1_2) / 2;
    const c3 = (1 - Math.SQRT1_2) / 2;
    expectAllClose(rates({ name: 'cosine', lr: 1, tMax: 4 }, 7), [1, c1, 0.5, c3, 0, 0, 0]);
    // With etaMin = 0.2: 0.2 + 0.8·(the above), and 0.2 after tMax.
    expectAllClose(rates({ name: 'cosine', lr: 1, tMax: 4, etaMin: 0.2 }, 6), [
      1,
      0.2 + 0.8 * c1,
      0.6,
      0.2 + 0.8 * c3,
      0.2,
      0.2,
    ]);
  });

  it("learningRate({ name: 'warmup-cosine', warmupSteps: 2, tMax: 6 }) warms up to lr, then cosines to 0", () => {
    const c1 = (1 + Math.SQRT1_2) / 2;
    const c3 = (1 - Math.SQRT1_2) / 2;
    expectAllClose(rates({ name: 'warmup-cosine', lr: 1, warmupSteps: 2, tMax: 6 }, 9), [
      0.5,
      1,
      1,
      c1,
      0.5,
      c3,
      0,
      0,
      0,
    ]);
    // warmupSteps = 0 is the plain cosine.
    expect(
      rates({ name: 'warmup-cosine', lr: 0.1, warmupSteps: 0, tMax: 7, etaMin: 0.01 }, 10),
    ).toEqual(rates({ name: 'cosine', lr: 0.1, tMax: 7, etaMin: 0.01 }, 10));
  });

  it('learningRate(cosine) agrees with the table formula wherever that formula is accurate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tMax, lr, etaFrac, tFrac) => {
          const etaMin = lr * etaFrac;
          const t = Math.floor(tFrac * tMax);
          expectClose(
            learningRate({ name: 'cosine', lr, tMax, etaMin }, t),
            cosineTable(lr, etaMin, t, tMax),
            { rel: 1e-9, abs: 1e-12 * lr },
          );
        },
      ),
    );
  });

  it('learningRate(cosine) stays accurate one step before a large tMax: sin²(π/2T) by its Taylor series', () => {
    for (const T of [1e4, 1e6, 1e8]) {
      const x = Math.PI / (2 * T);
      const sinX = x - x ** 3 / 6 + x ** 5 / 120;
      expectClose(learningRate({ name: 'cosine', lr: 1, tMax: T }, T - 1), sinX * sinX, {
        rel: 1e-12,
      });
    }
  });

  it('learningRate(exponential) stays finite and accurate when γ^t overflows or underflows but lr·γ^t does not', () => {
    // 1e-300 · 10^400 = 1e100; 1e300 · 0.1^400 = 1e-100.
    expectClose(learningRate({ name: 'exponential', lr: 1e-300, gamma: 10 }, 400), 1e100, {
      rel: 1e-12,
    });
    expectClose(learningRate({ name: 'exponential', lr: 1e300, gamma: 0.1 }, 400), 1e-100, {
      rel: 1e-12,
    });
    expectClose(learningRate({ name: 'step', lr: 1e300, stepSize: 2, gamma: 0.1 }, 801), 1e-100, {
      rel: 1e-12,
    });
  });
});

describe('learningRate properties', () => {
  const cosineArb = fc
    .tuple(
      fc.integer({ min: 1, max: 2000 }),
      fc.double({ min: 1e-6, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([tMax, lr, f]) => ({ name: 'cosine' as const, lr, tMax, etaMin: lr * f }));

  it('learningRate(cosine) lies in [etaMin, lr] at every step, also after tMax', () => {
    fc.assert(
      fc.property(cosineArb, fc.nat({ max: 5000 }), (s, t) => {
        const r = learningRate(s, t);
        expect(r).toBeGreaterThanOrEqual(s.etaMin);
        expect(r).toBeLessThanOrEqual(s.lr);
      }),
    );
  });

  it('learningRate(cosine) is continuous: consecutive steps differ by at most (lr − etaMin)·π/(2 tMax), across tMax too', () => {
    fc.assert(
      fc.property(cosineArb, fc.double({ min: 0, max: 1.2, noNaN: true }), (s, f) => {
        const t = Math.floor(f * s.tMax);
        const bound = ((s.lr - s.etaMin) * Math.PI) / (2 * s.tMax) + 1e-15 * s.lr;
        expect(Math.abs(learningRate(s, t + 1) - learningRate(s, t))).toBeLessThanOrEqual(bound);
        // At the boundary the cosine has reached etaMin, which then holds.
        expectClose(learningRate(s, s.tMax), s.etaMin, { abs: 1e-15 * s.lr });
        expect(learningRate(s, s.tMax + 1)).toBe(s.etaMin);
      }),
    );
  });

  it('learningRate(warmup-cosine) rises by lr/warmupSteps a step, meets lr at the warm-up boundary from both sides, and is continuous after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 1200 }),
        (tMax, wFrac, lr, etaFrac, t) => {
          const warmupSteps = Math.floor(wFrac * tMax);
          const s = { name: 'warmup-cosine' as const, lr, warmupSteps, tMax, etaMin: lr * etaFrac };
          const r = learningRate(s, t);
          expect(r).toBeGreaterThanOrEqual(t < warmupSteps ? 0 : s.etaMin);
          expect(r).toBeLessThanOrEqual(lr * (1 + 1e-15));
          if (warmupSteps > 0) {
            expectClose(learningRate(s, warmupSteps - 1), lr, { rel: 1e-15 });
            expectClose(learningRate(s, warmupSteps), lr, { rel: 1e-15 });
          }
          const jump = Math.abs(learningRate(s, t + 1) - r);
          const cosineBound = ((lr - s.etaMin) * Math.PI) / (2 * (tMax - warmupSteps));
          const bound = t + 1 < warmupSteps ? lr / warmupSteps : cosineBound;
          expect(jump).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-15 * lr);
        },
      ),
    );
  });

  it('learningRate(step) is constant within each stepSize block and multiplies by γ across blocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.nat({ max: 500 }),
        (stepSize, gamma, t) => {
          const s = { name: 'step' as const, lr: 0.1, stepSize, gamma };
          const next = learningRate(s, t + 1);
          const here = learningRate(s, t);
          if ((t + 1) % stepSize === 0) expectClose(next, here * gamma, { rel: 1e-12 });
          else expect(next).toBe(here);
        },
      ),
    );
  });
});

describe('learningRate bad input', () => {
  const bad = (s: unknown): LearningRateSchedule => s as LearningRateSchedule;

  it('learningRate rejects a non-object or an unknown name, naming schedule / schedule.name', () => {
    expectRangeError(() => learningRate(bad(null), 0), /learningRate: schedule must be a schedule/);
    expectRangeError(() => learningRate(bad('cosine'), 0), /learningRate: schedule must be/);
    expectRangeError(
      () => learningRate(bad({ name: 'linear', lr: 1 }), 0),
      /learningRate: schedule\.name must be one of constant, step/,
    );
  });

  it('learningRate rejects lr ≤ 0, NaN or infinite, naming schedule.lr', () => {
    for (const lr of [0, -1, NaN, Infinity, undefined]) {
      expectRangeError(
        () => learningRate(bad({ name: 'constant', lr }), 0),
        /learningRate: schedule\.lr must be > 0/,
      );
    }
  });

  it('learningRate rejects gamma ≤ 0 or NaN, naming schedule.gamma', () => {
    for (const gamma of [0, -0.5, NaN, Infinity]) {
      expectRangeError(
        () => learningRate({ name: 'step', lr: 1, stepSize: 2, gamma }, 0),
        /learningRate: schedule\.gamma must be > 0/,
      );
      expectRangeError(
        () => learningRate({ name: 'exponential', lr: 1, gamma }, 0),
        /learningRate: schedule\.gamma must be > 0/,
      );
    }
    expectRangeError(
      () => learningRate(bad({ name: 'exponential', lr: 1 }), 0),
      /schedule\.gamma must be > 0/,
    );
  });

  it('learningRate rejects stepSize or tMax that is not a positive integer, naming it', () => {
    for (const n of [0, -1, 1.5, NaN, Infinity, undefined]) {
      expectRangeError(
        () => learningRate(bad({ name: 'step', lr: 1, stepSize: n }), 0),
        /learningRate: schedule\.stepSize must be a positive integer/,
      );
      expectRangeError(
        () => learningRate(bad({ name: 'cosine', lr: 1, tMax: n }), 0),
        /learningRate: schedule\.tMax must be a positive integer/,
      );
      expectRangeError(
        () => learningRate(bad({ name: 'warmup-cosine', lr: 1, warmupSteps: 0, tMax: n }), 0),
        /learningRate: schedule\.tMax must be a positive integer/,
      );
    }
  });

  it('learningRate rejects warmupSteps outside 0 … tMax − 1 or not an integer, naming it', () => {
    for (const w of [-1, 5, 6, 1.5, NaN, undefined]) {
      expectRangeError(
        () => learningRate(bad({ name: 'warmup-cosine', lr: 1, warmupSteps: w, tMax: 5 }), 0),
        /learningRate: schedule\.warmupSteps must be an integer in 0…4/,
      );
    }
  });

  it('learningRate rejects etaMin < 0, > lr or NaN, naming schedule.etaMin', () => {
    for (const etaMin of [-1e-9, NaN, Infinity]) {
      expectRangeError(
        () => learningRate({ name: 'cosine', lr: 1, tMax: 5, etaMin }, 0),
        /learningRate: schedule\.etaMin must be >= 0/,
      );
    }
    expectRangeError(
      () => learningRate({ name: 'cosine', lr: 1, tMax: 5, etaMin: 1.5 }, 0),
      /learningRate: schedule\.etaMin must be <= lr/,
    );
    expectRangeError(
      () => learningRate({ name: 'warmup-cosine', lr: 1, warmupSteps: 1, tMax: 5, etaMin: 2 }, 0),
      /learningRate: schedule\.etaMin must be <= lr/,
    );
    // etaMin = lr is allowed: a constant rate after warm-up.
    expect(learningRate({ name: 'cosine', lr: 1, tMax: 5, etaMin: 1 }, 2)).toBe(1);
  });

  it('learningRate rejects a step that is not an integer ≥ 0, naming step', () => {
    for (const step of [-1, 0.5, NaN, Infinity, -Infinity]) {
      expectRangeError(
        () => learningRate({ name: 'constant', lr: 1 }, step),
        /learningRate: step must be an integer >= 0/,
      );
    }
  });
});
