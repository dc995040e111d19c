import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/sgd';
import {
  N_POINTS,
  batchGrad,
  batchLoss,
  dataProblem,
  leastSquares,
  lineData,
  minibatches,
} from '../../src/formulas/sgd/data';
import type { SgdResult } from '../../src/formulas/sgd/model';
import { minimize } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as SgdResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const allCases = () => [
  values(),
  values({ nesterov: true }),
  values({ mu: 0.5, k: 0 }),
  values({ B: 1, lr: 1, n: 1000, k: 1000 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('sgd data and minibatches', () => {
  it('40 seeded points, the same for the same seed, different for another', () => {
    const a = lineData(7);
    expect(a.x).toHaveLength(N_POINTS);
    expect(lineData(7)).toEqual(a);
    expect(lineData(8).x).not.toEqual(a.x);
    expect(a.x.every((x) => x >= 0 && x <= 4)).toBe(true);
  });

  it('the least-squares line zeroes the full gradient and matches a centred closed form', () => {
    const d = lineData(3);
    const [w, b] = leastSquares(d);
    const all = d.x.map((_, i) => i);
    expectAllClose(batchGrad(d, all, w, b), [0, 0], { abs: 1e-12 });
    // w = cov(x, y) / var(x), b = ȳ − w x̄, computed from centred sums
    const mx = d.x.reduce((s, v) => s + v, 0) / N_POINTS;
    const my = d.y.reduce((s, v) => s + v, 0) / N_POINTS;
    let sxy = 0;
    let sxx = 0;
    d.x.forEach((x, i) => {
      sxy += (x - mx) * (d.y[i] - my);
      sxx += (x - mx) ** 2;
    });
    expectClose(w, sxy / sxx, { rel: 1e-10 });
    expectClose(b, my - (sxy / sxx) * mx, { rel: 1e-10, abs: 1e-12 });
  });

  it('batch gradients match central differences of the batch loss (fast-check)', () => {
    const d = lineData(11);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: N_POINTS - 1 }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -2, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (idx, w, b) => {
          const h = 1e-6;
          const g = batchGrad(d, idx, w, b);
          const gw = (batchLoss(d, idx, w + h, b) - batchLoss(d, idx, w - h, b)) / (2 * h);
          const gb = (batchLoss(d, idx, w, b + h) - batchLoss(d, idx, w, b - h)) / (2 * h);
          expectAllClose(g, [gw, gb], { abs: 1e-5, rel: 1e-6 });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('minibatches hold distinct points, cover a whole pass before repeating, and size 40 is the full set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, size) => {
          const batches = minibatches(seed, size, 30);
          expect(batches).toHaveLength(30);
          const perPass = Math.floor(N_POINTS / size);
          for (let p = 0; p * perPass < 30; p++) {
            const pass = batches.slice(p * perPass, (p + 1) * perPass).flat();
            expect(new Set(pass).size).toBe(pass.length);
          }
          for (const b of batches) expect(b).toHaveLength(size);
        },
      ),
      { numRuns: 40 },
    );
    expect(new Set(minibatches(1, 40, 1)[0]).size).toBe(40);
  });
});

describe('sgd compute()', () => {
  it('with the full batch, SGD with momentum equals minimize of src/math on the full loss', () => {
    const cases: Record<string, ParamValue>[] = [{}, { mu: 0.8 }, { mu: 0.9, nesterov: true }];
    for (const over of cases) {
      const v = values({ B: 40, n: 60, ...over });
      const r = compute(v);
      const mu = (over as { mu?: number }).mu ?? 0;
      const config =
        mu > 0
          ? { name: 'sgd' as const, lr: r.lr, momentum: mu, nesterov: r.nesterov }
          : { name: 'sgd' as const, lr: r.lr };
      const want = minimize(config, (p) => r.problem.grad(p), r.start, 61);
      r.run.points.forEach((p, k) => expectAllClose(p, want[k], { rel: 1e-12, abs: 1e-12 }));
      expectAllClose(r.batchGrad, r.fullGrad, { rel: 1e-12, abs: 1e-14 });
      expect(r.angle).toBeLessThan(1e-5);
    }
  });

  it('a batch of one is noisy: its gradients stray from the full one at most steps', () => {
    const r = compute(preset('batch-of-one'));
    let far = 0;
    r.run.points.slice(0, 150).forEach((p, k) => {
      const g = r.run.grads[k];
      const f = r.problem.grad(p);
      if (Math.hypot(g[0] - f[0], g[1] - f[1]) > 0.2 * Math.hypot(f[0], f[1])) far++;
    });
    expect(far).toBeGreaterThan(75);
  });

  it('momentum reaches the minimum far sooner than plain GD on this ill-conditioned bowl', () => {
    const r = compute(preset('momentum'));
    expect(r.gaps[150]).toBeLessThan(1e-5);
    expect(r.plainGaps![150]).toBeGreaterThan(0.05);
    expect(r.velocityNext).not.toBeNull();
  });

  it('the worked example’s velocity is μ v_k + g_B and θ_{k+1} = θ_k − η v_{k+1}', () => {
    const r = compute(values({ mu: 0.7, k: 12 }));
    expectAllClose(
      r.velocityNext!,
      r.velocity!.map((v, i) => 0.7 * v + r.batchGrad[i]),
      { rel: 1e-12 },
    );
    expectAllClose(
      r.next!,
      r.theta.map((t, i) => t - r.lr * r.velocityNext![i]),
      { rel: 1e-12 },
    );
  });

  it('diverges: stopped before 10⁶ with a notice; Nesterov without momentum is ignored, politely', () => {
    const r = compute(preset('diverges'));
    expect(r.run.status).toBe('diverged');
    expect(r.theta.every((t) => Number.isFinite(t) && Math.abs(t) <= 1e6)).toBe(true);
    const n = compute(values({ nesterov: true, mu: 0 }));
    expect(n.nesterov).toBe(false);
    expect(n.nesterovIgnored).toBe(true);
  });

  it('the data loss is an ill-conditioned bowl: curvature ratio above 20', () => {
    const p = dataProblem(lineData(7));
    const d = lineData(7);
    const ex = d.x.reduce((a, v) => a + v, 0) / N_POINTS;
    const exx = d.x.reduce((a, v) => a + v * v, 0) / N_POINTS;
    const small = (exx + 1) / 2 - Math.hypot((exx - 1) / 2, ex);
    expect(p.curvature / small).toBeGreaterThan(20);
  });
});

describe('sgd text and plot', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of allCases())
      for (const lang of LANGS) expectStrictTex(def.worked(v, compute(v), lang));
  });

  it('summary, table and plot never read NaN, undefined or Infinity, in both languages', () => {
    for (const v of allCases()) {
      const r = compute(v);
      for (const lang of LANGS) {
        const t = def.table(v, r, lang);
        const all = [
          def.summary(v, r, lang),
          t.caption,
          ...t.columns,
          ...t.rows.flat().map(String),
        ].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
        const view = renderFormulaPlot(def, v, lang);
        expect(view.container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
        view.unmount();
      }
    }
  });

  it('highlights the batch’s points and draws both gradient arrows and the velocity', () => {
    const v = values({ mu: 0.5 });
    const r = compute(v);
    const view = renderFormulaPlot(def, v);
    expect(view.container.querySelectorAll('.sgd-point.is-batch')).toHaveLength(r.B);
    expect(view.container.querySelectorAll('.sgd-point')).toHaveLength(N_POINTS);
    expect(view.container.querySelectorAll('.opt-arrow')).toHaveLength(3);
    expect(view.container.querySelectorAll('.kd-trajectory')).toHaveLength(2);
  });
});
