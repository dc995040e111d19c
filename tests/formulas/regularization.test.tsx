import { act, fireEvent, screen } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def, { texSig } from '../../src/formulas/regularization';
import { findEntry } from '../../src/formulas/registry';
import { N_TEST, N_TRAIN, drawData, trueCurve } from '../../src/formulas/regularization/data';
import {
  PATH_LAMBDAS,
  fitPaths,
  fitWeights,
  penaltyOf,
  polyValue,
  type PenaltyKind,
} from '../../src/formulas/regularization/fit';
import {
  A,
  W_STAR,
  bowl,
  geometryAt,
  levelEllipse,
} from '../../src/formulas/regularization/geometry';
import type { RegularizationResult } from '../../src/formulas/regularization/model';
import { formatWeight } from '../../src/formulas/regularization/words';
import { Y_DOMAIN } from '../../src/formulas/regularization/RegularizationPlot';
import { l1Penalty, l2Penalty, mse, polynomialFeatures } from '../../src/math';
import { formatCell, formatNumber } from '../../src/plots/formatNumber';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { formatValue } from '../../src/ui/card/values';
import { expectAllClose, expectClose } from '../helpers/asserts';
import {
  expectStrictTex,
  expectTickAsFresh,
  renderFormulaPlot,
  withDefaults,
} from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const ZEROS = Array.from({ length: N_TRAIN }, () => 0);

function values(over: Record<string, ParamValue> = {}): Values {
  return withDefaults(def, over);
}
function compute(v: Values): RegularizationResult {
  return def.compute(v) as RegularizationResult;
}
const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

/** Solves M w = b by Gaussian elimination with partial pivoting (an independent method). */
function solve(M: number[][], b: number[]): number[] {
  const n = b.length;
  const a = M.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * w[k];
    w[r] = s / a[r][r];
  }
  return w;
}

/** The page's objective J(w) = (1/n)‖y − Xw‖² + λR(w), from its definition. */
function objective(kind: PenaltyKind, X: number[][], y: number[], w: number[], lambda: number) {
  const r = y.map((yi, i) => yi - X[i].reduce((s, v, k) => s + v * w[k], 0));
  const rest = w.slice(1);
  const R =
    kind === 1 ? rest.reduce((s, v) => s + Math.abs(v), 0) : rest.reduce((s, v) => s + v * v, 0);
  return r.reduce((s, v) => s + v * v, 0) / y.length + lambda * R;
}

describe('regularization data', () => {
  it('drawData(seed) is deterministic: 12 training points, 60 held-out, x spread over (−1, 1) in order', () => {
    const a = drawData(7);
    expect(drawData(7)).toEqual(a);
    expect(drawData(8).y0).not.toEqual(a.y0);
    expect(a.x).toHaveLength(N_TRAIN);
    expect(a.testX).toHaveLength(N_TEST);
    for (let i = 1; i < N_TRAIN; i++) expect(a.x[i]).toBeGreaterThan(a.x[i - 1]);
    expect(a.x[0]).toBeGreaterThan(-1);
    expect(a.x[N_TRAIN - 1]).toBeLessThan(1);
    // the noise is about N(0, 0.3²): the held-out residuals' mean square is near 0.09
    const noise = mse(a.testY, a.testX.map(trueCurve));
    expect(noise).toBeGreaterThan(0.03);
    expect(noise).toBeLessThan(0.2);
  });

  it('moved points add their offsets to the drawn y, and only they', () => {
    const moved = [...ZEROS];
    moved[3] = 2;
    moved[10] = -1.25;
    const r = compute(values({ moved }));
    const base = compute(values());
    expect(r.y0).toEqual(base.y0);
    r.y.forEach((y, i) => expectClose(y, base.y[i] + moved[i]));
  });
});

describe('regularization fits', () => {
  it('L2 equals the normal equations (XᵀX + nλD) w = Xᵀy, D = diag(0, 1, …, 1), solved by elimination', () => {
    const data = drawData(3);
    for (const degree of [1, 3, 6, 9]) {
      for (const lambda of [1e-3, 0.05, 2]) {
        const X = polynomialFeatures(data.x, degree);
        const n = data.x.length;
        const d = degree + 1;
        const M = Array.from({ length: d }, (_, i) =>
          Array.from(
            { length: d },
            (_, j) =>
              X.reduce((s, row) => s + row[i] * row[j], 0) + (i === j && i > 0 ? n * lambda : 0),
          ),
        );
        const b = Array.from({ length: d }, (_, i) =>
          X.reduce((s, row, k) => s + row[i] * data.y0[k], 0),
        );
        expectAllClose(fitWeights(2, X, data.y0, lambda), solve(M, b), { rel: 1e-7, abs: 1e-9 });
      }
    }
  });

  it('L1 meets the lasso optimality conditions of J: (2/n)x_kᵀr = λ sign w_k on the support, |(2/n)x_kᵀr| ≤ λ off it', () => {
    const data = drawData(2);
    for (const degree of [3, 9]) {
      for (const lambda of [1e-3, 0.03, 0.3]) {
        const X = polynomialFeatures(data.x, degree);
        const w = fitWeights(1, X, data.y0, lambda);
        const n = data.x.length;
        const r = data.y0.map((yi, i) => yi - X[i].reduce((s, v, k) => s + v * w[k], 0));
        const g = w.map((_, k) => (2 / n) * X.reduce((s, row, i) => s + row[k] * r[i], 0));
        expect(Math.abs(g[0])).toBeLessThan(1e-7);
        for (let k = 1; k < w.length; k++) {
          if (w[k] === 0) expect(Math.abs(g[k])).toBeLessThanOrEqual(lambda * (1 + 1e-6));
          else expectClose(g[k], lambda * Math.sign(w[k]), { rel: 1e-5, abs: 1e-9 });
        }
      }
    }
  });

  it('both fits minimize J: no random nudge of the weights lowers it (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: -6, max: 1, noNaN: true }),
        fc.constantFrom<PenaltyKind>(1, 2),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (seed, degree, logLambda, kind, nudge) => {
          const lambda = 10 ** logLambda;
          const data = drawData(seed);
          const X = polynomialFeatures(data.x, degree);
          const w = fitWeights(kind, X, data.y0, lambda);
          const best = objective(kind, X, data.y0, w, lambda);
          for (const size of [1e-3, 1e-1]) {
            const other = w.map((v, k) => v + size * nudge[k]);
            expect(objective(kind, X, data.y0, other, lambda)).toBeGreaterThanOrEqual(
              best - 1e-9 * Math.max(1, best),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('penaltyOf leaves the intercept out and matches l1Penalty and l2Penalty of w₁…w_d', () => {
    const w = [5, -1, 2, 0, -0.5];
    expect(penaltyOf(1, w, 0.1)).toBe(l1Penalty(w.slice(1), 0.1));
    expect(penaltyOf(2, w, 0.1)).toBe(l2Penalty(w.slice(1), 0.1));
    expectClose(penaltyOf(1, w, 0.1), 0.35);
    expectClose(penaltyOf(2, w, 0.1), 0.525);
    expect(penaltyOf(2, [3], 1)).toBe(0);
  });

  it('polyValue evaluates Σ w_k x^k', () => {
    expectClose(polyValue([1, -2, 3], 0.5), 1 - 1 + 0.75);
    expect(polyValue([], 2)).toBe(0);
  });

  it('fitPaths: along λ the training error never falls and the penalty size never grows; best is the held-out minimum', () => {
    for (const kind of [1, 2] as const) {
      const p = fitPaths({ kind, degree: 9, seed: 2, offsets: ZEROS })!;
      expect(p.lambdas).toEqual([...PATH_LAMBDAS]);
      for (let j = 1; j < p.lambdas.length; j++) {
        expect(p.train[j]).toBeGreaterThanOrEqual(p.train[j - 1] - 1e-9);
        const size = (w: number[]) => penaltyOf(kind, w, 1);
        expect(size(p.weights[j])).toBeLessThanOrEqual(size(p.weights[j - 1]) * (1 + 1e-6) + 1e-9);
      }
      expect(p.test[p.best]).toBe(Math.min(...p.test));
      // the U: overfit at the left end and underfit at the right are both worse than the best
      expect(p.test[0]).toBeGreaterThan(2 * p.test[p.best]);
      expect(p.test[p.test.length - 1]).toBeGreaterThan(2 * p.test[p.best]);
    }
    expect(fitPaths(null)).toBeNull();
  });
});

describe('regularization geometry (two weights)', () => {
  it('the L2 optimum is (A + λI)⁻¹ A w*, by the 2×2 inverse', () => {
    for (const lambda of [0, 0.1, 1, 10]) {
      const a = A[0][0] + lambda;
      const b = A[0][1];
      const d = A[1][1] + lambda;
      const rhs = [
        A[0][0] * W_STAR[0] + A[0][1] * W_STAR[1],
        A[1][0] * W_STAR[0] + A[1][1] * W_STAR[1],
      ];
      const det = a * d - b * b;
      expectAllClose(geometryAt(lambda).l2, [
        (d * rhs[0] - b * rhs[1]) / det,
        (a * rhs[1] - b * rhs[0]) / det,
      ]);
    }
  });

  it('the L1 optimum: both weights shrink as w* − (λ/2)A⁻¹(1, 1), then w₂ is exactly 0 from λ = 0.544/0.6, then w₁ = 1.82 − λ/2 until λ = 3.64', () => {
    const inv = (v: number[]) => {
      const det = A[0][0] * A[1][1] - A[0][1] ** 2;
      return [(A[1][1] * v[0] - A[0][1] * v[1]) / det, (A[0][0] * v[1] - A[0][1] * v[0]) / det];
    };
    const step = inv([1, 1]);
    for (const lambda of [0.05, 0.3, 0.8]) {
      expectAllClose(
        geometryAt(lambda).l1,
        [W_STAR[0] - (lambda / 2) * step[0], W_STAR[1] - (lambda / 2) * step[1]],
        {
          rel: 1e-9,
          abs: 1e-12,
        },
      );
    }
    const threshold = 0.544 / 0.6;
    expect(geometryAt(threshold * 0.99).l1[1]).toBeGreaterThan(0);
    for (const lambda of [threshold * 1.01, 1, 2, 3.5]) {
      const g = geometryAt(lambda);
      expect(g.l1[1]).toBe(0);
      expectClose(g.l1[0], 1.82 - lambda / 2);
    }
    expect(geometryAt(3.64 * 1.01).l1).toEqual([0, 0]);
    expect(geometryAt(10).diamond).toBe(0);
  });

  it('the level ellipse through an optimum is its level line, and the regions pass through the optima', () => {
    const g = geometryAt(0.5);
    for (const [a, b] of levelEllipse(g.l2Loss)) expectClose(bowl(a, b), g.l2Loss, { rel: 1e-9 });
    expectClose(g.radius, Math.hypot(...g.l2));
    expectClose(g.diamond, Math.abs(g.l1[0]) + Math.abs(g.l1[1]));
    expect(levelEllipse(0)).toEqual([]);
    // the L1 optimum is never worse on the diamond than any other point of the diamond's edge
    for (let t = 0; t < 1; t += 0.05) {
      const p: [number, number] = [g.diamond * t, g.diamond * (1 - t)];
      expect(bowl(...p)).toBeGreaterThanOrEqual(g.l1Loss - 1e-12);
    }
  });
});

describe('regularization page compute()', () => {
  it('the result holds the MSE, penalty and J of its weights, and the held-out MSE', () => {
    for (const penalty of [1, 2]) {
      const v = values({ penalty, lambda: 0.01 });
      const r = compute(v);
      const X = polynomialFeatures(r.x, r.degree);
      const Xt = polynomialFeatures(r.testX, r.degree);
      const pred = (M: number[][]) => M.map((row) => row.reduce((s, x, k) => s + x * r.w[k], 0));
      expectClose(r.train, mse(r.y, pred(X)));
      expectClose(r.test, mse(r.testY, pred(Xt)));
      expectClose(r.objective, objective(r.kind, X, r.y, r.w, 0.01));
      expectClose(r.penalty, 0.01 * r.size);
      expectAllClose(r.fitted, pred(X));
    }
  });

  it('presets: overfits fits training best but held-out worse than about right; underfits is poor on both; sparse has exact zeros', () => {
    const over = compute(presetValues('overfits'));
    const right = compute(presetValues('about-right'));
    const under = compute(presetValues('underfits'));
    const sparse = compute(presetValues('sparse'));
    expect(over.train).toBeLessThan(right.train);
    expect(over.test).toBeGreaterThan(3 * right.test);
    expect(under.train).toBeGreaterThan(3 * right.train);
    expect(under.test).toBeGreaterThan(2 * right.test);
    expect(right.test).toBeLessThan(0.2);
    expect(sparse.kind).toBe(1);
    expect(sparse.zeros).toBeGreaterThanOrEqual(5);
    expect(sparse.w.slice(1).filter((w) => w === 0)).toHaveLength(sparse.zeros);
    expect(right.zeros).toBe(0);
    const outlier = compute(presetValues('outlier'));
    expect(outlier.offsets[7]).toBe(2.5);
    expect(outlier.y[7] - outlier.y0[7]).toBe(2.5);
  });

  it('an outlier pulls the barely penalized fit much more than the strongly penalized one', () => {
    const moved = [...ZEROS];
    moved[7] = 2.5;
    const pull = (lambda: number) => {
      const a = compute(values({ lambda }));
      const b = compute(values({ lambda, moved }));
      return b.fitted[7] - a.fitted[7];
    };
    expect(pull(1e-8)).toBeGreaterThan(1);
    expect(pull(1)).toBeLessThan(0.5);
  });

  it('hostile values stay finite: λ at both ends, degree 1 and 9, points moved to the limits', () => {
    for (const lambda of [1e-8, 10]) {
      for (const degree of [1, 9]) {
        for (const penalty of [1, 2]) {
          const moved = ZEROS.map((_, i) => (i % 2 ? 2.5 : -2.5));
          const r = compute(values({ lambda, degree, penalty, moved }));
          for (const x of [...r.w, r.train, r.test, r.objective, ...r.fitted]) {
            expect(Number.isFinite(x)).toBe(true);
          }
        }
      }
    }
  });
});

describe('regularization page text', () => {
  const cases = () => [values(), ...(def.presets ?? []).map((p) => values(p.values as never))];

  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const lang of LANGS) {
      for (const v of cases()) expectStrictTex(def.worked(v, def.compute(v), lang));
    }
  });

  it('worked() shows the numbers of the plot: the MSE, λ, R(w), J, the held-out MSE and the weights', () => {
    for (const v of cases()) {
      const r = compute(v);
      const w = def.worked(v, r, 'en');
      for (const x of [r.train, r.lambda, r.size, r.objective, r.test])
        expect(w).toContain(texSig(x));
      for (const x of r.w) if (x !== 0) expect(w).toContain(texSig(x));
      expect(w).toContain(`${r.zeros} /`);
    }
  });

  it('texSig writes three significant digits and powers of ten past 10⁴ and below 10⁻³', () => {
    expect(texSig(0.001)).toBe('0.00100');
    expect(texSig(0.0123456)).toBe('0.0123');
    expect(texSig(2.345)).toBe('2.35');
    expect(texSig(-123.4)).toBe('-123');
    expect(texSig(1e-8)).toBe('1\\times 10^{-8}');
    expect(texSig(3.2e-5)).toBe('3.2\\times 10^{-5}');
    expect(texSig(0)).toBe('0');
  });

  it('summary and table are full in both languages and never read NaN or undefined', () => {
    for (const v of cases()) {
      const r = def.compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(s.length).toBeGreaterThan(100);
        expect(s).not.toMatch(/NaN|undefined/);
        expect(t.caption).not.toMatch(/NaN|undefined/);
        for (const row of t.rows) {
          expect(row).toHaveLength(t.columns.length);
          for (const c of row) expect(String(c)).not.toMatch(/NaN|undefined/);
        }
      }
    }
    const r = compute(values());
    expect(def.summary(values(), r, 'en')).toContain(
      formatNumber(r.test, { digits: 3, notation: 'significant' }),
    );
    expect(def.summary(values(), r, 'zh-TW')).toContain('保留資料 MSE');
  });

  it('the table writes an L1 weight that is exactly 0 as the number 0, and the others as they are', () => {
    const v = presetValues('sparse');
    const r = compute(v);
    const t = def.table(v, r, 'en');
    const weightRows = t.rows.slice(0, r.w.length);
    const zeroCells = weightRows.filter((row) => row[1] === 0);
    expect(zeroCells).toHaveLength(r.zeros);
    expect(r.zeros).toBeGreaterThan(0);
    weightRows.forEach((row, k) => {
      expect(Object.is(row[1], r.w[k] === 0 ? 0 : Number(r.w[k].toPrecision(6)))).toBe(true);
      expect(formatCell(row[1] as number)).toBe(r.w[k] === 0 ? '0' : formatCell(r.w[k]));
    });
    // the training points and the errors follow
    expect(t.rows).toHaveLength(r.w.length + N_TRAIN + 4);
    expect(def.table(v, r, 'zh-TW').columns[0]).toBe('項目');
  });

  it('formatWeight writes an exact 0 as 0 and tiny weights in powers of ten', () => {
    expect(formatWeight(0)).toBe('0');
    expect(formatWeight(1.23456)).toBe('1.23');
    expect(formatWeight(-2e-7)).toMatch(/^−2(\.00)?×10⁻⁷$/);
  });

  it('prose in both languages uses the glossary terms', () => {
    const zh = [def.text['zh-TW'].intro, ...def.text['zh-TW'].body].join('');
    for (const term of ['正則化', '過擬合', '泛化', '權重衰減', '大型語言模型', '保留資料']) {
      expect(zh).toContain(term);
    }
    const en = [def.text.en.intro, ...def.text.en.body].join(' ');
    for (const term of [
      'overfitting',
      'generalization',
      'weight decay',
      'AdamW',
      'SGD',
      'held-out',
    ]) {
      expect(en.toLowerCase()).toContain(term.toLowerCase());
    }
  });

  it('links the MSE and the optimizer pages', () => {
    for (const id of ['mse', 'gradient-descent', 'sgd', 'adam', 'learning-rate']) {
      expect(findEntry('regularization')!.related).toContain(id);
    }
  });
});

describe('regularization plot', () => {
  it('draws twelve draggable training points; an arrow key moves a point through setValue("moved")', () => {
    const v = values();
    const view = renderFormulaPlot(def, v);
    const points = screen.getAllByRole('slider', { name: /^training point \d+$/ });
    expect(points).toHaveLength(N_TRAIN);
    fireEvent.keyDown(points[4], { key: 'ArrowUp' });
    expect(view.setValue).toHaveBeenCalledTimes(1);
    const [name, next] = view.setValue.mock.calls[0] as [string, number[]];
    expect(name).toBe('moved');
    expect(next).toHaveLength(N_TRAIN);
    expect(next[4]).toBeGreaterThan(0);
    next.forEach((x, i) => i !== 4 && expect(x).toBe(0));
    // the offset is the move in data units, rounded to the slider's step
    expect(Math.round(next[4] * 100) / 100).toBe(next[4]);
    view.unmount();
  });

  it('a point cannot be moved past the offset limit', () => {
    const moved = [...ZEROS];
    moved[0] = 2.5;
    const view = renderFormulaPlot(def, values({ moved }));
    const p = screen.getAllByRole('slider', { name: /^training point 1$/ })[0];
    fireEvent.keyDown(p, { key: 'ArrowUp', shiftKey: true });
    const calls = view.setValue.mock.calls as [string, number[]][];
    for (const [, next] of calls) expect(next[0]).toBeLessThanOrEqual(2.5);
    view.unmount();
  });

  it('shows the errors of the result and ringed zeros for the exact L1 zeros', () => {
    const v = presetValues('sparse');
    const view = renderFormulaPlot(def, v);
    const r = view.result as RegularizationResult;
    expect(view.container.textContent).toContain(
      `training MSE ${formatNumber(r.train, 3)} · held-out MSE ${formatNumber(r.test, 3)}`,
    );
    expect(view.container.querySelectorAll('.reg-zero')).toHaveLength(r.zeros);
    view.unmount();
  });

  it('draws the coefficient path and the error curves once the paths are computed', async () => {
    const view = renderFormulaPlot(def, values({ degree: 5 }));
    expect(view.container.querySelectorAll('.reg-path-line')).toHaveLength(0);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(view.container.querySelectorAll('.reg-path-line')).toHaveLength(5);
    expect(view.container.querySelector('.reg-best')).not.toBeNull();
    for (const path of view.container.querySelectorAll('path')) {
      expect(path.getAttribute('d') ?? '').not.toMatch(/NaN/);
    }
    view.unmount();
  });

  it('a tick draws what a fresh render draws, in both languages', () => {
    for (const lang of LANGS) {
      expectTickAsFresh(def, values(), presetValues('sparse'), lang);
      expectTickAsFresh(def, presetValues('outlier'), values({ lambda: 0.2, degree: 2 }), lang);
    }
  });
});

describe('formatValue (slider values)', () => {
  it('writes a value too small for the step’s decimals in significant digits instead of 0', () => {
    expect(formatValue(0.001, 0.001)).toBe('0.001');
    expect(formatValue(0.001, 0.0003)).toBe('0.0003');
    expect(formatValue(0.001, 1e-8)).toMatch(/^1(\.00)?×10⁻⁸$/);
    expect(formatValue(0.001, 1e-8, false, true)).toBe('1e-8');
    expect(Number(formatValue(0.001, 1.23e-5, false, true))).toBe(1.23e-5);
    // unchanged where the fixed text was right
    expect(formatValue(0.01, 0.7)).toBe('0.70');
    expect(formatValue(1, 3, true)).toBe('3');
    expect(formatValue(0.1, -2.5)).toBe('−2.5');
  });
});

describe('regularization plot, points beyond the value axis', () => {
  it('a point moved past the axis is drawn at its edge and named with its true y', () => {
    const base = compute(values());
    const i = base.y0.indexOf(Math.max(...base.y0));
    const moved = [...ZEROS];
    moved[i] = 2.5;
    const view = renderFormulaPlot(def, values({ moved }));
    const r = view.result as RegularizationResult;
    const note = view.container.querySelector('.reg-off-note');
    expect(r.y[i]).toBeGreaterThan(Y_DOMAIN[1]);
    expect(note?.textContent).toContain(`point ${i + 1} (y = ${formatNumber(r.y[i], 2)})`);
    view.unmount();
    const plain = renderFormulaPlot(def, values());
    expect(plain.container.querySelector('.reg-off-note')).toBeNull();
    plain.unmount();
  });
});
