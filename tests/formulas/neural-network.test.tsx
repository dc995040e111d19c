import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/neural-network';
import { findEntry } from '../../src/formulas/registry';
import { makeDataset, POINTS } from '../../src/formulas/neural-network/data';
import type { NeuralNetworkResult } from '../../src/formulas/neural-network/model';
import {
  createTrainingSession,
  datasetOf,
  initialLayers,
  OPTIMIZERS,
  optimizerConfig,
} from '../../src/formulas/neural-network/train';
import type { TrainingInput } from '../../src/formulas/neural-network/train';
import { PLOT_WORDS } from '../../src/formulas/neural-network/words';
import { mlpTrain } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as NeuralNetworkResult;
const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const HAND = [sigmoid, Math.tanh, (z: number) => Math.max(0, z)];

/** The network's forward pass and mean cross-entropy, written out here without the library. */
function handLoss(
  layers: { W: number[][]; b: number[] }[],
  points: readonly (readonly number[])[],
  labels: readonly number[],
  f: (z: number) => number,
): number {
  let sum = 0;
  points.forEach((x, n) => {
    let a = [...x];
    layers.forEach(({ W, b }, k) => {
      const z = W.map((row, r) => row.reduce((s, w, c) => s + w * a[c], b[r]));
      a = k === layers.length - 1 ? z : z.map(f);
    });
    const m = Math.max(...a);
    const lse = m + Math.log(a.reduce((s, o) => s + Math.exp(o - m), 0));
    sum += lse - a[labels[n]];
  });
  return sum / points.length;
}

const baseInput = (over: Partial<TrainingInput> = {}): TrainingInput => ({
  data: 0,
  classes: 2,
  noise: 0.1,
  trainShare: 0.5,
  hidden: [4, 3],
  activation: 'tanh',
  optimizer: 'adam',
  lr: 0.03,
  seed: 7,
  step: 0,
  ...over,
});

describe('neural-network page compute(): one neuron', () => {
  it('the default sigmoid neuron at x = (1, 1): z = 1·1 + 1·1 − 0.5 = 1.5, y = σ(1.5) = 0.8175744761936437', () => {
    const r = compute(values());
    expect(r.z).toBe(1.5);
    expectClose(r.y, 0.8175744761936437, { rel: 1e-12 });
    expectClose(compute(values({ f: 1 })).y, 0.9051482536448664, { rel: 1e-12 });
    expect(compute(values({ f: 2 })).y).toBe(1.5);
    expect(compute(values({ f: 2, b: -3 })).y).toBe(0);
  });

  it('z = w·x + b and y = f(z) at any input, and every heatmap cell is f at its centre', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -15, max: 15 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: -50, max: 50 }),
        fc.constantFrom(0, 1, 2),
        fc.integer({ min: 0, max: 39 }),
        fc.integer({ min: 0, max: 39 }),
        (x10, w10, b10, f, i, j) => {
          const x = x10.map((v) => v / 10);
          const w = w10.map((v) => v / 10);
          const b = b10 / 10;
          const r = compute(values({ x, w, b, f }));
          const z = w[0] * x[0] + w[1] * x[1] + b;
          expectClose(r.z, z, { rel: 1e-12, abs: 1e-12 });
          expectClose(r.y, HAND[f](z), { rel: 1e-12, abs: 1e-12 });
          const c = (k: number) => -1.5 + ((k + 0.5) * 3) / 40;
          const zc = w[0] * c(j) + w[1] * c(i) + b;
          expectClose(r.grid[i][j], HAND[f](zc), { rel: 1e-12, abs: 1e-12 });
          // the neuron answers 1 exactly on the side of the boundary w points to
          for (const row of r.truth) {
            expect(row.fires).toBe(w[0] * row.x[0] + w[1] * row.x[1] + b > 0 ? 1 : 0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the AND and OR presets match their truth tables; the XOR preset gets 3 of 4', () => {
    const and = compute(presetValues('and'));
    expect(and.truth.map((t) => t.target)).toEqual([0, 0, 0, 1]);
    expect(and.correct).toBe(4);
    const or = compute(presetValues('or'));
    expect(or.truth.map((t) => t.target)).toEqual([0, 1, 1, 1]);
    expect(or.correct).toBe(4);
    const xor = compute(presetValues('xor-one-neuron'));
    expect(xor.truth.map((t) => t.target)).toEqual([0, 1, 1, 0]);
    expect(xor.correct).toBe(3);
  });

  it('no weights and bias make one neuron compute XOR (any activation, any slider values)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: -50, max: 50 }),
        fc.constantFrom(0, 1, 2),
        (w10, b10, f) => {
          const r = compute(values({ w: w10.map((v) => v / 10), b: b10 / 10, f, gate: 2 }));
          expect(r.correct).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('both weights 0: no boundary, the same output everywhere', () => {
    const r = compute(values({ w: [0, 0], b: 0.7 }));
    expect(r.flat).toBe(true);
    expect(new Set(r.grid.flat()).size).toBe(1);
    expect(def.summary(values({ w: [0, 0] }), compute(values({ w: [0, 0] })), 'en')).toContain(
      'no boundary',
    );
  });
});

describe('neural-network data sets', () => {
  it('the same seed gives the same points; another seed other points; 200 points split as asked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom(2, 3) as fc.Arbitrary<2 | 3>,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 2 }),
        (data, classes, noise, share, seed) => {
          const a = datasetOf({ data, classes, noise, trainShare: share, seed });
          expect(datasetOf({ data, classes, noise, trainShare: share, seed })).toEqual(a);
          expect(a.points).toHaveLength(POINTS);
          expect(a.trainCount).toBe(Math.round(POINTS * share));
          const counts = [0, 1, 2].map((k) => a.labels.filter((l) => l === k).length);
          expect(counts.slice(0, classes).every((c) => Math.abs(c - POINTS / classes) < 1)).toBe(
            true,
          );
          expect(a.points.flat().every(Number.isFinite)).toBe(true);
          const b = datasetOf({ data, classes, noise, trainShare: share, seed: seed + 1 });
          expect(b.points).not.toEqual(a.points);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('without noise the circle’s classes lie in their rings and XOR’s class 0 where x₁x₂ > 0', () => {
    const circle = makeDataset('circle', 2, 0, 0.5, 3);
    circle.points.forEach(([x, y], i) => {
      const r = Math.hypot(x, y);
      if (circle.labels[i] === 0) expect(r).toBeLessThanOrEqual(0.5 + 1e-12);
      else expect(r).toBeGreaterThanOrEqual(0.85 - 1e-12);
    });
    const xor = makeDataset('xor', 2, 0, 0.5, 3);
    xor.points.forEach(([x, y], i) => expect(x * y > 0).toBe(xor.labels[i] === 0));
    const three = makeDataset('spiral', 3, 0, 0.5, 3);
    expect(new Set(three.labels)).toEqual(new Set([0, 1, 2]));
  });
});

describe('neural-network training (the worker’s session)', () => {
  it('the session at step k gives mlpTrain’s losses and layers after k steps, for every optimizer', () => {
    for (const optimizer of OPTIMIZERS) {
      const input = baseInput({ optimizer, lr: optimizer === 'sgd' ? 0.3 : 0.03, step: 25 });
      const out = createTrainingSession()(input);
      const d = datasetOf(input);
      const n = d.trainCount;
      const ref = mlpTrain(
        initialLayers(input.hidden, 2, 'tanh', input.seed),
        d.points.slice(0, n),
        d.labels.slice(0, n),
        { activation: 'tanh', loss: 'softmax-cross-entropy' },
        optimizerConfig(optimizer, input.lr),
        25,
      );
      expect(out.step).toBe(25);
      expectAllClose(out.trainLoss, ref.losses, { rel: 1e-12, abs: 1e-14 });
      expectAllClose(
        out.layers.flatMap((l) => [...l.W.flat(), ...l.b]),
        ref.layers.flatMap((l) => [...l.W.flat(), ...l.b]),
        { rel: 1e-12, abs: 1e-14 },
      );
      // the test loss, by a forward pass written in the test
      expectClose(
        out.testLoss[25],
        handLoss(out.layers, d.points.slice(n), d.labels.slice(n), Math.tanh),
        { rel: 1e-10 },
      );
    }
  });

  it('one SGD step moves every weight by −η times the finite-difference gradient of the mean loss', () => {
    const input = baseInput({ hidden: [3], optimizer: 'sgd', lr: 0.5, step: 1 });
    const d = datasetOf(input);
    const n = d.trainCount;
    const start = initialLayers([3], 2, 'tanh', input.seed).map((l) => ({
      W: l.W.map((r) => [...r]),
      b: [...l.b],
    }));
    const flat = start.flatMap((l) => [...l.W.flat(), ...l.b]);
    const rebuild = (p: number[]) => {
      let i = 0;
      return start.map((l) => ({
        W: l.W.map((row) => row.map(() => p[i++])),
        b: l.b.map(() => p[i++]),
      }));
    };
    const loss = (p: number[]) =>
      handLoss(rebuild(p), d.points.slice(0, n), d.labels.slice(0, n), Math.tanh);
    const out = createTrainingSession()(input);
    const after = out.layers.flatMap((l) => [...l.W.flat(), ...l.b]);
    const h = 1e-6;
    flat.forEach((p, i) => {
      const up = flat.map((q, j) => (j === i ? q + h : q));
      const down = flat.map((q, j) => (j === i ? q - h : q));
      const g = (loss(up) - loss(down)) / (2 * h);
      expectClose(after[i], p - 0.5 * g, { rel: 1e-6, abs: 1e-8 });
    });
    expectClose(out.trainLoss[0], loss(flat), { rel: 1e-12 });
  });

  it('a session asked for steps in any order answers as a fresh one (resumed runs and step back)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 130 }), { minLength: 1, maxLength: 5 }),
        (steps) => {
          const session = createTrainingSession();
          for (const step of steps) {
            const a = session(baseInput({ step }));
            const b = createTrainingSession()(baseInput({ step }));
            expect(a.trainLoss).toEqual(b.trainLoss);
            expect(a.testLoss).toEqual(b.testLoss);
            expect(a.layers).toEqual(b.layers);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('"too large a step": SGD at η = 3 makes the loss jump for twenty steps, then kills every ReLU and the loss stays at a coin toss, ln 2; nothing overflows', () => {
    const r = compute(presetValues('too-large-a-step'));
    const out = createTrainingSession()({
      ...r.training,
      hidden: [...r.training.hidden],
      step: r.step,
    });
    expect(out.divergedAt).toBeNull();
    expect(out.trainLoss.every(Number.isFinite)).toBe(true);
    // the jumps: the loss rises past 2 (three times its start) more than once in 25 steps
    const early = out.trainLoss.slice(0, 25);
    expect(early.filter((l, k) => k > 0 && l > early[k - 1] + 0.5).length).toBeGreaterThan(1);
    expect(Math.max(...early)).toBeGreaterThan(2);
    // then dead: from step 40 on the loss no longer moves, at ln 2
    const late = out.trainLoss.slice(40);
    expect(Math.max(...late) - Math.min(...late)).toBeLessThan(0.01);
    expect(Math.abs(out.trainLoss[r.step] - Math.log(2))).toBeLessThan(0.02);
    // a dead network answers the same everywhere: one region colour
    expect(new Set(out.regions.flat().map((v) => v.toFixed(6))).size).toBe(1);
  });

  it('a run whose loss overflows stops at its last finite step and says so (η far past the slider, 10³⁰⁰)', () => {
    const session = createTrainingSession();
    const input = baseInput({ optimizer: 'sgd', lr: 1e300, activation: 'relu', step: 30 });
    const out = session(input);
    // the first step throws the weights to ~10²⁹⁹: the next forward pass overflows
    expect(out.divergedAt).toBe(1);
    expect(out.step).toBe(0);
    expect(out.trainLoss).toHaveLength(1);
    expect(out.trainLoss.every(Number.isFinite)).toBe(true);
    expect(out.layers.flatMap((l) => [...l.W.flat(), ...l.b]).every(Number.isFinite)).toBe(true);
    expect(out.regions.flat().every(Number.isFinite)).toBe(true);
    // the step at which it failed stays known: a later step is not tried again
    const later = session({ ...input, step: 200 });
    expect([later.divergedAt, later.step]).toEqual([1, 0]);
    // before the failing step nothing is reported
    expect(session({ ...input, step: 0 }).divergedAt).toBeNull();
    for (const lang of LANGS) {
      const text = PLOT_WORDS[lang].status(out, 2);
      expect(text).toMatch(lang === 'en' ? /At step 1 the loss overflowed/ : /第 1 步時損失溢位/);
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('training lowers the loss on the circle and separates it (test accuracy above 90 % by step 300)', () => {
    const out = createTrainingSession()(baseInput({ step: 300 }));
    expect(out.trainLoss[300]).toBeLessThan(out.trainLoss[0] / 4);
    expect(out.testAccuracy).toBeGreaterThan(0.9);
    // regions encode class + p/2 with p ≥ 1/2 for two classes
    for (const v of out.regions.flat()) {
      const k = Math.floor(v);
      expect(k === 0 || k === 1).toBe(true);
      expect(v - k).toBeGreaterThanOrEqual(0.25 - 1e-12);
    }
  });
});

describe('neural-network page text', () => {
  it('renders its TeX and the worked example of every preset strictly', () => {
    expectStrictTex(def.tex);
    for (const p of def.presets ?? []) {
      const v = presetValues(p.id);
      for (const lang of LANGS) expectStrictTex(def.worked(v, def.compute(v), lang));
    }
  });

  it('the worked example shows the plot’s z and y', () => {
    const v = values({ x: [0.5, -1], w: [2, -1.5], b: 0.3 });
    const r = compute(v);
    expectClose(r.z, 2 * 0.5 + 1.5 + 0.3, { rel: 1e-12 });
    const w = def.worked(v, r, 'en');
    expect(w).toContain('2.80');
    expect(w).toContain(String(Number(r.y.toFixed(3))));
  });

  it('summary and table in both languages, without NaN, for every preset', () => {
    for (const p of def.presets ?? []) {
      const v = presetValues(p.id);
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(s).not.toMatch(/NaN|undefined/);
        expect(t.rows).toHaveLength(4 + POINTS);
        expect(JSON.stringify(t)).not.toMatch(/NaN|null|undefined/);
      }
    }
    expect(def.summary(values(), compute(values()), 'zh-TW')).toContain('神經元');
  });

  it('links backpropagation, the activation pages, gradient descent and cross-entropy', () => {
    expect(findEntry('neural-network')!.related).toEqual(
      expect.arrayContaining(['backpropagation', 'sigmoid', 'tanh', 'relu', 'gradient-descent']),
    );
    for (const lang of LANGS) {
      expect(def.text[lang].intro.length).toBeGreaterThan(100);
      expect(def.text[lang].body.join(' ')).toMatch(/XOR/);
    }
  });
});

describe('neural-network page Plot', () => {
  it('trains off the render and shows the loss of the step asked for', async () => {
    const view = renderFormulaPlot(def, values(), 'en');
    expect(view.container.querySelector('.nn-status')!.textContent).toMatch(/Training/);
    await waitFor(() =>
      expect(view.container.querySelector('.nn-status')!.textContent).toMatch(/^Step 0:/),
    );
    const v = values({ t: 40 });
    act(() => view.update(v));
    await waitFor(() =>
      expect(view.container.querySelector('.nn-status')!.getAttribute('data-step')).toBe('40'),
    );
    const r = compute(v);
    const out = createTrainingSession()({
      ...r.training,
      hidden: [...r.training.hidden],
      step: 40,
    });
    expect(view.container.querySelector('.nn-status')!.textContent).toContain(
      out.trainLoss[40].toFixed(3),
    );
    // the decision regions are drawn on a canvas, the two loss curves as paths
    expect(view.container.querySelectorAll('.nn-loss-paths path')).toHaveLength(2);
    view.unmount();
  });

  it('focusing a hidden neuron shows what it alone responds to; blurring brings back the regions', async () => {
    const view = renderFormulaPlot(def, values(), 'en');
    const node = await screen.findByRole('graphics-symbol', { name: 'hidden layer 1, neuron 2' });
    fireEvent.focus(node);
    expect(view.container.textContent).toContain(
      'What neuron 2 of hidden layer 1 alone responds to',
    );
    fireEvent.blur(node);
    expect(view.container.textContent).toContain('Decision regions');
    view.unmount();
  });

  it('the truth table marks each row and explains why XOR is out of reach, in both languages', () => {
    const and = renderFormulaPlot(def, presetValues('and'), 'en');
    expect(and.container.querySelectorAll('.nn-truth-table tr.is-right')).toHaveLength(4);
    expect(and.container.textContent).toContain('Done: one neuron computes AND');
    and.unmount();
    const xor = renderFormulaPlot(def, presetValues('xor-one-neuron'), 'zh-TW');
    expect(xor.container.querySelector('.nn-verdict')!.textContent).toContain('隱藏層');
    xor.unmount();
  });
});
