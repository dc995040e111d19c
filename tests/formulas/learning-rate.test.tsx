import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/learning-rate';
import { findEntry } from '../../src/formulas/registry';
import { regime, type LrResult } from '../../src/formulas/learning-rate/model';
import { learningRate } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as LrResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const allCases = () => [
  values(),
  values({ sched: 2 }),
  values({ sched: 3, k: 7 }),
  values({ L: 10, lr1: 3, lr2: 3, lr3: 3, n: 1000, k: 1000 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('learning-rate compute()', () => {
  it('constant rates follow θ_k = (1 − ηL)^k θ₀ on Lθ²/2 (fast-check over L, η, θ₀)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.double({ min: 0.001, max: 3, noNaN: true }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (L, lr, x0) => {
          const r = compute(values({ L, lr1: lr, x0, n: 30, k: 30 }));
          const run = r.runs[0];
          run.run.points.forEach((p, k) =>
            expectClose(p[0], (1 - lr * L) ** k * r.start, { rel: 1e-9, abs: 1e-12 }),
          );
          run.gaps.forEach((g, k) =>
            expectClose(g, 0.5 * L * run.run.points[k][0] ** 2, { rel: 1e-12, abs: 1e-300 }),
          );
          // diverged exactly when |1 − ηL| > 1 made θ pass 10⁶ within 30 steps
          const grows = Math.abs(1 - lr * L) ** 30 * Math.abs(r.start) > 1e6;
          expect(run.run.status === 'diverged').toBe(grows);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('names the regimes by ηL: < 1 slides in, 1 one step, 1…2 oscillates, 2 edge, > 2 diverges', () => {
    expect(regime(0.05, 2)).toBe('slow');
    expect(regime(0.4, 2)).toBe('good');
    expect(regime(0.5, 2)).toBe('one-step');
    expect(regime(0.8, 2)).toBe('oscillates');
    expect(regime(1, 2)).toBe('edge');
    expect(regime(1.05, 2)).toBe('diverges');
    const r = compute(values());
    expectClose(r.threshold, 1);
    expectClose(r.oscillation, 0.5);
  });

  it('the scheduled rates are learningRate of the contract; exponential spreads γ over s steps', () => {
    const step = compute(preset('step-decay'));
    step.runs.forEach((run) =>
      run.rates.forEach((rate, t) =>
        expectClose(rate, learningRate({ name: 'step', lr: run.lr, stepSize: 10, gamma: 0.5 }, t)),
      ),
    );
    const exp = compute(values({ sched: 2, gamma: 0.5, s: 10 }));
    expectClose(exp.runs[0].rates[10], exp.runs[0].lr * 0.5, { rel: 1e-12 });
    const warm = compute(preset('warmup-cosine'));
    expectClose(warm.runs[2].rates[0], 1.2 / 8);
    expectClose(warm.runs[2].rates[7], 1.2);
    expect(warm.runs[2].rates[39]).toBeLessThan(0.01);
  });

  it('step decay brings the too-large rate back; on the edge η = 2/L keeps |θ| = θ₀', () => {
    const rescued = compute(preset('step-decay')).runs[2];
    expect(rescued.run.status).not.toBe('diverged');
    expect(Math.abs(rescued.theta)).toBeLessThan(1e-3);
    const edge = compute(preset('on-the-edge')).runs[1];
    expect(edge.regime).toBe('edge');
    edge.run.points.forEach((p) => expectClose(Math.abs(p[0]), 3, { rel: 1e-9 }));
  });

  it('the worked example shows each run’s factor and θ_{k+1} = factor · θ_k', () => {
    const v = values({ k: 5 });
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    expect(w).toContain('0.900');
    expect(w).toContain('0.200');
    expect(w).toContain('-1.10');
    expect(w).toContain('\\theta_{6}');
    expectClose(r.runs[0].next!, 0.9 ** 6 * 3);
  });
});

describe('learning-rate text and plot', () => {
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
        expect(t.rows).toHaveLength(Math.round(v.n as number) + 1);
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

  it('draws three curves, the loss and rate charts with the 1/L and 2/L lines, and the notice', () => {
    const v = values();
    const view = renderFormulaPlot(def, v);
    expect(view.container.querySelectorAll('.opt-curve')).toHaveLength(3);
    expect(view.container.querySelectorAll('.opt-step-chart')).toHaveLength(2);
    const rules = [...view.container.querySelectorAll('.opt-step-threshold text')].map(
      (t) => t.textContent,
    );
    expect(rules).toEqual(['2/L = 1', '1/L = 0.5']);
    // η₃ = 1.05 grows by 1.1 a step: 3·1.1^k passes 10⁶ after 134 steps, not within 40
    expect(view.container.querySelector('.opt-notice')).toBeNull();
    view.unmount();
    const far = renderFormulaPlot(def, values({ n: 200, k: 200 }));
    expect(far.container.querySelector('.opt-notice.is-diverged')?.textContent).toMatch(
      /past 2\/L = 1/,
    );
  });

  it('links gradient descent and regularization, with prose in both languages', () => {
    expect(findEntry('learning-rate')!.related).toEqual(
      expect.arrayContaining(['gradient-descent', 'regularization']),
    );
    for (const lang of LANGS) expect(def.text[lang].body.length).toBeGreaterThanOrEqual(4);
  });
});
