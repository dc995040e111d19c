import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimize } from '../../src/math';
import {
  CURVES,
  DOUBLE_WELL,
  NARROW_BOWL,
  QUADRATIC,
  ROSENBROCK,
  SADDLE,
  SURFACES,
} from '../../src/formulas/optimization/problems';
import {
  DIVERGE_BOUND,
  clamp,
  gapsOf,
  runOptimizer,
  shownStep,
  startIn,
} from '../../src/formulas/optimization/run';
import { lrParam, startParams, stepsParams } from '../../src/formulas/optimization/params';
import { texSig } from '../../src/formulas/optimization/tex';
import { stepDomain } from '../../src/formulas/optimization/LossChart';
import { expectAllClose, expectClose } from '../helpers/asserts';
import sgd from '../../src/formulas/sgd';
import type { SgdResult } from '../../src/formulas/sgd/model';
import { adaptiveWhy, momentumBound } from '../../src/formulas/optimization/words';
import { formatNumber } from '../../src/plots/formatNumber';
import { withDefaults } from '../helpers/formula';

const ALL = [...CURVES, ...SURFACES];

/** Central differences of f at p, the independent check of every hand-written gradient. */
function numericGrad(f: (p: readonly number[]) => number, p: readonly number[], h = 1e-6) {
  return p.map((_, i) => {
    const a = p.slice();
    const b = p.slice();
    a[i] += h;
    b[i] -= h;
    return (f(a) - f(b)) / (2 * h);
  });
}

describe('optimization landscapes', () => {
  for (const prob of ALL) {
    it(`${prob.id}: grad matches central differences of f across its window (fast-check)`, () => {
      const coord = (r: readonly [number, number]) =>
        fc.double({ min: r[0], max: r[1], noNaN: true });
      const point =
        prob.dim === 1 ? fc.tuple(coord(prob.x)) : fc.tuple(coord(prob.x), coord(prob.y));
      fc.assert(
        fc.property(point, (p) => {
          const g = prob.grad(p);
          const n = numericGrad(prob.f, p);
          g.forEach((gi, i) => expect(Math.abs(gi - n[i])).toBeLessThan(1e-4 * (1 + Math.abs(gi))));
        }),
        { numRuns: 60 },
      );
    });

    it(`${prob.id}: the gradient is 0 at θ*, L(θ*) = L*, and no sampled point lies lower`, () => {
      prob.grad(prob.argMin).forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-12));
      expectClose(prob.f(prob.argMin), prob.fMin, { abs: 1e-12 });
      const ys =
        prob.dim === 1
          ? [0]
          : Array.from({ length: 81 }, (_, j) => prob.y[0] + ((prob.y[1] - prob.y[0]) * j) / 80);
      for (let i = 0; i <= 400; i++) {
        const x = prob.x[0] + ((prob.x[1] - prob.x[0]) * i) / 400;
        for (const y of ys) {
          const p = prob.dim === 1 ? [x] : [x, y];
          expect(prob.f(p)).toBeGreaterThanOrEqual(prob.fMin - 1e-12);
        }
      }
    });

    it(`${prob.id}: the curvature is the largest eigenvalue of the finite-difference Hessian at θ*`, () => {
      const h = 1e-4;
      const H = prob.argMin.map((_, i) =>
        prob.argMin.map((_, j) => {
          const a = prob.argMin.slice();
          const b = prob.argMin.slice();
          a[j] += h;
          b[j] -= h;
          return (prob.grad(a)[i] - prob.grad(b)[i]) / (2 * h);
        }),
      );
      const top =
        H.length === 1
          ? H[0][0]
          : (H[0][0] + H[1][1]) / 2 + Math.hypot((H[0][0] - H[1][1]) / 2, H[0][1]);
      expectClose(prob.curvature, top, { rel: 1e-6 });
    });
  }

  it('the double well has its lower valley on the left and a second, higher one on the right', () => {
    expect(DOUBLE_WELL.argMin[0]).toBeLessThan(-1);
    const right = 0.8; // near the other root of θ³ − θ + 0.3
    expect(DOUBLE_WELL.f([right])).toBeGreaterThan(DOUBLE_WELL.fMin + 0.3);
  });

  it('Rosenbrock’s curvature at (1, 1) is 501 + √(301² + 400²) ≈ 1001.6', () => {
    expectClose(ROSENBROCK.curvature, 1001.6006, { rel: 1e-6 });
  });
});

describe('runOptimizer', () => {
  it('matches minimize of src/math step for step on every optimizer (1e-12)', () => {
    const configs = [
      { name: 'sgd', lr: 0.05 },
      { name: 'sgd', lr: 0.02, momentum: 0.9 },
      { name: 'sgd', lr: 0.02, momentum: 0.9, nesterov: true },
      { name: 'adagrad', lr: 0.5 },
      { name: 'rmsprop', lr: 0.01 },
      { name: 'adam', lr: 0.05 },
      { name: 'adamw', lr: 0.05, weightDecay: 0.1 },
      { name: 'sgd', lr: 0.1, schedule: { name: 'cosine', tMax: 30 } },
    ] as const;
    for (const config of configs) {
      const want = minimize(config, (p) => NARROW_BOWL.grad(p), [-2.5, 1.5], 40);
      const run = runOptimizer(config, (p) => NARROW_BOWL.grad(p), [-2.5, 1.5], 40);
      expect(run.points).toHaveLength(41);
      run.points.forEach((p, k) => expectAllClose(p, want[k], { abs: 1e-12 }));
    }
  });

  it('plain GD on θ²/2 follows the closed form θ_k = (1 − η)^k θ₀ (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1.99, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (lr, x0) => {
          const run = runOptimizer({ name: 'sgd', lr }, QUADRATIC.grad, [x0], 30, {
            loss: QUADRATIC.f,
          });
          expect(run.status).not.toBe('diverged');
          run.points.forEach((p, k) =>
            expectClose(p[0], (1 - lr) ** k * x0, { abs: 1e-12, rel: 1e-9 }),
          );
          run.losses.forEach((l, k) => expectClose(l, 0.5 * run.points[k][0] ** 2, { abs: 1e-15 }));
          expect(run.rates.every((r) => r === lr)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('past η = 2/L it stops at the last point within ±10⁶, never keeping a non-finite one', () => {
    const run = runOptimizer({ name: 'sgd', lr: 2.5 }, QUADRATIC.grad, [1], 200, {
      loss: QUADRATIC.f,
    });
    // |θ_k| = 1.5^k passes 10⁶ at k = ⌈log 10⁶ / log 1.5⌉ = 35
    const first = Math.ceil(Math.log(DIVERGE_BOUND) / Math.log(1.5));
    expect(run.status).toBe('diverged');
    expect(run.cause).toBe('bound');
    expect(run.divergedAt).toBe(first);
    expect(run.points).toHaveLength(first);
    expect(run.grads).toHaveLength(first);
    expect(run.rates).toHaveLength(first - 1);
    for (const p of run.points) expect(Math.abs(p[0])).toBeLessThanOrEqual(DIVERGE_BOUND);
    expect(run.losses.every(Number.isFinite)).toBe(true);
  });

  it('an overflowing loss counts as divergence too (Rosenbrock at η = 0.05)', () => {
    const run = runOptimizer({ name: 'sgd', lr: 0.05 }, ROSENBROCK.grad, [-1.5, 2], 100, {
      loss: ROSENBROCK.f,
    });
    expect(run.status).toBe('diverged');
    expect(run.points.flat().every(Number.isFinite)).toBe(true);
    expect(run.losses.every(Number.isFinite)).toBe(true);
  });

  it('a run from the ridge of the saddle surface is said to be stuck at the saddle; off it, not', () => {
    const opts = { loss: SADDLE.f, saddles: SADDLE.saddles };
    const stuck = runOptimizer({ name: 'sgd', lr: 0.1 }, SADDLE.grad, [2, 0], 120, opts);
    expect(stuck.status).toBe('saddle');
    const off = runOptimizer({ name: 'sgd', lr: 0.1 }, SADDLE.grad, [2, 0.01], 400, opts);
    expect(off.status).toBe('converged');
    expectAllClose(off.points[off.points.length - 1], [0, 1], { abs: 1e-6 });
  });

  it('records the buffers of every step when asked (AdaGrad: s is the running sum of g²)', () => {
    const run = runOptimizer({ name: 'adagrad', lr: 0.5 }, NARROW_BOWL.grad, [2, 1], 10, {
      record: true,
    });
    let s = [0, 0];
    run.second.forEach((buf, k) => {
      s = s.map((si, i) => si + run.grads[k][i] ** 2);
      expectAllClose(buf, s, { rel: 1e-12 });
    });
  });
});

describe('step chart and TeX numbers', () => {
  it('the log domain spans whole decades around the values, flooring zeros at 10⁻¹²', () => {
    const d = stepDomain([{ key: 'a', label: 'a', tone: 'sym1', values: [4.5, 0.3, 0] }], true);
    expect(d[0]).toBeCloseTo(1e-12, 20);
    expect(d[1]).toBe(10);
  });

  it('texSig writes three significant digits, powers of ten when tiny or huge', () => {
    expect(texSig(0.50312)).toBe('0.503');
    expect(texSig(-2.4567)).toBe('-2.46');
    expect(texSig(0.0000189)).toBe('1.89\\times 10^{-5}');
    expect(texSig(9.71e5)).toBe('971000');
    expect(texSig(2.5e7)).toBe('2.50\\times 10^{7}');
    expect(texSig(0)).toBe('0');
  });
});

describe('the helpers the optimization pages share', () => {
  it('clamp keeps a value inside its interval and leaves one already inside alone', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
        fc.double({ noNaN: true, min: -100, max: 100 }),
        fc.double({ noNaN: true, min: 0, max: 100 }),
        (v, lo, width) => {
          const hi = lo + width;
          const c = clamp(v, [lo, hi]);
          expect(c).toBeGreaterThanOrEqual(lo);
          expect(c).toBeLessThanOrEqual(hi);
          if (v >= lo && v <= hi) expect(c).toBe(v);
          else expect(c).toBe(v < lo ? lo : hi);
        },
      ),
    );
    expect(startIn(ROSENBROCK, -99, 99)).toEqual([ROSENBROCK.x[0], ROSENBROCK.y[1]]);
  });

  it('gapsOf is L − L* of every point, never below zero', () => {
    const run = runOptimizer({ name: 'sgd', lr: 0.05 }, (p) => NARROW_BOWL.grad(p), [2, 1], 30, {
      loss: NARROW_BOWL.f,
    });
    const gaps = gapsOf(run, NARROW_BOWL.fMin);
    expect(gaps).toHaveLength(run.points.length);
    // the bowl's loss in closed form: (x² + 10y²)/2, its minimum 0
    gaps.forEach((g, k) => {
      const [x, y] = run.points[k];
      expectClose(g, 0.5 * (x * x + 10 * y * y));
    });
    expect(gapsOf(run, 1e9).every((g) => g === 0)).toBe(true);
  });

  it('shownStep stays within the run and within n', () => {
    const run = runOptimizer({ name: 'sgd', lr: 2.5 }, (p) => QUADRATIC.grad(p), [1], 60, {
      loss: QUADRATIC.f,
    });
    expect(run.status).toBe('diverged');
    const last = run.points.length - 1;
    expect(last).toBeLessThan(60);
    expect(shownStep(60, 60, run)).toBe(last);
    expect(shownStep(3.4, 60, run)).toBe(3);
    expect(shownStep(-5, 60, run)).toBe(0);
    expect(shownStep(10, 2, run)).toBe(2);
  });

  it('the param factories give the shared names, symbols and ranges', () => {
    expect(lrParam(0.001, 3, 0.001, 0.5)).toMatchObject({
      name: 'lr',
      tex: '\\eta',
      slot: 2,
      min: 0.001,
      max: 3,
      default: 0.5,
      scale: 'log',
    });
    const [x0, y0] = startParams(4, 3, 2, { en: ' (2-D)', 'zh-TW': '（二維）' });
    expect([x0.name, x0.min, x0.max, x0.default, x0.slot]).toEqual(['x0', -4, 4, 3, 3]);
    expect([y0.name, y0.default, y0.label.en]).toEqual([
      'y0',
      2,
      'start θ₀, second coordinate (2-D)',
    ]);
    expect(startParams(3, 0, 0)[1].label['zh-TW']).toBe('起點 θ₀ 的第二個座標');
    const [n, k] = stepsParams(40, 8, { slot: 1 });
    expect([n.name, n.min, n.max, n.default, n.integer]).toEqual(['n', 10, 1000, 40, true]);
    expect(k).toMatchObject({ kind: 'time', name: 'k', max: { param: 'n' }, default: 8, slot: 1 });
    // a neutral time control has no colour slot at all
    expect('slot' in stepsParams(40, 40)[1]).toBe(false);
    expect(stepsParams(150, 40, { speed: 10 })[1].speed).toBe(10);
  });
});

describe('why a run diverged', () => {
  // momentum on L·θ²/2 written out by hand, PyTorch's way: v ← μv + g, step g + μv with Nesterov
  const grows = (eta: number, mu: number, L: number, nesterov: boolean) => {
    let theta = 1;
    let v = 0;
    for (let t = 0; t < 3000; t++) {
      const g = L * theta;
      v = t === 0 ? g : mu * v + g;
      theta -= eta * (nesterov ? g + mu * v : v);
      if (!Number.isFinite(theta) || Math.abs(theta) > 1e12) return true;
    }
    return Math.abs(theta) > 1;
  };

  it('the momentum bound separates the rates that shrink θ from those that blow it up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.boolean(),
        (L, mu, nesterov) => {
          const b = momentumBound(L, mu, nesterov);
          expect(grows(b * 0.97, mu, L, nesterov)).toBe(false);
          expect(grows(b * 1.03, mu, L, nesterov)).toBe(true);
        },
      ),
    );
    expect(momentumBound(4, 0, false)).toBe(0.5); // gradient descent's 2/L
  });

  it('SGD\'s "diverges" preset says its rate is past 2/L, with the numbers, in both languages', () => {
    const preset = sgd.presets!.find((p) => p.id === 'diverges')!;
    const values = withDefaults(sgd, preset.values);
    const r = sgd.compute(values) as SgdResult;
    expect(r.run.status).toBe('diverged');
    const bound = 2 / r.problem.curvature;
    expect(r.lr).toBeGreaterThan(bound);
    const en = sgd.summary(values, r, 'en');
    expect(en).toContain(
      `The rate η = 0.4 is above 2/L = ${formatNumber(bound, { digits: 3, notation: 'significant' })}`,
    );
    expect(en).toContain('Try η below');
    expect(sgd.summary(values, r, 'zh-TW')).toContain('學習率 η = 0.4 超過 2/L');
  });

  it('an adaptive run that diverged is told the size of its first steps', () => {
    expect(adaptiveWhy('Adam', 0.5, 'en')).toMatch(
      /^Adam first moves each coordinate by about η = 0\.5,/,
    );
    expect(adaptiveWhy('AdaGrad', 2, 'zh-TW')).toMatch(/^AdaGrad 一開始每個座標大約移動 η = 2，/);
  });
});
