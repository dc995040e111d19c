import { fireEvent } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import def from '../../src/formulas/attention';
import { contributionAt, nearValueArrow } from '../../src/formulas/attention/AttentionPlot';
import type { AttentionPageResult } from '../../src/formulas/attention/compute';
import type { ParamValue, Values } from '../../src/ui/card/types';
import type { Mark } from '../../src/plots/canvasMarks';
import { formatFixed } from '../../src/plots/formatNumber';
import { CANVAS_UNAVAILABLE, drawnMarks } from '../../src/plots/MarksCanvas';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectTickAsFresh, plotMarkup, renderFormulaPlot } from '../helpers/formula';

const defaults: Record<string, ParamValue> = Object.fromEntries(
  def.params.map((p) => [p.name, p.default as ParamValue]),
);
const run = (over: Values = {}) => def.compute({ ...defaults, ...over }) as AttentionPageResult;
const presetValues = (def.presets ?? []).map((p) => ({ ...defaults, ...p.values }));

/** Softmax written out by hand for the tests: e^{s_j} / Σ_k e^{s_k}. */
const byHand = (s: number[]) => {
  const e = s.map(Math.exp);
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
};
const sig = (t: number) => 1 / (1 + Math.exp(-t));

// Default vectors of the first four tokens "the cat sat down".
const V4 = [
  [-1, 0.5],
  [2, 0],
  [0, 2],
  [-1.5, -1.5],
];
// q_cat = (0.5, 1.5) against the keys (−1, −1.5), (2, 0.5), (0.5, 2), (−1.5, 1), by hand:
const RAW_CAT = [-0.5 - 2.25, 1 + 0.75, 0.25 + 3, -0.75 + 1.5];
const combine = (w: number[]) => [0, 1].map((c) => w.reduce((a, wj, j) => a + wj * V4[j][c], 0));

function renderPlot(values: Values, lang: 'en' | 'zh-TW' = 'en', highlight: string | null = null) {
  const view = renderFormulaPlot(def, values, lang, highlight);
  return { ...view, result: view.result as AttentionPageResult };
}

describe('attention page compute()', () => {
  it('scores of "cat" are its hand-computed dot products divided by √2', () => {
    const r = run();
    expect(r.n).toBe(4);
    expect(r.row).toBe(1);
    expectAllClose(r.raw[1], RAW_CAT);
    expectAllClose(
      r.scores[1],
      RAW_CAT.map((s) => s / Math.SQRT2),
    );
  });

  it('weights of "cat" are the softmax of the scaled scores; output is Σ w_j v_j', () => {
    const r = run();
    const w = byHand(RAW_CAT.map((s) => s / Math.SQRT2));
    expectAllClose(r.weights[1], w);
    expectAllClose(r.output[1], combine(w));
    // the ratio of two weights is e^{Δs}: w_sat / w_cat = e^{(3.25 − 1.75)/√2}
    expectClose(r.weights[1][2] / r.weights[1][1], Math.exp(1.5 / Math.SQRT2));
    for (const row of r.weights)
      expectClose(
        row.reduce((a, b) => a + b, 0),
        1,
      );
  });

  it('without scaling the weights are the softmax of raw QKᵀ, sharper than with it', () => {
    const r = run({ scale: false });
    expectAllClose(r.scores[1], RAW_CAT);
    expectAllClose(r.weights[1], byHand(RAW_CAT));
    expectAllClose(r.output[1], combine(byHand(RAW_CAT)));
    expect(Math.max(...r.weights[1])).toBeGreaterThan(Math.max(...run().weights[1]));
    // each mode carries the other's weights of the selected row for comparison
    expectAllClose(r.otherWeights, run().weights[1]);
    expectAllClose(run().otherWeights, r.weights[1]);
  });

  it('the causal mask: token 1 sees only itself, token 2 is a two-way logistic split', () => {
    const r = run({ causal: true });
    expectAllClose(r.weights[0], [1, 0, 0, 0]);
    expectAllClose(r.output[0], V4[0]);
    const w1 = sig((RAW_CAT[1] - RAW_CAT[0]) / Math.SQRT2);
    expectAllClose(r.weights[1], [1 - w1, w1, 0, 0]);
    expectAllClose(r.output[1], combine([1 - w1, w1, 0, 0]));
    expect(r.hidden).toEqual([
      [false, true, true, true],
      [false, false, true, true],
      [false, false, false, true],
      [false, false, false, false],
    ]);
    const u = run({ causal: true, scale: false });
    expectClose(u.weights[1][1], sig(RAW_CAT[1] - RAW_CAT[0]));
  });

  it('zero queries give uniform weights 1/n and the mean of the values', () => {
    const r = run(def.presets!.find((p) => p.id === 'uniform')!.values);
    for (const row of r.weights) expectAllClose(row, [0.25, 0.25, 0.25, 0.25]);
    expectAllClose(r.output[2], [(-1 + 2 + 0 - 1.5) / 4, (0.5 + 0 + 2 - 1.5) / 4]);
  });

  it('n = 6 uses six rows; a row beyond n is clamped; a missing matrix entry reads 0', () => {
    const r6 = run({ n: 6, row: 5 });
    expect(r6.weights.length).toBe(6);
    expect(r6.row).toBe(5);
    expect(run({ n: 4, row: 5 }).row).toBe(3);
    const r = run({ Q: [[1, 1]] });
    expectAllClose(r.weights[1], [0.25, 0.25, 0.25, 0.25]);
  });
});

describe('attention page worked(), summary(), table()', () => {
  it('worked() shows the selected row’s scores, weights and output as the plot prints them', () => {
    const r = run();
    const w = def.worked(defaults, r, 'en');
    for (const s of r.scores[1]) expect(w).toContain(formatFixed(s, 2).replace('−', '-'));
    for (const x of r.weights[1]) expect(w).toContain(formatFixed(x, 2).replace('−', '-'));
    expect(w).toContain(`(${formatFixed(r.output[1][0], 2)},\\ ${formatFixed(r.output[1][1], 2)})`);
    expect(w).toContain('\\sqrt{2}');
    expect(w).toContain('\\text{cat}');
    expect(def.worked(defaults, r, 'zh-TW')).toContain('\\text{坐}');
    const masked = def.worked(defaults, run({ causal: true }), 'en');
    expect(masked).toContain('-\\infty');
    expect(def.worked(defaults, run({ scale: false }), 'en')).not.toContain('\\sqrt{2}');
  });

  it('tex and worked() render in KaTeX strict mode for every preset, row and language', () => {
    const opts = { throwOnError: true, strict: 'error' as const, displayMode: true };
    expect(() => katex.renderToString(def.tex, opts)).not.toThrow();
    for (const p of def.params) expect(() => katex.renderToString(p.tex, opts)).not.toThrow();
    for (const values of [defaults, ...presetValues]) {
      for (let row = 0; row < 6; row++) {
        for (const causal of [false, true]) {
          const v = { ...values, row, causal };
          const r = def.compute(v);
          for (const lang of ['en', 'zh-TW'] as const) {
            expect(() => katex.renderToString(def.worked(v, r, lang), opts)).not.toThrow();
          }
        }
      }
    }
  });

  it('summary and table are filled in both languages and never show NaN or undefined', () => {
    for (const values of [defaults, ...presetValues, { ...defaults, causal: true, scale: false }]) {
      const r = def.compute(values) as AttentionPageResult;
      for (const lang of ['en', 'zh-TW'] as const) {
        const s = def.summary(values, r, lang);
        expect(s.length).toBeGreaterThan(40);
        expect(s).not.toMatch(/NaN|undefined/);
        expect(s).toContain(
          `(${formatFixed(r.output[r.row][0], 2)}, ${formatFixed(r.output[r.row][1], 2)})`,
        );
        const t = def.table(values, r, lang);
        expect(t.rows.length).toBe(r.n);
        for (const row of t.rows) expect(row.length).toBe(t.columns.length);
        expect(JSON.stringify(t)).not.toMatch(/NaN|undefined/);
      }
    }
    expect(def.summary(defaults, run(), 'en')).toContain('Query “cat” (token 2 of 4)');
    expect(def.summary(defaults, run(), 'zh-TW')).toContain('查詢「坐」');
  });

  it('text: intro and body in both languages, inline TeX valid', () => {
    for (const lang of ['en', 'zh-TW'] as const) {
      expect(def.text[lang].body.length).toBeGreaterThanOrEqual(4);
      for (const p of [def.text[lang].intro, ...def.text[lang].body]) {
        for (const m of p.matchAll(/\$([^$]+)\$/g)) {
          expect(() =>
            katex.renderToString(m[1], { throwOnError: true, strict: 'error' }),
          ).not.toThrow();
        }
      }
    }
  });

  it('declares Q, K, V as n×2 matrices in −3…3 and n, row, scale, causal', () => {
    for (const name of ['Q', 'K', 'V']) {
      const p = def.params.find((q) => q.name === name)!;
      expect(p.kind).toBe('matrix');
      if (p.kind !== 'matrix') continue;
      expect(p.rows).toEqual({ param: 'n' });
      expect([p.cols, p.min, p.max, p.step, p.default.length]).toEqual([2, -3, 3, 0.1, 6]);
      expect(p.rowLabel?.(2, 'en')).toBe('sat');
    }
    expect(def.params.find((p) => p.name === 'row')?.kind).toBe('choice');
    expect(def.params.find((p) => p.name === 'scale')?.default).toBe(true);
    expect(def.params.find((p) => p.name === 'causal')?.default).toBe(false);
  });
});

/** The marks a panel's canvas drew last. */
function panelMarks(container: Element, panel: 'scores' | 'weights' | 'bars' | 'vectors') {
  const canvas = container.querySelector(`.panel-${panel} canvas`);
  expect(canvas, `${panel} has a canvas`).not.toBeNull();
  return drawnMarks(canvas!) ?? [];
}
const ofStyle = (marks: readonly Mark[], ...styles: string[]) =>
  marks.filter((m) => styles.includes(m.style));
const texts = (marks: readonly Mark[], style: string) =>
  ofStyle(marks, style).map((m) => (m.type === 'text' ? m.text : ''));

describe('AttentionPlot', () => {
  it('renders both grids, the bars and the vectors with defaults', () => {
    const { container, result } = renderPlot(defaults);
    const cells = ['cell', 'cell-negative'];
    expect(ofStyle(panelMarks(container, 'scores'), ...cells).length).toBe(16);
    expect(ofStyle(panelMarks(container, 'weights'), ...cells).length).toBe(16);
    // the cell values, row by row: the second row is the weights of "cat"
    const weights = texts(panelMarks(container, 'weights'), 'cell-value');
    expect(weights.slice(4, 8)).toEqual(result.weights[1].map((w) => formatFixed(w, 2)));
    const scores = texts(panelMarks(container, 'scores'), 'cell-value');
    expect(scores).toEqual(result.scores.flat().map((v) => formatFixed(v, 2)));
    expect(ofStyle(panelMarks(container, 'bars'), 'bar').length).toBe(4);
    expect(texts(panelMarks(container, 'bars'), 'bar-label')).toEqual(
      result.weights[1].map((w) => formatFixed(w, 2)),
    );
    expect(ofStyle(panelMarks(container, 'vectors'), 'value-arrow').length).toBe(4);
    expect(texts(panelMarks(container, 'vectors'), 'output-label')).toEqual([
      `o = Σ wⱼ vⱼ = (${formatFixed(result.output[1][0], 2)}, ${formatFixed(result.output[1][1], 2)})`,
    ]);
    expect(container.textContent).toContain('cat');
    expect(container.textContent).toContain('QKᵀ/√2');
    expect(plotMarkup(container)).not.toMatch(/NaN|undefined|null/);
  });

  it.each(['en', 'zh-TW'] as const)(
    'a browser that gives no 2D canvas gets a note over each panel, not blank panels (%s)',
    (lang) => {
      const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
      try {
        const { container } = renderPlot(defaults, lang);
        const notes = [...container.querySelectorAll('.marks-unavailable')];
        expect(notes.length).toBe(container.querySelectorAll('canvas').length);
        expect(notes.length).toBe(4);
        for (const n of notes) {
          expect(n).toHaveAttribute('role', 'note');
          expect(n.textContent).toBe(CANVAS_UNAVAILABLE[lang]);
        }
      } finally {
        spy.mockRestore();
      }
      // with a 2D context, no note
      const { container } = renderPlot(defaults, lang);
      expect(container.querySelector('.marks-unavailable')).toBeNull();
    },
  );

  it('a value tick changes only the vectors; a key tick changes all four panels', () => {
    const view = renderPlot(defaults);
    const panels = ['scores', 'weights', 'bars', 'vectors'] as const;
    const marksNow = () => panels.map((p) => panelMarks(view.container, p));
    const tick = (over: Values) => {
      const values = { ...defaults, ...over };
      view.update(values);
    };
    const before = marksNow();
    const V = (defaults.V as number[][]).map((row) => [...row]);
    V[0][0] += 0.5;
    tick({ V });
    const afterV = marksNow();
    // the same marks: only the vectors changed
    expect(afterV.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(afterV[3]).not.toEqual(before[3]);
    const K = (defaults.K as number[][]).map((row) => [...row]);
    K[0][0] += 0.5;
    tick({ V, K });
    const afterK = marksNow();
    afterK.forEach((m, i) => expect(m).not.toEqual(afterV[i]));
  });

  it('shades each weight cell by its weight and each score cell by its size against the largest', () => {
    const { container, result } = renderPlot(defaults);
    const shade = (marks: readonly Mark[]) =>
      ofStyle(marks, 'cell', 'cell-negative').map((m) => (m.type === 'rect' ? m.fillOpacity : NaN));
    expectAllClose(
      shade(panelMarks(container, 'weights')) as number[],
      result.weights.flat().map((w) => 0.06 + 0.84 * w),
      { abs: 1e-12 },
    );
    const flat = result.scores.flat();
    const max = Math.max(...flat.map(Math.abs));
    expectAllClose(
      shade(panelMarks(container, 'scores')) as number[],
      flat.map((v) => 0.06 + 0.84 * (Math.abs(v) / max)),
      { abs: 1e-12 },
    );
    // a negative score is drawn in the negative style
    const styles = ofStyle(panelMarks(container, 'scores'), 'cell', 'cell-negative').map(
      (m) => m.style,
    );
    expect(styles).toEqual(flat.map((v) => (v < 0 ? 'cell-negative' : 'cell')));
  });

  it('the head-to-tail contributions end at the output', () => {
    const { container } = renderPlot(defaults);
    const marks = panelMarks(container, 'vectors');
    const paths = ofStyle(marks, 'contribution').map((m) => (m.type === 'path' ? m.d : ''));
    const out = ofStyle(marks, 'output-point')[0];
    expect(out.type).toBe('circle');
    if (out.type !== 'circle') return;
    // the last contribution's shaft ends at the output point (small weights are skipped, < 0.005)
    const last = paths[paths.length - 1].match(/L([-\d.]+),([-\d.]+)/)!;
    expect(Number(last[1])).toBeCloseTo(out.cx, 6);
    expect(Number(last[2])).toBeCloseTo(out.cy, 6);
  });

  it('the causal mask hatches the upper triangle: −∞ in the scores, 0 in the weights', () => {
    const { container } = renderPlot({ ...defaults, causal: true });
    const masked = container.querySelectorAll('.grid-scores .cell.is-masked');
    expect(masked.length).toBe(6);
    expect([...masked].every((c) => c.textContent === '−∞')).toBe(true);
    const maskedW = container.querySelectorAll('.grid-weights .cell.is-masked');
    expect([...maskedW].every((c) => c.textContent === '0')).toBe(true);
    expect(maskedW[0].querySelector('rect')!.getAttribute('style')).toMatch(
      /fill: url\("?#att-hatch-/,
    );
    // the canvas draws the other ten cells of each grid
    expect(ofStyle(panelMarks(container, 'weights'), 'cell').length).toBe(10);
    expect(texts(panelMarks(container, 'bars'), 'bar-label').slice(2)).toEqual(['0', '0']);
    expect(ofStyle(panelMarks(container, 'vectors'), 'value-arrow-masked').length).toBe(2);
    expect(container.textContent).toContain('causal mask');
  });

  it('clicking a row of the heatmap selects that query', () => {
    const { container, setValue } = renderPlot(defaults);
    fireEvent.click(container.querySelectorAll('.grid-weights .grid-row')[3]);
    expect(setValue).toHaveBeenCalledWith('row', 3);
  });

  it('the selected row is outlined where the row is', () => {
    const { container } = renderPlot({ ...defaults, row: 2 });
    const [outline] = ofStyle(panelMarks(container, 'weights'), 'row-outline');
    expect(outline.type).toBe('rect');
    if (outline.type !== 'rect') return;
    expect(outline.y).toBeCloseTo(2 * outline.height, 6);
    expect(container.querySelectorAll('.grid-row.is-selected').length).toBe(2);
  });

  for (const preset of def.presets ?? []) {
    it(`renders preset "${preset.id}" in both languages`, () => {
      for (const lang of ['en', 'zh-TW'] as const) {
        const values = { ...defaults, ...preset.values };
        const { container, result, unmount } = renderPlot(values, lang);
        const drawn = ofStyle(panelMarks(container, 'weights'), 'cell').length;
        const masked = container.querySelectorAll('.grid-weights .cell.is-masked').length;
        expect(drawn + masked).toBe(result.n ** 2);
        expect(texts(panelMarks(container, 'vectors'), 'output-label')[0]).toContain(
          formatFixed(result.output[result.row][0], 2),
        );
        expect(plotMarkup(container)).not.toMatch(/NaN|undefined/);
        unmount();
      }
    });
  }

  it('zh-TW uses the Chinese tokens and titles', () => {
    const { container } = renderPlot({ ...defaults, n: 6 }, 'zh-TW');
    for (const t of ['貓', '坐', '下', '來', '睡', '覺'])
      expect(container.textContent).toContain(t);
    expect(container.textContent).toContain('注意力權重');
    expect(texts(panelMarks(container, 'vectors'), 'value-label')).toContain('貓');
  });

  it('a highlight from the card reaches the plot; hovering a row asks to highlight row', () => {
    const { container, setHighlight } = renderPlot(defaults, 'en', 'V');
    expect(container.querySelector('.attention-plot.hl-V')).not.toBeNull();
    fireEvent.pointerEnter(container.querySelectorAll('.grid-weights .grid-row')[0]);
    expect(setHighlight).toHaveBeenCalledWith('row');
  });

  it('a point is near a value arrow along its whole shaft, and not beyond its reach', () => {
    const result = run(defaults);
    const x = scaleLinear().domain([-3.2, 3.2]).range([0, 236]);
    const y = scaleLinear().domain([-3.2, 3.2]).range([236, 0]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (j, t) => {
          const [vx, vy] = result.V[j];
          const px = x(0) + t * (x(vx) - x(0));
          const py = y(0) + t * (y(vy) - y(0));
          expect(nearValueArrow(result, px, py)).toBe(true);
        },
      ),
    );
    // a corner of the plane is far from every arrow of the defaults (all within ±2)
    expect(nearValueArrow(result, 0, 0)).toBe(false);
    expect(nearValueArrow(result, 236, 236)).toBe(false);
  });

  it('hovering the largest contribution names its weight and token; away from them, nothing', () => {
    const result = run(defaults);
    const x = scaleLinear().domain([-3.2, 3.2]).range([0, 236]);
    const y = scaleLinear().domain([-3.2, 3.2]).range([236, 0]);
    // "cat" attends most to "sat": w = 0.65, v_sat = (0, 2), drawn after "the" and "cat"
    const w = result.weights[1];
    const j = w.indexOf(Math.max(...w));
    const from = [0, 1].map((c) => w.slice(0, j).reduce((a, wk, k) => a + wk * V4[k][c], 0));
    const to = [from[0] + w[j] * V4[j][0], from[1] + w[j] * V4[j][1]];
    const mid = [x((from[0] + to[0]) / 2), y((from[1] + to[1]) / 2)];
    const tokens = ['the', 'cat', 'sat', 'down'];
    expect(contributionAt(result, tokens, mid[0], mid[1])).toBe(`${formatFixed(w[j], 2)} · v(sat)`);
    expect(contributionAt(result, tokens, 0, 0)).toBeNull();
  });
});

describe('attention plot live update', () => {
  const entry = fc.integer({ min: -30, max: 30 }).map((k) => Number((k / 10).toFixed(1)));
  const matrix = fc.array(fc.array(entry, { minLength: 2, maxLength: 2 }), {
    minLength: 6,
    maxLength: 6,
  });
  const valuesArb = fc.record({
    n: fc.integer({ min: 4, max: 6 }),
    row: fc.integer({ min: 0, max: 5 }),
    scale: fc.boolean(),
    causal: fc.boolean(),
    Q: matrix,
    K: matrix,
    V: matrix,
  });

  it('a tick leaves the same marks and SVG as a fresh render', () => {
    fc.assert(
      fc.property(
        valuesArb,
        matrix,
        fc.constantFrom('Q', 'K', 'V'),
        fc.constantFrom<'en' | 'zh-TW'>('en', 'zh-TW'),
        (a, m, name, lang) => {
          // a tick moves an entry of Q, K or V; here the whole matrix changes at once
          const before = { ...defaults, ...a };
          const after = { ...before, [name]: m };
          expectTickAsFresh(def, before, after, lang);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a new token count leaves the same marks and SVG as a fresh render', () => {
    expectTickAsFresh(def, { ...defaults, n: 4 }, { ...defaults, n: 5 });
  });
});
