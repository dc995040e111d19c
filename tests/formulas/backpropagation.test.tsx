import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/backpropagation';
import { findEntry } from '../../src/formulas/registry';
import {
  PARAM_COUNT,
  PARAM_REFS,
  deepLayers,
  initialLayers,
  paramName,
} from '../../src/formulas/backpropagation/model';
import type { BackpropResult } from '../../src/formulas/backpropagation/model';
import { decadeTicks, labelSpots } from '../../src/formulas/backpropagation/BackpropPlot';
import {
  boxOverlap,
  circleHitsBox,
  segmentHitsBox,
} from '../../src/formulas/backpropagation/labels';
import type { Segment } from '../../src/formulas/backpropagation/labels';
import { formatNumber } from '../../src/plots/formatNumber';
import { layeredLayout } from '../../src/plots/Graph';
import { estimateTextWidth } from '../../src/plots/measureText';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { texNum } from '../../src/ui/tex/sym';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];

function values(over: Record<string, ParamValue> = {}): Values {
  return withDefaults(def, over);
}

function compute(v: Values): BackpropResult {
  return def.compute(v) as BackpropResult;
}

const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const F = {
  sigmoid: { f: sigmoid, df: (z: number) => sigmoid(z) * (1 - sigmoid(z)) },
  tanh: { f: Math.tanh, df: (z: number) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z: number) => Math.max(0, z), df: (z: number) => (z > 0 ? 1 : 0) },
};

/**
 * The network by hand, written out without the library: forward, the loss, and every
 * gradient by the delta rule (δ² = ∂L/∂ŷ, δ¹ = (W²ᵀδ²) ⊙ f′(z¹)), in PARAM_REFS order.
 */
function byHand(r: BackpropResult) {
  const { f, df } = F[r.activation];
  const [{ W: W1, b: b1 }, { W: W2, b: b2 }] = r.layers;
  const z1 = W1.map((row, i) => row[0] * r.x[0] + row[1] * r.x[1] + b1[i]);
  const a1 = z1.map(f);
  const out = W2.map((row, j) => row.reduce((s, w, i) => s + w * a1[i], b2[j]));
  const m = out.length;
  const loss = out.reduce((s, o, j) => s + (r.y[j] - o) ** 2, 0) / m;
  const d2 = out.map((o, j) => (2 / m) * (o - r.y[j]));
  const d1 = z1.map((z, i) => d2.reduce((s, d, j) => s + d * W2[j][i], 0) * df(z));
  const grads = PARAM_REFS.slice(0, PARAM_COUNT[m as 1 | 2]).map((ref) => {
    const delta = ref.layer === 0 ? d1 : d2;
    const input = ref.layer === 0 ? r.x : a1;
    return ref.kind === 'b' ? delta[ref.row] : delta[ref.row] * input[ref.col];
  });
  return { z1, a1, out, loss, grads };
}

const valuesArb = fc.record({
  net: fc.constantFrom(1, 2),
  x: fc.array(
    fc.integer({ min: -20, max: 20 }).map((k) => k / 10),
    {
      minLength: 2,
      maxLength: 2,
    },
  ),
  y: fc.array(
    fc.integer({ min: -20, max: 20 }).map((k) => k / 10),
    {
      minLength: 2,
      maxLength: 2,
    },
  ),
  act: fc.constantFrom(0, 1, 2),
  lr: fc.constantFrom(0.01, 0.1, 0.5, 2),
  s: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  sel: fc.integer({ min: 0, max: 16 }),
  L: fc.integer({ min: 1, max: 8 }),
  t: fc.integer({ min: 0, max: 6 }),
});

describe('backpropagation page compute()', () => {
  it('the default 2-2-1 sigmoid network: forward values and loss by hand', () => {
    const r = compute(values());
    expect(r.outputs).toBe(1);
    expect(r.layers[0].W).toEqual([
      [0.25, -0.99],
      [0.05, 0.96],
    ]);
    const h = byHand(r);
    expectAllClose(r.z1, [0.25 * 1 - 0.99 * -0.5 + 0.94, 0.05 * 1 + 0.96 * -0.5 - 0.44]);
    expectAllClose(r.a1, h.a1, { rel: 1e-12 });
    expectAllClose(r.yhat, h.out, { rel: 1e-12 });
    expectClose(r.loss, h.loss, { rel: 1e-12 });
  });

  it('every gradient equals the delta rule by hand and the product of its three chain-rule factors', () => {
    fc.assert(
      fc.property(valuesArb, (v) => {
        const r = compute(values(v));
        const h = byHand(r);
        expect(r.params).toHaveLength(PARAM_COUNT[r.outputs]);
        r.params.forEach((p, i) => {
          expectClose(p.grad, h.grads[i], { rel: 1e-9, abs: 1e-12 });
          expectClose(p.dLda * p.dadz * p.dzdw, p.grad, { rel: 1e-9, abs: 1e-12 });
          // the sum over paths, where a hidden weight reaches the loss through every output
          if (p.ref.layer === 0) {
            expect(p.paths).toHaveLength(r.outputs);
            expectClose(
              p.paths.reduce((s, q) => s + q.dLdy * q.w, 0),
              p.dLda,
              { rel: 1e-12, abs: 1e-15 },
            );
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the central finite difference agrees with backpropagation (away from a ReLU kink)', () => {
    fc.assert(
      fc.property(valuesArb, (v) => {
        const r = compute(values(v));
        const kink = r.activation === 'relu' && r.z1.some((z) => Math.abs(z) < 1e-4);
        if (kink) return;
        for (const p of r.params) {
          expect(Math.abs(p.finiteDiff - p.grad)).toBeLessThan(
            1e-6 * Math.max(1, Math.abs(p.grad)),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the update is w − η ∂L/∂w, and a small step lowers the loss', () => {
    fc.assert(
      fc.property(valuesArb, (v) => {
        const r = compute(values({ ...v, lr: 0.01 }));
        for (const p of r.params) expectClose(p.updated, p.value - 0.01 * p.grad, { rel: 1e-12 });
        const g2 = r.params.reduce((s, p) => s + p.grad ** 2, 0);
        // to first order the loss falls by η‖∇L‖²
        if (g2 > 1e-6 && !r.z1.some((z) => Math.abs(z) < 0.05))
          expect(r.lossAfter).toBeLessThan(r.loss);
      }),
      { numRuns: 100 },
    );
  });

  it('"too large a step" raises the loss; "sum over paths" has two paths into the hidden weight', () => {
    const over = compute(presetValues('overshoot'));
    expect(over.lossAfter).toBeGreaterThan(over.loss);
    const paths = compute(presetValues('paths'));
    expect(paths.outputs).toBe(2);
    expect(paths.selected.paths).toHaveLength(2);
  });

  it('a selection this shape does not have falls back to the first parameter', () => {
    const r = compute(values({ net: 1, sel: 15 }));
    expect(r.selected.index).toBe(0);
    expect(compute(values({ net: 2, sel: 15 })).selected.index).toBe(15);
  });

  it('the deep sigmoid network’s gradient shrinks by orders of magnitude; ReLU’s does not vanish', () => {
    const sig = compute(presetValues('vanishing'));
    expect(sig.deep).toHaveLength(9);
    expect(sig.deepRatio).toBeLessThan(1e-3);
    // each layer backward: a sigmoid slope ≤ 1/4 times weights near 1
    const relu = compute(presetValues('relu-deep'));
    expect(relu.deepRatio).toBeGreaterThan(0.05);
    expect(relu.deep.every((d) => d.meanGrad > 0)).toBe(true);
  });

  it('deep and small networks are drawn from the seed: the same seed, the same weights', () => {
    expect(initialLayers(2, 7)).toEqual(initialLayers(2, 7));
    expect(initialLayers(2, 7)).not.toEqual(initialLayers(2, 8));
    expect(deepLayers(4, 7)).toEqual(deepLayers(4, 7));
    for (const l of initialLayers(2, 123).flatMap((l) => [...l.W.flat(), ...l.b])) {
      expect(Math.abs(l)).toBeLessThanOrEqual(1);
      expect(Math.round(l * 100) / 100).toBe(l);
    }
  });
});

describe('backpropagation page text', () => {
  it('renders its TeX and the worked example of every parameter strictly', () => {
    expectStrictTex(def.tex);
    for (const net of [1, 2]) {
      for (const act of [0, 1, 2]) {
        for (let sel = 0; sel < PARAM_COUNT[net as 1 | 2]; sel++) {
          const v = values({ net, act, sel });
          for (const lang of LANGS) expectStrictTex(def.worked(v, def.compute(v), lang));
        }
      }
    }
  });

  it('the worked example shows the selected gradient, its finite difference and the plot’s readout numbers', () => {
    const v = values({ sel: 6 });
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    expect(w).toContain(texNum(r.selected.grad, 5));
    expect(w).toContain(texNum(r.selected.finiteDiff, 5));
    expect(w).toContain(texNum(r.selected.updated, 4));
    expect(w).toContain(texNum(r.deepRatio, 3));
    const { container } = renderFormulaPlot(def, v);
    const readout = container.querySelector('.bp-readout')!.textContent!;
    expect(readout).toContain(formatNumber(r.selected.grad, 5));
    expect(texNum(r.selected.grad, 5)).toBe(formatNumber(r.selected.grad, 5).replace('−', '-'));
  });

  it('summary and table in both languages, without NaN', () => {
    for (const v of [
      values(),
      values({ net: 2 }),
      ...(def.presets ?? []).map((p) => values(p.values as never)),
    ]) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength(r.params.length + r.deep.length);
        expect(t.rows[0][0]).toBe(paramName(PARAM_REFS[0]));
        expect(s).toContain(paramName(r.selected.ref));
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    expect(def.summary(values(), compute(values()), 'zh-TW')).toContain('反向傳播');
  });

  it('has prose in both languages and links the activation pages, gradient descent and cross-entropy', () => {
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(80);
      expect(def.text[lang].body.length).toBeGreaterThan(4);
    }
    for (const id of [
      'sigmoid',
      'tanh',
      'relu',
      'gradient-descent',
      'cross-entropy',
      'neural-network',
    ])
      expect(findEntry('backpropagation')!.related).toContain(id);
  });
});

describe('backpropagation page Plot', () => {
  const labels = (c: HTMLElement) =>
    [...c.querySelectorAll('.bp-label')].map((e) => [e.getAttribute('class'), e.textContent]);

  it('shows weights, then each layer’s gradients as they are computed, then the update', () => {
    const at = (t: number) => {
      const view = renderFormulaPlot(def, values({ t }));
      const out = labels(view.container);
      view.unmount();
      return out;
    };
    const r = compute(values());
    const classes = (t: number) => at(t).map(([c]) => String(c).split(' ')[1]);
    expect(at(0)).toHaveLength(r.params.length);
    expect(classes(0).every((c) => c === 'bp-weight')).toBe(true);
    // step 4: the output layer's three parameters (w²₁₁, w²₁₂, b²₁) have gradients, step 5 all
    const four = classes(4);
    expect(four.filter((c) => c === 'bp-grad')).toHaveLength(3);
    expect(classes(5).filter((c) => c === 'bp-grad')).toHaveLength(9);
    expect(classes(6).every((c) => c === 'bp-updated')).toBe(true);
    expect(at(6).map(([, t]) => t)).toContain(`→ ${r.params[0].updated.toFixed(2)}`);
  });

  it('offers the parameters of its shape and selects one from the list or by clicking its label', () => {
    const view = renderFormulaPlot(def, values({ net: 2 }));
    const select = view.container.querySelector('select')!;
    expect(select.querySelectorAll('option')).toHaveLength(17);
    fireEvent.change(select, { target: { value: '12' } });
    expect(view.setValue).toHaveBeenCalledWith('sel', 12);
    fireEvent.click(view.container.querySelector('.bp-label[data-index="3"]')!);
    expect(view.setValue).toHaveBeenCalledWith('sel', 3);
    // by keyboard too: every label is a button in the tab order, named by its parameter
    const labels = view.getAllByRole('button', { name: /^Expand / });
    expect(labels).toHaveLength(17);
    for (const l of labels) expect(l.getAttribute('tabindex')).toBe('0');
    expect(labels.filter((l) => l.getAttribute('aria-pressed') === 'true')).toHaveLength(1);
    fireEvent.keyDown(labels[5], { key: 'Enter' });
    expect(view.setValue).toHaveBeenLastCalledWith('sel', Number(labels[5].dataset.index));
    fireEvent.keyDown(labels[6], { key: ' ' });
    expect(view.setValue).toHaveBeenLastCalledWith('sel', Number(labels[6].dataset.index));
    const calls = view.setValue.mock.calls.length;
    fireEvent.keyDown(labels[7], { key: 'a' });
    expect(view.setValue.mock.calls).toHaveLength(calls);
    view.unmount();
    const small = renderFormulaPlot(def, values({ net: 1 }));
    expect(small.container.querySelectorAll('select option')).toHaveLength(9);
    // nine slots, the default depth of 6 filling seven of them (6 hidden layers and the output)
    const bars = [...small.container.querySelectorAll('.bp-deep .kit-bar')];
    expect(bars).toHaveLength(9);
    expect(bars.filter((b) => Number(b.getAttribute('height')) > 0)).toHaveLength(7);
  });

  it('renders every preset in both languages with finite marks and no NaN', () => {
    for (const v of (def.presets ?? []).map((p) => values(p.values as never))) {
      for (const lang of LANGS) {
        const { container, unmount } = renderFormulaPlot(def, v, lang);
        expect(container.textContent).not.toMatch(/NaN|undefined|Infinity/);
        for (const el of container.querySelectorAll('rect, circle, line, text')) {
          for (const a of ['x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'x2', 'y1', 'y2']) {
            const s = el.getAttribute(a);
            if (s !== null) expect(Number.isFinite(Number(s)), `${a}=${s}`).toBe(true);
          }
        }
        unmount();
      }
    }
  });
});

describe('backpropagation page: where the edge and bias labels go', () => {
  /** The small network laid out as the plot lays it out, in an inner area w × h. */
  const placedNodes = (outputs: 1 | 2, w: number, h: number, radius: number) =>
    layeredLayout(
      [
        ...[0, 1].map((k) => ({ id: `x${k}`, layer: 0 })),
        ...Array.from({ length: outputs === 1 ? 2 : 3 }, (_, i) => ({ id: `h${i}`, layer: 1 })),
        ...Array.from({ length: outputs }, (_, j) => ({ id: `o${j}`, layer: 2 })),
      ],
      [],
      { width: w, height: h, radius },
    ).nodes;

  /** Every label's box, the graph's edges (rim to rim) and nodes, and which edge is whose. */
  function scene(outputs: 1 | 2, w: number, h: number, fs: number, radius: number) {
    const nodes = placedNodes(outputs, w, h, radius);
    const at = new Map(nodes.map((n) => [n.id, n]));
    const spots = labelSpots(outputs, nodes, fs, { x0: -30, y0: -4, x1: w + 80, y1: h + 4 });
    const hw = estimateTextWidth('∂ −0.0000', `${fs}px sans-serif`) / 2;
    const hh = 0.62 * fs;
    const refs = PARAM_REFS.slice(0, PARAM_COUNT[outputs]);
    const edgeOf = new Map<number, Segment>();
    refs.forEach((ref, i) => {
      if (ref.kind !== 'W') return;
      const [from, to] =
        ref.layer === 0 ? [`x${ref.col}`, `h${ref.row}`] : [`h${ref.col}`, `o${ref.row}`];
      const a = at.get(from)!;
      const b = at.get(to)!;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
      edgeOf.set(i, {
        x1: a.x + ux * a.r,
        y1: a.y + uy * a.r,
        x2: b.x - ux * b.r,
        y2: b.y - uy * b.r,
      });
    });
    const boxes = refs.map((ref, i) => ({
      i,
      ...spots.get(i)!,
      hw: ref.kind === 'b' ? hw * 0.8 : hw,
      hh,
    }));
    return { nodes, boxes, edgeOf };
  }

  /** What a label box runs into: other labels or node values, nodes, its own edge, other edges. */
  function clashes(outputs: 1 | 2, w: number, h: number, fs: number, radius: number) {
    const { nodes, boxes, edgeOf } = scene(outputs, w, h, fs, radius);
    const out = { labels: 0, nodes: 0, ownEdge: 0, otherEdges: 0 };
    // the node values as Graph writes them: above each node, baseline 6 px over its rim
    const values = nodes.map((n) => ({
      x: n.x,
      y: n.y - n.r - 6 - 0.35 * fs,
      hw: estimateTextWidth('−0.000', `${fs}px sans-serif`) / 2,
      hh: 0.6 * fs,
    }));
    for (const a of boxes) {
      for (const b of boxes) if (a.i < b.i && boxOverlap(a, b) > 0) out.labels++;
      for (const v of values) if (boxOverlap(a, v) > 0) out.labels++;
      for (const n of nodes) if (circleHitsBox(n, a)) out.nodes++;
      for (const [i, e] of edgeOf) {
        if (!segmentHitsBox(e, a)) continue;
        if (i === a.i) out.ownEdge++;
        else out.otherEdges++;
      }
    }
    return out;
  }

  it('the geometry helpers: a segment through a box meets it, one past its corner does not', () => {
    const box = { x: 10, y: 10, hw: 5, hh: 2 };
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 20, y2: 20 }, box)).toBe(true);
    expect(segmentHitsBox({ x1: 0, y1: 10, x2: 6, y2: 10 }, box)).toBe(true);
    // the line x + y = 27 passes the corner (15, 12) at distance 0: just past it misses
    expect(segmentHitsBox({ x1: 0, y1: 27.1, x2: 27.1, y2: 0 }, box)).toBe(false);
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 4.9, y2: 10 }, box)).toBe(false);
    expect(boxOverlap(box, { x: 14, y: 11, hw: 2, hh: 2 })).toBeCloseTo(3 * 3, 12);
    expect(boxOverlap(box, { x: 18, y: 10, hw: 2, hh: 2 })).toBe(0);
    expect(circleHitsBox({ x: 18, y: 10, r: 3.1 }, box)).toBe(true);
    expect(circleHitsBox({ x: 18, y: 15, r: 3 }, box)).toBe(false);
  });

  const CLEAR = { labels: 0, nodes: 0, ownEdge: 0, otherEdges: 0 };

  it('on a page (columns 600 to 760 wide, 1280 gives about 645) and presenting (1050 to 1500 by 400 to 560; 1920 gives 1083 by 409): no label touches another, a node value, a node or any edge (presenting 2-3-2: at most two other edges pass under one)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 2 as const),
        fc.integer({ min: 600, max: 760 }),
        (outputs, width) => {
          // the page's margins (118 across, 126 down) around the graph's 380-high viewBox
          expect(clashes(outputs, width - 118, 380 - 126, 11, 17)).toEqual(CLEAR);
        },
      ),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 2 as const),
        fc.integer({ min: 1050, max: 1500 }),
        fc.integer({ min: 400, max: 560 }),
        (outputs, width, height) => {
          // the halo keeps a label readable where another edge passes under it: a few may
          const { otherEdges, ...rest } = clashes(outputs, width - 164, height - 164, 18, 22);
          expect(rest).toEqual({ labels: 0, nodes: 0, ownEdge: 0 });
          expect(otherEdges).toBeLessThanOrEqual(outputs === 1 ? 0 : 2);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on a phone (columns 320 to 480), where the edges are shorter than a label: no label sits on its own edge; in 2-2-1 none on another or a node value, in the crowded 2-3-2 at most one pair', () => {
    const bad: string[] = [];
    for (const outputs of [1, 2] as const)
      for (let width = 320; width <= 480; width += 10) {
        const c = clashes(outputs, width - 92, 380 - 158, 11, 17);
        if (c.ownEdge > 0 || c.labels > (outputs === 1 ? 0 : 1))
          bad.push(`${outputs} outputs at ${width}: ${JSON.stringify(c)}`);
      }
    expect(bad).toEqual([]);
  });

  it('a step, a new input or another selection changes the labels’ text, never where they are', () => {
    const spots = (over: Record<string, ParamValue>) => {
      const view = renderFormulaPlot(def, values({ net: 2, ...over }));
      const out = [...view.container.querySelectorAll('.bp-label')].map((e) => [
        e.getAttribute('x'),
        e.getAttribute('y'),
      ]);
      view.unmount();
      return out;
    };
    const first = spots({ t: 0 });
    expect(new Set(first.map(String)).size).toBe(17);
    for (const over of [{ t: 4 }, { t: 6 }, { sel: 9, t: 5 }, { x: [-1, 2] }] as Record<
      string,
      ParamValue
    >[])
      expect(spots(over)).toEqual(first);
  });
});

describe('backpropagation page: the deep chart’s log axis presenting', () => {
  it('ticks at powers of ten a multiple of k apart, 1 among them, never closer than the gap', () => {
    expect(decadeTicks(1000, 28)).toEqual([
      1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100,
    ]);
    // 11 decades over 120 px at 28 px apart: k = ⌈28 · 11 / 120⌉ = 3
    expect(decadeTicks(120, 28)).toEqual([1e-9, 1e-6, 1e-3, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 800 }), fc.integer({ min: 10, max: 40 }), (h, gap) => {
        const t = decadeTicks(h, gap);
        expect(t).toContain(1);
        const e = t.map((v) => Math.round(Math.log10(v)));
        for (let i = 1; i < e.length; i++)
          expect(((e[i] - e[i - 1]) / 11) * h).toBeGreaterThanOrEqual(gap);
      }),
    );
  });
});
