import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/matrix-multiplication';
import { MAX_SIZE, planeOf } from '../../src/formulas/matrix-multiplication/model';
import type { MatmulResult } from '../../src/formulas/matrix-multiplication/model';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as MatmulResult;
const preset = (id: string) =>
  (def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>;
const presetValues = (id: string) => values(preset(id));

/** C = AB by the triple loop over the top-left blocks (an independent method). */
function loopProduct(A: number[][], B: number[][], m: number, k: number, n: number): number[][] {
  const C: number[][] = [];
  for (let i = 0; i < m; i++) {
    C.push([]);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += A[i][l] * B[l][j];
      C[i].push(s);
    }
  }
  return C;
}

const entry = fc.integer({ min: -18, max: 18 }).map((i) => i / 2);
const full = fc.array(fc.array(entry, { minLength: 4, maxLength: 4 }), {
  minLength: 4,
  maxLength: 4,
});
const dim = fc.integer({ min: 1, max: 4 });

describe('matrix-multiplication compute()', () => {
  it('the defaults: (2×3)(3×2), C = [[2, −1], [8, 10]], all four entries computed', () => {
    const r = compute(values());
    expect([r.m, r.k, r.n]).toEqual([2, 3, 2]);
    expect(r.C).toEqual([
      [2, -1],
      [8, 10],
    ]);
    expect(r.step).toBe(4);
    expect(r.total).toBe(4);
    expect(r.focus).toMatchObject({ i: 0, j: 0, value: 2, filled: true });
  });

  it('for any sizes and entries, C is the triple-loop product and (AB)ᵀ = BᵀAᵀ exactly', () => {
    fc.assert(
      fc.property(dim, dim, dim, full, full, (m, k, n, A, B) => {
        const r = compute(values({ m, k, n, A, B }));
        expect(r.C).toHaveLength(m);
        expect(r.C[0]).toHaveLength(n);
        expectAllClose(r.C, loopProduct(A, B, m, k, n));
        expect(r.transpose.maxDiff).toBe(0);
        expect(r.transpose.Ct).toHaveLength(n);
        expect(r.transpose.BtAt[0]).toHaveLength(m);
        expect(r.ba === null).toBe(n !== m);
      }),
    );
  });

  it('the focused entry is the dot product of row i of A and column j of B', () => {
    fc.assert(
      fc.property(full, full, fc.integer({ min: 0, max: 15 }), (A, B, cell) => {
        const r = compute(values({ m: 4, k: 4, n: 4, A, B, cell }));
        const { i, j } = r.focus;
        expect([i, j]).toEqual([Math.floor(cell / MAX_SIZE), cell % MAX_SIZE]);
        expect(r.focus.terms).toEqual(A[i].map((a, l) => ({ a, b: B[l][j] })));
        expectClose(r.focus.value, r.C[i][j], { abs: 1e-12 });
      }),
    );
  });

  it('a focus outside the current sizes is brought inside (cell 15 on a 2×2 C is c22)', () => {
    const r = compute(values({ m: 2, n: 2, cell: 15 }));
    expect([r.focus.i, r.focus.j]).toEqual([1, 1]);
  });

  it('stepping fills C row by row: at step 3 of a 2×2 product c21 is the newest and c22 is pending', () => {
    const r = compute(values({ m: 2, n: 2, t: 3 }));
    expect(r.step).toBe(3);
    expect([r.focus.i, r.focus.j]).toEqual([1, 0]);
    const v = values({ t: 0 });
    expect(compute(v).step).toBe(0);
    // the last step is m·n: a step past it is clamped
    expect(values({ m: 3, n: 4, t: 50 }).t).toBe(12);
  });

  it('the layer preset computes Wx + b through the extra column of A against a 1', () => {
    const r = compute(presetValues('layer'));
    const A = preset('layer').A as number[][];
    const B = preset('layer').B as number[][];
    const W = A.slice(0, 3).map((row) => row.slice(0, 3));
    const b = A.slice(0, 3).map((row) => row[3]);
    const x = B.slice(0, 3).map((row) => row[0]);
    const y = W.map((row, i) => row.reduce((s, w, l) => s + w * x[l], 0) + b[i]);
    expect(B[3][0]).toBe(1);
    expect([r.m, r.k, r.n]).toEqual([3, 4, 1]);
    expectAllClose(
      r.C.map((row) => row[0]),
      y,
    );
    expect(r.naming).toBe('layer');
  });

  it('the queries preset is X W_Qᵀ: each token row times the 2×4 W_Q transposed', () => {
    const r = compute(presetValues('queries'));
    const X = (preset('queries').A as number[][]).slice(0, 3);
    const Bt = (preset('queries').B as number[][]).map((row) => row.slice(0, 2));
    const WQ = [0, 1].map((c) => Bt.map((row) => row[c])); // 2×4, out × in
    const Q = X.map((x) => WQ.map((w) => w.reduce((s, wl, l) => s + wl * x[l], 0)));
    expectAllClose(r.C, Q);
    expect(r.naming).toBe('queries');
  });

  it('identity B gives C = A', () => {
    const r = compute(presetValues('identity'));
    expect(r.C).toEqual(r.A);
  });
});

describe('matrix-multiplication plane', () => {
  it('det M = ad − bc, M x by hand, and the orientation follows the sign', () => {
    const p = planeOf(
      [
        [1.5, 0.5],
        [0.5, 1],
      ],
      [1, 1],
    );
    expectClose(p.det, 1.25);
    expectAllClose(p.image, [2, 1.5]);
    expect(p.orientation).toBe('kept');
    expect(compute(presetValues('rotation')).plane).toMatchObject({ det: 1, orientation: 'kept' });
    expect(compute(presetValues('reflection')).plane).toMatchObject({
      det: -1,
      orientation: 'flipped',
    });
    const s = compute(presetValues('singular')).plane;
    expect(s).toMatchObject({ det: 0, orientation: 'collapsed', rank: 1 });
  });

  it('a determinant within rounding of 0 is 0: [[0.2, 0.1], [0.6, 0.3]] collapses', () => {
    const p = planeOf(
      [
        [0.2, 0.1],
        [0.6, 0.3],
      ],
      [1, 0],
    );
    expect(p.det).toBe(0);
    expect(p.orientation).toBe('collapsed');
    expect(
      planeOf(
        [
          [0, 0],
          [0, 0],
        ],
        [1, 1],
      ).rank,
    ).toBe(0);
  });

  it('for any M on its 0.1 grid, |det| is the area of the image of the unit square (shoelace)', () => {
    const e = fc.integer({ min: -30, max: 30 }).map((i) => i / 10);
    fc.assert(
      fc.property(e, e, e, e, (a, b, c, d) => {
        const p = planeOf(
          [
            [a, b],
            [c, d],
          ],
          [0, 0],
        );
        const pts = [
          [0, 0],
          [a, c],
          [a + b, c + d],
          [b, d],
        ];
        let twice = 0;
        for (let i = 0; i < 4; i++) {
          const [x1, y1] = pts[i];
          const [x2, y2] = pts[(i + 1) % 4];
          twice += x1 * y2 - x2 * y1;
        }
        expectClose(Math.abs(p.det), Math.abs(twice / 2), { abs: 1e-9 });
      }),
    );
  });
});

describe('matrix-multiplication text and plot', () => {
  const cases = [
    values(),
    values({ t: 0 }),
    values({ t: 3, tr: true }),
    values({ m: 4, k: 4, n: 4 }),
    values({ m: 1, k: 1, n: 1 }),
    presetValues('layer'),
    presetValues('queries'),
    presetValues('singular'),
    presetValues('reflection'),
  ];

  it('renders its TeX and every worked example strictly, in both languages', () => {
    expectStrictTex(def.tex);
    for (const lang of LANGS)
      for (const v of cases) expectStrictTex(def.worked(v, compute(v), lang));
  });

  it('the worked example writes out the focused entry with the numbers the grid shows', () => {
    const v = values({ cell: 5 }); // c22
    const r = compute(v);
    const tex = def.worked(v, r, 'en');
    expect(tex).toContain('3\\cdot 1 + (-1)\\cdot (-1) + 2\\cdot 3 = 10');
    const view = renderFormulaPlot(def, v, 'en');
    const focus = view.container.querySelector('.mm-product .is-focus');
    expect(focus?.textContent).toBe('10');
    // row 2 of A and column 2 of B are lit
    const litA = [...view.container.querySelectorAll('.mm-edit.sym-1 .is-lit')].map(
      (c) => c.textContent,
    );
    const litB = [...view.container.querySelectorAll('.mm-edit.sym-2 .is-lit')].map(
      (c) => c.textContent,
    );
    expect(litA).toEqual(['3', '−1', '2']);
    expect(litB).toEqual(['1', '−1', '3']);
    view.unmount();
  });

  it('summary and table speak both languages; no case shows NaN', () => {
    for (const v of cases) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength(r.m * r.n + 1);
        expect(s + JSON.stringify(t)).not.toMatch(/NaN|undefined|null/);
        const view = renderFormulaPlot(def, v, lang);
        expect(view.container.textContent).not.toMatch(/NaN|undefined/);
        view.unmount();
      }
    }
    expect(def.summary(values(), compute(values()), 'en')).toContain('C = [2, −1; 8, 10]');
    expect(def.summary(values(), compute(values()), 'zh-TW')).toContain('乘以');
  });

  it('an entry of A steps by the arrow keys and typing moves focus to the number field', () => {
    const view = renderFormulaPlot(def, values(), 'en');
    const cell = view.getByRole('slider', { name: 'A row 1, column 2' });
    fireEvent.focus(cell);
    fireEvent.keyDown(cell, { key: 'ArrowUp' });
    const [name, A] = view.setValue.mock.calls.at(-1) as [string, number[][]];
    expect(name).toBe('A');
    expect(A[0][1]).toBe(2.5);
    fireEvent.keyDown(cell, { key: 'ArrowDown', shiftKey: true });
    expect((view.setValue.mock.calls.at(-1) as [string, number[][]])[1][0][1]).toBe(-3);
    fireEvent.keyDown(cell, { key: 'End' });
    expect((view.setValue.mock.calls.at(-1) as [string, number[][]])[1][0][1]).toBe(9);
    fireEvent.keyDown(cell, { key: '4' });
    expect(document.activeElement).toBe(
      view.container.querySelector('.mm-editor input[type="number"]'),
    );
    expect(view.getByText('Editing A row 1, column 2')).toBeTruthy();
    view.unmount();
  });

  it('focusing an entry of C puts it in focus (the cell value), pending entries read “?”', () => {
    const view = renderFormulaPlot(def, values(), 'en');
    fireEvent.focus(view.getByRole('button', { name: /^c21 = 8/ }));
    expect(view.setValue).toHaveBeenLastCalledWith('cell', MAX_SIZE);
    view.unmount();
    const empty = renderFormulaPlot(def, values({ t: 0 }), 'zh-TW');
    const pending = [...empty.container.querySelectorAll('.mm-product .is-pending')];
    expect(pending).toHaveLength(4);
    expect(pending.every((c) => c.textContent === '?')).toBe(true);
    empty.unmount();
  });

  it('the transpose switch shows Bᵀ, Aᵀ, BᵀAᵀ and (AB)ᵀ with the check', () => {
    const view = renderFormulaPlot(def, values({ tr: true }), 'en');
    expect(view.container.querySelectorAll('.mm-read')).toHaveLength(4);
    expect(view.container.textContent).toContain(
      'Largest difference between (AB)ᵀ and BᵀAᵀ on these numbers: 0.00',
    );
    view.unmount();
  });

  it('det = 0 is said in words on the plane, and the tip of x moves by keyboard', () => {
    const view = renderFormulaPlot(def, presetValues('singular'), 'en');
    expect(view.container.textContent).toContain('squashes the whole plane onto a line');
    fireEvent.keyDown(view.getByRole('slider', { name: 'tip of vector x' }), { key: 'ArrowRight' });
    const [name, x] = view.setValue.mock.calls.at(-1) as [string, number[]];
    expect(name).toBe('x');
    expect(x[0]).toBeGreaterThan(1);
    view.unmount();
  });
});
