import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/entropy';
import { findEntry } from '../../src/formulas/registry';
import { dragTo, normalize } from '../../src/formulas/entropy/model';
import type { EntropyResult } from '../../src/formulas/entropy/model';
import { crossEntropy, entropy, klDivergence } from '../../src/math';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import {
  expectStrictTex,
  expectTickAsFresh,
  renderFormulaPlot,
  withDefaults,
} from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as EntropyResult;
const allPresets = () => [values(), ...(def.presets ?? []).map((p) => values(p.values as never))];

describe('entropy page compute()', () => {
  it('the default p = (1/2, 1/4, 1/8, 1/8) has H = 1.75 bits exactly and surprisals 1, 2, 3, 3', () => {
    const r = compute(values());
    expectClose(r.bits, 1.75);
    expectClose(r.nats, 1.75 * Math.LN2);
    expectAllClose(r.surprisal, [1, 2, 3, 3]);
    expectClose(r.perplexity, 2 ** 1.75);
    expectClose(r.maxBits, 2);
    // q uniform: H(p, q) = log₂ 4 = 2 bits whatever p is, so KL = 2 − 1.75
    expectClose(r.cross, 2);
    expectClose(r.kl, 0.25);
    expect(r.binary).toBeNull();
  });

  it('the uniform distribution over n outcomes reaches log₂ n and a perplexity of n', () => {
    for (let n = 2; n <= 8; n++) {
      const r = compute(values({ n, w: Array(8).fill(0.3), v: Array(8).fill(0.3) }));
      expectClose(r.bits, Math.log2(n));
      expectClose(r.perplexity, n);
      expectClose(r.kl, 0, { abs: 1e-12 });
    }
  });

  it('two outcomes give the binary entropy: H(0.1) = −0.1 log₂ 0.1 − 0.9 log₂ 0.9', () => {
    const r = compute(values({ n: 2, w: [0.1, 0.9] }));
    expectClose(r.binary!, -0.1 * Math.log2(0.1) - 0.9 * Math.log2(0.9));
    expectClose(r.binary!, r.bits);
  });

  it('H(p, q) = H(p) + KL(p‖q), and both agree with src/math in bits and nats (fast-check)', () => {
    const weights = fc.array(
      fc.integer({ min: 1, max: 100 }).map((k) => k / 100),
      {
        minLength: 8,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), weights, weights, (n, w, v) => {
        const r = compute(values({ n, w, v }));
        const p = normalize(w.slice(0, n)).p;
        const q = normalize(v.slice(0, n)).p;
        expectClose(r.cross, r.bits + r.kl, { rel: 1e-9, abs: 1e-12 });
        expectClose(r.cross, crossEntropy(p, q) / Math.LN2);
        expectClose(r.kl, klDivergence(p, q, 2), { abs: 1e-12 });
        expectClose(r.nats, entropy(p));
        expect(r.bits).toBeLessThanOrEqual(r.maxBits + 1e-12);
        expect(r.kl).toBeGreaterThanOrEqual(-1e-12);
        // entropy is the p-weighted mean of the surprisals
        expectClose(
          r.bits,
          p.reduce((s, pi, i) => s + pi * r.surprisal[i], 0),
        );
      }),
    );
  });

  it('an outcome with p = 0 has infinite surprisal but adds 0 to H; q = 0 where p > 0 makes H(p, q) infinite', () => {
    const r = compute(values({ n: 4, w: [0.5, 0.5, 0, 0], v: [1, 0, 1, 1] }));
    expect(r.surprisal[2]).toBe(Infinity);
    expect(r.terms[2]).toBe(0);
    expectClose(r.bits, 1);
    expect(r.cross).toBe(Infinity);
    expect(r.kl).toBe(Infinity);
    expect(r.impossible).toEqual([1]);
  });

  it('all-zero weights fall back to uniform with a flag instead of dividing by 0', () => {
    const r = compute(values({ n: 3, w: [0, 0, 0], v: [0, 0, 0] }));
    expect(r.pZero && r.qZero).toBe(true);
    expectAllClose(r.p, [1 / 3, 1 / 3, 1 / 3]);
    expectClose(r.bits, Math.log2(3));
  });

  it('dragTo sets one probability and rescales the others to keep the sum at 1 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        (w, k, t) => {
          const p = normalize(w).p;
          const i = k % p.length;
          const next = dragTo(p, i, t);
          expectClose(
            next.reduce((a, b) => a + b, 0),
            1,
            { abs: 1e-12 },
          );
          expectClose(next[i], Math.min(1, Math.max(0, t)), { abs: 1e-15 });
          // the others keep their ratios
          const others = p.reduce((s, x, j) => (j === i ? s : s + x), 0);
          if (others > 0)
            p.forEach((x, j) => {
              if (j !== i) expectClose(next[j], ((1 - next[i]) * x) / others, { abs: 1e-15 });
            });
        },
      ),
    );
  });
});

describe('entropy page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of [...allPresets(), values({ n: 3, w: [0, 0, 0] })])
      for (const lang of LANGS) expectStrictTex(def.worked(v, def.compute(v), lang));
  });

  it('the worked example shows the numbers the plot shows', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    const { container } = renderFormulaPlot(def, v);
    expect(w).toContain('1.750');
    expect(container.textContent).toContain('H(p) = 1.750 bits = 1.213 nats');
    expect(w).toContain(r.cross.toFixed(3));
    expect(container.textContent).toContain(`H(p, q) = ${r.cross.toFixed(3)} bits`);
    const inf = values({ v: [0.5, 0.5, 0, 0] });
    expect(def.worked(inf, def.compute(inf), 'en')).toContain('\\infty');
  });

  it('summary and table in both languages never read NaN or undefined', () => {
    for (const v of allPresets()) {
      const r = def.compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength((r as EntropyResult).n);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    expect(def.summary(values(), def.compute(values()), 'zh-TW')).toContain('困惑度');
  });

  it('links to cross-entropy, softmax and the other probability pages', () => {
    expect(findEntry('entropy')!.related).toEqual(
      expect.arrayContaining(['cross-entropy', 'softmax', 'next-token-distribution', 'bayes']),
    );
  });
});

describe('entropy page Plot', () => {
  it('draws a bar and a draggable handle per outcome, and the binary curve only for two outcomes', () => {
    const four = renderFormulaPlot(def, values());
    expect(four.container.querySelectorAll('.entropy-bars rect.bar[data-index]')).toHaveLength(4);
    expect(four.container.querySelectorAll('[role="slider"]')).toHaveLength(4);
    expect(four.container.querySelector('.entropy-binary')).toBeNull();
    four.unmount();
    const two = renderFormulaPlot(def, values({ n: 2, w: [0.3, 0.7] }), 'zh-TW');
    expect(two.container.querySelector('.entropy-binary')).not.toBeNull();
    expect(two.container.textContent).toContain('二元熵');
  });

  it('an arrow key on a bar sets that probability and rescales the others to sum 1', () => {
    const view = renderFormulaPlot(def, values());
    const handle = view.getByRole('slider', { name: 'probability of floor' });
    fireEvent.keyDown(handle, { key: 'ArrowUp' });
    expect(view.setValue).toHaveBeenCalledTimes(1);
    const [name, w] = view.setValue.mock.calls[0] as [string, number[]];
    expect(name).toBe('w');
    // 0.25 + 1/50 of the axis, the other three keep their 2 : 1 : 1 ratio
    expectAllClose(w.slice(0, 4), [0.49, 0.27, 0.12, 0.12], { abs: 0.011 });
    expectClose(w[1], 0.27, { abs: 1e-9 });
  });

  it('marks an impossible outcome ∞ in the surprisal panel and the split bar as infinite', () => {
    const { container } = renderFormulaPlot(
      def,
      values({ w: [0.5, 0.5, 0, 0], v: [0.5, 0, 0.5, 0] }),
    );
    expect(container.textContent).toContain('∞ (never)');
    expect(container.querySelector('.split-kl.is-infinite')).not.toBeNull();
    expect(container.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('a tick leaves the same SVG as a fresh render', () => {
    const w = fc.array(
      fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
      {
        minLength: 8,
        maxLength: 8,
      },
    );
    const arb = fc.record({ n: fc.integer({ min: 2, max: 8 }), w, v: w });
    fc.assert(
      fc.property(arb, arb, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) =>
        expectTickAsFresh(def, values(a), values(b), lang),
      ),
      { numRuns: 30 },
    );
  });
});
