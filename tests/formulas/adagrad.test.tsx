import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/adagrad';
import { ADAGRAD_EPS, SPARSE_BOWL, type AdagradResult } from '../../src/formulas/adagrad/model';
import { minimize } from '../../src/math';
import { workedBefore } from '../../src/ui/card/answer';
import { texSig } from '../../src/formulas/optimization/tex';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as AdagradResult;
const preset = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);
const allCases = () => [
  values(),
  values({ rms: true, k: 0 }),
  values({ problem: 1, P: 2, lr: 3, n: 1000, k: 1000 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('adagrad compute()', () => {
  it('on the bowl AdaGrad and RMSprop follow minimize of src/math (1e-12)', () => {
    const r = compute(values({ rms: true, alpha: 0.8, n: 80 }));
    const g = (p: readonly number[]) => r.problem.grad(p);
    const ada = minimize({ name: 'adagrad', lr: r.lr }, g, r.start, 81);
    const rms = minimize({ name: 'rmsprop', lr: r.lr, alpha: 0.8 }, g, r.start, 81);
    r.ada.run.points.forEach((p, k) => expectAllClose(p, ada[k], { rel: 1e-12, abs: 1e-14 }));
    r.rms!.run.points.forEach((p, k) => expectAllClose(p, rms[k], { rel: 1e-12, abs: 1e-14 }));
  });

  it('s is the running sum of g² per coordinate, and the rate η/(√s + ε) only shrinks', () => {
    const r = compute(values({ n: 60 }));
    let s = [0, 0];
    r.ada.s[0].forEach((_, j) => {
      s = s.map((si, i) => si + r.ada.run.grads[j][i] ** 2);
      expectClose(r.ada.s[0][j], s[0], { rel: 1e-12 });
      expectClose(r.ada.s[1][j], s[1], { rel: 1e-12 });
      expectClose(r.ada.rate[1][j], r.lr / (Math.sqrt(s[1]) + ADAGRAD_EPS), { rel: 1e-12 });
      if (j > 0)
        for (const i of [0, 1]) expect(r.ada.rate[i][j]).toBeLessThanOrEqual(r.ada.rate[i][j - 1]);
    });
    // the steep coordinate's rate falls below the flat one's
    expect(r.ada.rate[1][0]).toBeLessThan(r.ada.rate[0][0]);
  });

  it('sparse: θ₂ has a gradient only every P-th step, and AdaGrad beats plain SGD on it', () => {
    const r = compute(preset('sparse'));
    expect(r.problem).toBe(SPARSE_BOWL);
    r.ada.run.grads.slice(0, 100).forEach((g, k) => {
      if (k % 10 !== 0) expect(g[1]).toBe(0);
      else expect(g[1]).not.toBe(0);
    });
    expect(Math.abs(r.theta[1])).toBeLessThan(0.01);
    expectClose(r.sgd.points[100][1], 2 * 0.9 ** 10, { rel: 1e-9 });
  });

  it('with a small η AdaGrad stalls where RMSprop arrives', () => {
    const r = compute(preset('stalls'));
    expect(r.ada.gaps[400]).toBeGreaterThan(0.5);
    expect(r.rms!.gaps[400]).toBeLessThan(0.05);
  });
});

describe('adagrad worked example', () => {
  it('writes out the step the data table holds at k: g, s before and after, the rate and θ_{k+1}', () => {
    // (before the last step: the table's last row has no step after it)
    for (const v of [
      values({ k: 7 }),
      { ...preset('sparse'), k: 40 },
      values({ problem: 1, P: 3, k: 12 }),
    ]) {
      const r = compute(v);
      const w = def.worked(v, r, 'en');
      const rows = def.table(v, r, 'en').rows;
      const [, , , g1, g2, s1, s2, rate1, rate2] = rows[r.k];
      const prev = rows[r.k - 1];
      expect(w).toContain(`\\left(${texSig(Number(g1))},\\ ${texSig(Number(g2))}\\right)`);
      if (prev)
        expect(w).toContain(
          `\\left(${texSig(Number(prev[5]))},\\ ${texSig(Number(prev[6]))}\\right)`,
        );
      expect(w).toContain(`\\left(${texSig(Number(s1))},\\ ${texSig(Number(s2))}\\right)`);
      expect(w).toContain(`\\left(${texSig(Number(rate1))},\\ ${texSig(Number(rate2))}\\right)`);
      const [, x, y] = rows[r.k + 1] ?? [];
      if (x !== undefined)
        expect(w).toContain(`\\left(${texSig(Number(x))},\\ ${texSig(Number(y))}\\right)`);
      expect(w).not.toContain('RMSprop');
    }
  });

  it('with RMSprop on, adds its own step: v ← αv + (1 − α)g² by the recurrence, its rate and its θ_{k+1}', () => {
    const v = values({ rms: true, alpha: 0.8, k: 9, n: 60 });
    const r = compute(v);
    const m = r.rmsStep!;
    expect(m.k).toBe(9);
    // the recurrence by hand, from minimize's own RMSprop path
    const path = minimize(
      { name: 'rmsprop', lr: r.lr, alpha: 0.8 },
      (p) => r.problem.grad(p),
      r.start,
      11,
    );
    let acc = [0, 0];
    for (let j = 0; j <= 9; j++) {
      const g = r.problem.grad(path[j]);
      if (j === 9) {
        expectAllClose(m.g, g, { rel: 1e-12 });
        expectAllClose(m.vBefore, acc, { rel: 1e-12 });
      }
      acc = acc.map((a, i) => 0.8 * a + 0.2 * g[i] ** 2);
    }
    expectAllClose(m.vAfter!, acc, { rel: 1e-12 });
    expectAllClose(
      m.rate!,
      acc.map((a) => r.lr / Math.sqrt(a)),
      { rel: 1e-6 },
    );
    expectAllClose(m.next!, path[10], { rel: 1e-12 });
    const w = def.worked(v, r, 'en');
    expect(w).toContain('\\text{RMSprop: }');
    expect(w).toContain(`\\left(${texSig(acc[0])},\\ ${texSig(acc[1])}\\right)`);
    expect(w).toContain(`\\left(${texSig(path[10][0])},\\ ${texSig(path[10][1])}\\right)`);
    // switching it off takes the lines away again
    expect(
      def.worked(
        values({ alpha: 0.8, k: 9, n: 60 }),
        compute(values({ alpha: 0.8, k: 9, n: 60 })),
        'en',
      ),
    ).not.toContain('RMSprop');
  });

  it('predicting hides AdaGrad’s θ_{k+1} and every RMSprop line after it, with or without RMSprop', () => {
    for (const rms of [false, true]) {
      const v = values({ rms, k: 5 });
      const r = compute(v);
      const answer = def.answer!(v, r, 'en')!;
      const shown = workedBefore(def.worked(v, r, 'en'), answer.hideFrom)!;
      expect(shown).toContain('g_{5}');
      expect(shown).not.toContain('RMSprop');
      expect(shown).not.toContain(`\\left(${texSig(r.next![0])},\\ ${texSig(r.next![1])}\\right)`);
    }
  });
});

describe('adagrad text and plot', () => {
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

  it('says so when plain SGD diverges at AdaGrad’s η on the steep direction', () => {
    const view = renderFormulaPlot(def, values());
    expect(view.container.textContent).toMatch(
      /Plain SGD at this η diverges: the steep direction needs η < 2\/L = 0\.2/,
    );
  });
});
