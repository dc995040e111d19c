import { fireEvent } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/gradient-descent';
import { findEntry } from '../../src/formulas/registry';
import type { GdResult } from '../../src/formulas/gradient-descent/model';
import {
  BUMPY,
  NARROW_BOWL,
  QUADRATIC,
  ROSENBROCK,
} from '../../src/formulas/optimization/problems';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as GdResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const allCases = () => [
  values(),
  values({ dim: 2 }),
  values({ dim: 2, surface: 2, lr: 0.05, x0: -1.5, y0: 2, n: 50, k: 50 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('gradient-descent compute()', () => {
  it('the default run on θ²/2 from 3 at η = 0.2 is θ_k = 3·0.8^k, shown at step 8', () => {
    const r = compute(values());
    expect(r.problem).toBe(QUADRATIC);
    expect(r.k).toBe(8);
    expectClose(r.theta[0], 3 * 0.8 ** 8);
    expectClose(r.loss, 0.5 * (3 * 0.8 ** 8) ** 2);
    expectClose(r.grad[0], 3 * 0.8 ** 8);
    expectClose(r.next![0], 3 * 0.8 ** 9);
    expect(r.run.points).toHaveLength(41);
    expectClose(r.threshold, 2);
  });

  it('zig-zag: across the narrow bowl θ₂ flips sign every step, shrinking by |1 − 10η| = 0.8', () => {
    const r = compute(preset('zig-zag'));
    expect(r.problem).toBe(NARROW_BOWL);
    r.run.points.forEach((p, k) => {
      expectClose(p[1], 1.5 * (-0.8) ** k, { abs: 1e-12 });
      expectClose(p[0], -2.8 * 0.82 ** k, { abs: 1e-12 });
    });
  });

  it('diverges: the run stops before θ passes 10⁶ and the step shown is its last finite one', () => {
    const v = preset('diverges');
    const r = compute(v);
    expect(r.run.status).toBe('diverged');
    expect(r.run.divergedAt).toBe(35);
    expect(r.k).toBe(34);
    expect(v.k).toBe(60);
    expectClose(r.theta[0], (-1.5) ** 34);
    expect(r.gaps.every(Number.isFinite)).toBe(true);
  });

  it('the saddle preset ends stuck at the saddle; the local-minimum preset in a dip above L*', () => {
    expect(compute(preset('saddle')).run.status).toBe('saddle');
    const local = compute(preset('local-minimum'));
    expect(local.problem).toBe(BUMPY);
    expect(local.run.status).toBe('converged');
    expect(local.loss - BUMPY.fMin).toBeGreaterThan(0.2);
  });

  it('Rosenbrock at η = 0.002 reaches (1, 1) to within 0.05 in 1,000 steps', () => {
    const r = compute(preset('rosenbrock'));
    expect(r.problem).toBe(ROSENBROCK);
    expect(r.run.status).not.toBe('diverged');
    expectAllClose(r.theta, [1, 1], { abs: 0.05 });
  });

  it('a start outside the window of the curve is clamped to its edge, and says so', () => {
    const r = compute(values({ curve: 1, x0: 4 }));
    expect(r.start[0]).toBe(2.2);
    expect(r.startClamped).toBe(true);
  });
});

describe('gradient-descent text', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of allCases())
      for (const lang of LANGS) expectStrictTex(def.worked(v, compute(v), lang));
  });

  it('the worked example shows θ_k, ∇L(θ_k), η and θ_{k+1} of the plotted step', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    expect(w).toContain(r.theta[0].toPrecision(3));
    expect(w).toContain(r.next![0].toPrecision(3));
    expect(w).toContain('0.200');
    expect(w).toContain('\\theta_{8}');
    expect(w).toContain('\\theta_{9}');
  });

  it('summary and table never read NaN or undefined; the diverged summary says why', () => {
    for (const v of allCases()) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength(r.run.points.length);
        expect(t.columns).toHaveLength(r.problem.dim === 1 ? 5 : 7);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    const d = compute(preset('diverges'));
    expect(def.summary(preset('diverges'), d, 'en')).toMatch(/Diverged: step 35 .* above 2\/L = 2/);
    expect(def.summary(preset('diverges'), d, 'zh-TW')).toMatch(/發散了：第 35 步/);
  });

  it('has prose in both languages and links the learning rate and regularization pages', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(80);
      expect(def.text[lang].body.length).toBeGreaterThanOrEqual(4);
    }
    expect(findEntry('gradient-descent')!.related).toEqual(
      expect.arrayContaining(['learning-rate', 'regularization', 'sgd']),
    );
  });
});

describe('gradient-descent Plot', () => {
  it('draws the run’s steps up to k on the curve, the ball, the tangent and the next step', () => {
    const v = values();
    const { container } = renderFormulaPlot(def, v);
    expect(container.querySelectorAll('.opt-step-point')).toHaveLength(9);
    expect(container.querySelector('.opt-ball')).not.toBeNull();
    expect(container.querySelector('.opt-tangent')).not.toBeNull();
    expect(container.querySelector('.opt-next-line')).not.toBeNull();
    expect(container.querySelector('[role="slider"][aria-label="start θ₀"]')).not.toBeNull();
  });

  it('2-D: contours, the trajectory, the −∇L arrow; arrow keys on the start set x0 / y0', () => {
    const v = values({ dim: 2 });
    const view = renderFormulaPlot(def, v);
    expect(view.container.querySelectorAll('.kd-contour path').length).toBeGreaterThan(5);
    expect(view.container.querySelector('.kd-trajectory')).not.toBeNull();
    expect(view.container.querySelector('.opt-arrow')).not.toBeNull();
    const handle = view.container.querySelector('[role="slider"]')!;
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    expect(view.setValue).toHaveBeenCalledWith('y0', expect.any(Number));
    const y = view.setValue.mock.calls.find((c) => c[0] === 'y0')![1] as number;
    expect(y).toBeGreaterThan(2);
  });

  it('every preset renders in both languages with no NaN; divergence shows its notice', () => {
    for (const v of allCases())
      for (const lang of LANGS) {
        const view = renderFormulaPlot(def, v, lang);
        expect(view.container.innerHTML).not.toMatch(/NaN|Infinity|undefined/);
        view.unmount();
      }
    const view = renderFormulaPlot(def, preset('diverges'));
    expect(view.container.querySelector('.opt-notice.is-diverged')?.textContent).toMatch(
      /stops at step 34/,
    );
  });
});
