import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/optimizers';
import { findEntry } from '../../src/formulas/registry';
import {
  RACERS,
  pinValues,
  type RaceResult,
  type RaceValues,
} from '../../src/formulas/optimizers/model';
import { SURFACES } from '../../src/formulas/optimization/problems';
import { texSig } from '../../src/formulas/optimization/tex';
import { minimize } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as RaceResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const pair = (v: readonly number[]) => `\\left(${v.map((x) => texSig(x)).join(',\\ ')}\\right)`;
const ALL_OFF = Object.fromEntries(RACERS.map((r) => [r.id, false]));
const allCases = () => [
  values(),
  values({ k: 0 }),
  values({ ...ALL_OFF }),
  values({ x0: 3, y0: -3, problem: 2, n: 1000, k: 1000, sgdLr: 3, adamLr: 3 }),
  values({ ...pinValues(RACERS[5], values() as unknown as RaceValues, 1), adamLr: 0.01 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('optimizers compute()', () => {
  it('every racer follows minimize of src/math with its own config, on every surface (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SURFACES.length - 1 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 0.01, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (problem, a, b, lr, h) => {
          const over: Record<string, ParamValue> = { problem, x0: a, y0: b, n: 30, k: 30 };
          for (const r of RACERS) {
            over[`${r.id}Lr`] = lr;
            for (const hy of r.hypers) over[`${r.id}${hy.suffix}`] = hy.suffix === 'B2' ? 0.999 : h;
          }
          const res = compute(values(over));
          expect(res.runs).toHaveLength(RACERS.length);
          for (const x of res.runs) {
            // a run cut short by divergence agrees up to its last finite point, and the next
            // step of minimize is the one that left the finite range
            const kept = x.run.points.length - 1;
            if (kept < 30) expect(x.run.status).toBe('diverged');
            const ref = minimize(
              x.config,
              (p) => res.problem.grad(p),
              res.start,
              kept + (kept < 30 ? 1 : 0),
            );
            x.run.points.forEach((p, k) => expectAllClose(p, ref[k], { rel: 1e-12, abs: 1e-14 }));
            if (kept < 30) expect(ref[kept + 1].some((c) => !(Math.abs(c) <= 1e6))).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('each racer gets the config its controls say (names, rates, μ, α, β, λ)', () => {
    const r = compute(
      values({ momMu: 0.7, nagMu: 0.5, rmsA: 0.9, adamB1: 0.8, adamB2: 0.99, adamwWd: 0.3 }),
    );
    const by = Object.fromEntries(r.runs.map((x) => [x.racer.id, x.config]));
    expect(by.sgd).toEqual({ name: 'sgd', lr: 0.1 });
    expect(by.mom).toEqual({ name: 'sgd', lr: 0.05, momentum: 0.7 });
    expect(by.nag).toEqual({ name: 'sgd', lr: 0.05, momentum: 0.5, nesterov: true });
    expect(by.ada).toEqual({ name: 'adagrad', lr: 0.5 });
    expect(by.rms).toEqual({ name: 'rmsprop', lr: 0.02, alpha: 0.9 });
    expect(by.adam).toEqual({ name: 'adam', lr: 0.1, beta1: 0.8, beta2: 0.99 });
    expect(by.adamw).toEqual({
      name: 'adamw',
      lr: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      weightDecay: 0.3,
    });
  });

  it('on the round bowl SGD is θ_k = (1 − η)^k θ₀ and heavy-ball momentum its hand-written recurrence', () => {
    const r = compute(values({ problem: 0, x0: 1.5, y0: -2, n: 50, k: 50, momMu: 0.8 }));
    const sgd = r.runs.find((x) => x.racer.id === 'sgd')!;
    sgd.run.points.forEach((p, k) =>
      expectAllClose(p, [1.5 * 0.9 ** k, -2 * 0.9 ** k], { rel: 1e-12, abs: 1e-15 }),
    );
    const mom = r.runs.find((x) => x.racer.id === 'mom')!;
    let p = [1.5, -2];
    let v = [0, 0];
    for (let k = 0; k < 50; k++) {
      v = k === 0 ? p.slice() : v.map((vi, i) => 0.8 * vi + p[i]);
      p = p.map((pi, i) => pi - 0.05 * v[i]);
      expectAllClose(mom.run.points[k + 1], p, { rel: 1e-12, abs: 1e-15 });
    }
  });

  it('a diverging run stops at its last finite point and is named in a notice', () => {
    const r = compute(preset('diverges'));
    const sgd = r.runs.find((x) => x.racer.id === 'sgd')!;
    expect(sgd.run.status).toBe('diverged');
    expect(sgd.run.points.length).toBeLessThan(r.n + 1);
    for (const x of r.runs) {
      for (const p of x.run.points) expect(p.every(Number.isFinite)).toBe(true);
      expect(x.gaps.every(Number.isFinite)).toBe(true);
    }
    // the step shown is the last finite one
    expect(sgd.k).toBe(sgd.run.points.length - 1);
    const text = def.summary(preset('diverges'), r, 'en');
    expect(text).toMatch(/SGD — Diverged: step \d+ threw θ past ±10⁶/);
    expect(text).toMatch(/momentum — Diverged/);
    // the adaptive racers are not bothered
    expect(r.runs.find((x) => x.racer.id === 'adam')!.run.status).not.toBe('diverged');
  });

  it('the narrow valley: momentum ends lower than SGD; the saddle: the adaptive racers escape where SGD waits', () => {
    const v = compute(preset('narrow-valley'));
    const gap = (r: RaceResult, id: string) => r.runs.find((x) => x.racer.id === id)!.gap;
    expect(gap(v, 'mom')).toBeLessThan(gap(v, 'sgd'));
    expect(gap(v, 'mom')).toBeLessThan(1e-3 * gap(v, 'sgd'));
    const s = compute(preset('saddle'));
    expect(gap(s, 'sgd')).toBeGreaterThan(0.2);
    expect(gap(s, 'mom')).toBeGreaterThan(0.15);
    for (const id of ['ada', 'rms', 'adam']) expect(gap(s, id)).toBeLessThan(0.02);
  });

  it('a step of the time control or one racer’s setting recomputes no other run', () => {
    const a = compute(values({ k: 10 }));
    const b = compute(values({ k: 11 }));
    a.runs.forEach((x, i) => expect(b.runs[i].run).toBe(x.run));
    const c = compute(values({ k: 11, adamLr: 0.05 }));
    c.runs.forEach((x, i) => {
      if (x.racer.id === 'adam') expect(x.run).not.toBe(a.runs[i].run);
      else expect(x.run).toBe(a.runs[i].run);
    });
    expect(b.runs.map((x) => x.k)).toEqual(b.runs.map(() => 11));
  });

  it('7 runs of 1,000 steps stay within a tick’s budget (computed once, then reused)', () => {
    const v = (k: number) => values({ problem: 2, n: 1000, k, x0: -1.2, y0: 1.7 });
    compute(v(0));
    const t0 = performance.now();
    for (let k = 1; k <= 50; k++) compute(v(k));
    expect((performance.now() - t0) / 50).toBeLessThan(5);
  });

  it('a pin keeps a racer’s run as it was while its settings change', () => {
    const base = values() as unknown as RaceValues;
    const pinned = values({ ...pinValues(RACERS[0], base, 1), sgdLr: 0.01 });
    const r = compute(pinned);
    expect(r.pins).toHaveLength(1);
    const ghost = r.pins[0];
    const ref = minimize({ name: 'sgd', lr: 0.1 }, (p) => r.problem.grad(p), r.start, r.n);
    ghost.run.points.forEach((p, k) => expectAllClose(p, ref[k], { rel: 1e-12, abs: 1e-15 }));
    const now = r.runs.find((x) => x.racer.id === 'sgd')!;
    expectClose(now.run.points[1][0], -2.5 * 0.99, { rel: 1e-12 });
  });

  it('clamps a start outside the surface to its window, and says so', () => {
    const r = compute(values({ problem: 2, y0: -3 }));
    expect(r.start[1]).toBe(-1);
    expect(r.clamped).toBe(true);
    const view = renderFormulaPlot(def, values({ problem: 2, y0: -3 }));
    expect(view.container.textContent).toMatch(/moved to its edge/);
    view.unmount();
  });
});

describe('optimizers text and plot', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of allCases())
      for (const lang of LANGS) expectStrictTex(def.worked(v, compute(v), lang));
  });

  it('the worked example shows the loss the chart marks at the current step', () => {
    const v = values({ k: 25 });
    const r = compute(v);
    const tex = def.worked(v, r, 'en');
    for (const x of r.runs) expect(x.k).toBe(25);
    for (const x of r.runs) expect(tex).toContain(`& 25 & ${pair(x.theta)} & ${texSig(x.gap)}`);
    const view = renderFormulaPlot(def, v);
    const dots = view.container.querySelectorAll('.opt-step-series .opt-step-dot');
    expect(dots).toHaveLength(r.runs.length);
    view.unmount();
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

  it('the table has a column per run and a row per step; zh-TW words in zh-TW', () => {
    const v = values();
    const r = compute(v);
    const t = def.table(v, r, 'zh-TW');
    expect(t.columns).toHaveLength(1 + r.runs.length);
    expect(t.rows).toHaveLength(r.n + 1);
    expect(t.columns[2]).toBe('動量');
    expect(def.summary(v, r, 'zh-TW')).toMatch(/^等高線圖：狹長的碗上 7 個優化器/);
  });

  it('draws a trajectory and a loss line per run, with a legend; a pin button writes the pin', () => {
    const view = renderFormulaPlot(def, values());
    expect(view.container.querySelectorAll('.opt-contour .kd-trajectory')).toHaveLength(7);
    expect(view.container.querySelectorAll('.opt-step-chart .legend > g')).toHaveLength(7);
    // each path has its racer's dash pattern, as the key and the loss chart do: the runs are
    // told apart without their colours
    for (const style of ['dashed', 'dotted'] as const)
      expect(
        view.container.querySelectorAll(`.opt-contour .kd-trajectory-path.stroke-${style}`),
        style,
      ).toHaveLength(RACERS.filter((r) => r.stroke === style).length);
    fireEvent.click(view.getByRole('button', { name: /^Pin Adam$/ }));
    const set = Object.fromEntries(view.setValue.mock.calls);
    expect(set).toMatchObject({ p1: 6, p1Lr: 0.1, p1A: 0.9, p1B: 0.999, p1X: -2.5, p1Y: 2 });
    view.unmount();
    const pinned = renderFormulaPlot(
      def,
      values({ p1: 6, p1Lr: 0.1, p1A: 0.9, p1B: 0.999, p2: 1, p2Lr: 0.05 }),
    );
    expect(pinned.container.querySelectorAll('.opt-contour .is-ghost')).toHaveLength(2);
    const pin = pinned.getByRole('button', { name: 'Pin SGD' });
    expect(pin.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(pin);
    expect(pinned.setValue).not.toHaveBeenCalled();
    fireEvent.click(pinned.getByRole('button', { name: 'Unpin Adam, pin 1' }));
    expect(pinned.setValue).toHaveBeenCalledWith('p1', 0);
    pinned.unmount();
  });

  it('with every racer off it says what to do instead of drawing nothing', () => {
    const view = renderFormulaPlot(def, values(ALL_OFF));
    expect(view.container.textContent).toMatch(/Switch on at least one optimizer/);
    expect(view.container.querySelectorAll('svg').length).toBeGreaterThan(1);
    view.unmount();
  });

  it('links the optimizer pages both ways', () => {
    expect(findEntry('optimizers')!.related).toEqual(
      expect.arrayContaining([
        'sgd',
        'adam',
        'adagrad',
        'learning-rate',
        'gradient-descent',
        'regularization',
      ]),
    );
  });
});
