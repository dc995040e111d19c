import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/adam';
import { firstStepRatio } from '../../src/formulas/adam/AdamPlot';
import type { AdamResult } from '../../src/formulas/adam/model';
import { NARROW_BOWL } from '../../src/formulas/optimization/problems';
import { minimize } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as AdamResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const allCases = () => [
  values(),
  values({ k: 0 }),
  values({ adamw: true, bias: false }),
  values({ surface: 3, x0: 2, y0: 0, n: 300, k: 300 }),
  values({ surface: 2, lr: 1, b1: 0.999, b2: 0, le: -10, n: 1000, k: 1000 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('adam compute()', () => {
  it('Adam and AdamW follow minimize of src/math step for step (1e-12)', () => {
    for (const over of [{}, { adamw: true, wd: 0.3 }, { b1: 0.5, b2: 0.9, le: -3 }] as Record<
      string,
      ParamValue
    >[]) {
      const r = compute(values({ ...over, n: 80 }));
      const config = r.adamw
        ? {
            name: 'adamw' as const,
            lr: r.lr,
            beta1: r.b1,
            beta2: r.b2,
            eps: r.eps,
            weightDecay: r.wd,
          }
        : { name: 'adam' as const, lr: r.lr, beta1: r.b1, beta2: r.b2, eps: r.eps };
      const want = minimize(config, (p) => NARROW_BOWL.grad(p), r.start, 81);
      r.run.points.forEach((p, k) => expectAllClose(p, want[k], { rel: 1e-12, abs: 1e-12 }));
    }
  });

  it('m, v, m̂, v̂ of step t are the averages of g and g² and their corrections (hand recursion)', () => {
    const r = compute(values({ k: 6 }));
    let m = [0, 0];
    let v = [0, 0];
    for (let j = 0; j <= 6; j++) {
      const g = r.run.grads[j];
      m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
      v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i] ** 2);
    }
    const s = r.step!;
    expect(s.t).toBe(7);
    expectAllClose(s.m, m, { rel: 1e-12 });
    expectAllClose(s.v, v, { rel: 1e-12 });
    expectAllClose(
      s.mHat,
      m.map((x) => x / (1 - 0.9 ** 7)),
      { rel: 1e-12 },
    );
    expectAllClose(
      s.vHat,
      v.map((x) => x / (1 - 0.999 ** 7)),
      { rel: 1e-12 },
    );
    expectAllClose(
      r.next!,
      r.theta.map((t, i) => t - s.delta[i]),
      { rel: 1e-12, abs: 1e-15 },
    );
  });

  it('the first corrected step is η·sign(g) in each coordinate; uncorrected it is (1 − β₁)/√(1 − β₂) times that', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (b1, b2) => {
          const on = compute(values({ b1, b2, le: -10, k: 0 }));
          const off = compute(values({ b1, b2, le: -10, k: 0, bias: false }));
          on.step!.delta.forEach((d, i) =>
            expectClose(d, 0.1 * Math.sign(on.step!.g[i]), { rel: 1e-6 }),
          );
          off.step!.delta.forEach((d, i) =>
            expectClose(d, on.step!.delta[i] * firstStepRatio(b1, b2), { rel: 1e-6 }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on the narrow bowl both coordinates step by about η at first, though the gradients differ 8×', () => {
    const r = compute(preset('narrow-valley'));
    const g = r.run.grads[0];
    expect(Math.abs(g[1] / g[0])).toBeGreaterThan(7);
    for (let j = 0; j < 5; j++) {
      expectClose(r.effective[0][j], 0.1, { rel: 0.02 });
      expectClose(r.effective[1][j], 0.1, { rel: 0.02 });
    }
  });

  it('AdamW ends short of the minimum, nearer the origin, where λθ balances the gradient', () => {
    const r = compute(preset('adamw'));
    const end = r.theta;
    expect(Math.hypot(...end)).toBeLessThan(Math.hypot(1, 1) - 0.5);
    // at a fixed point of AdamW the Adam step equals the decay: η·m̂/(√v̂+ε) ≈ −ηλθ, small
    r.step!.delta.forEach((d) => expect(Math.abs(d)).toBeLessThan(0.02));
  });
});

describe('adam text and plot', () => {
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

  it('without bias correction the plot says how much longer the first step is', () => {
    const view = renderFormulaPlot(def, values({ bias: false }));
    expect(view.container.textContent).toMatch(/first step is 3\.16× the corrected one/);
    expect(view.container.querySelectorAll('.opt-step-chart')).toHaveLength(2);
  });
});
