import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/next-token-distribution';
import { BIGRAMS, END, START } from '../../src/formulas/next-token-distribution/bigrams';
import {
  MAX_DRAWS,
  drawCounts,
  generate,
  runPipeline,
} from '../../src/formulas/next-token-distribution/model';
import type {
  NextTokenResult,
  SamplerSettings,
} from '../../src/formulas/next-token-distribution/model';
import { entropy, perplexity } from '../../src/math';
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
const compute = (v: Values) => def.compute(v) as NextTokenResult;
const allCases = () => [
  values(),
  values({ n: 7, g: 12, greedy: true }),
  values({ useK: false, useP: false, T: 0.05, g: 0 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

/** An independent sampler written out: softmax by exp and sum, truncation by sorting. */
function reference(z: number[], s: SamplerSettings): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp((x - m) / s.T));
  let p = e.map((x) => x / e.reduce((a, b) => a + b, 0));
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  const keep = (set: Set<number>) => {
    const total = [...set].reduce((a, i) => a + p[i], 0);
    p = p.map((x, i) => (set.has(i) ? x / total : 0));
  };
  if (s.useK) keep(new Set(order.slice(0, s.k)));
  if (s.useP) {
    const ranked = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
    const set = new Set<number>();
    let sum = 0;
    for (const i of ranked) {
      if (sum >= s.p) break;
      set.add(i);
      sum += p[i];
    }
    keep(set);
  }
  return p;
}

const settings = (over: Partial<SamplerSettings> = {}): SamplerSettings => ({
  T: 1,
  useK: true,
  k: 6,
  useP: true,
  p: 0.9,
  greedy: false,
  ...over,
});

describe('next-token page compute()', () => {
  it('the pipeline equals a sampler written out by hand, for any logits and settings (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100, max: 100 }).map((k) => k / 10),
          {
            minLength: 10,
            maxLength: 10,
          },
        ),
        fc.record({
          T: fc.constantFrom(0.05, 0.3, 1, 2.5, 10),
          useK: fc.boolean(),
          k: fc.integer({ min: 1, max: 10 }),
          useP: fc.boolean(),
          p: fc.integer({ min: 5, max: 100 }).map((k) => k / 100),
          greedy: fc.constant(false),
        }),
        (z, s) => {
          const pipe = runPipeline(z, s);
          expectAllClose(pipe.final, reference(z, s), { rel: 1e-9, abs: 1e-15 });
          expectClose(
            pipe.final.reduce((a, b) => a + b, 0),
            1,
          );
          // a stage only removes tokens, never adds one
          pipe.afterP.forEach((x, i) => {
            if (x > 0) expect(pipe.afterK[i]).toBeGreaterThan(0);
            if (pipe.afterK[i] > 0) expect(pipe.softmax[i]).toBeGreaterThan(0);
          });
        },
      ),
    );
  });

  it('top-p runs on the renormalised top-k result: k = 2 then p = 0.6 keeps only the first of 0.5, 0.3, 0.2', () => {
    const z = [Math.log(0.5), Math.log(0.3), Math.log(0.2)];
    // after top-2 the two are 0.625 and 0.375: the first alone reaches 0.6
    const pipe = runPipeline(z, settings({ k: 2, p: 0.6 }));
    expectAllClose(pipe.afterK, [0.625, 0.375, 0]);
    expectAllClose(pipe.afterP, [1, 0, 0]);
    // without top-k, 0.5 < 0.6 and the second token stays
    expectAllClose(runPipeline(z, settings({ useK: false, p: 0.6 })).afterP, [0.625, 0.375, 0]);
  });

  it('the default prompt: softmax at T = 1, top-6 and the entropy of each stage from src/math', () => {
    const r = compute(values());
    const z = [3, 2.2, 2, 1.6, 1.2, 0.8, 0.2, -0.5, -1.5, -4];
    const e = z.map(Math.exp);
    const total = e.reduce((a, b) => a + b, 0);
    expectAllClose(
      r.pipe.softmax,
      e.map((x) => x / total),
    );
    expect(r.cutK).toEqual([false, false, false, false, false, false, true, true, true, true]);
    expectClose(r.stages.softmax.entropy, entropy(r.pipe.softmax));
    expectClose(r.stages.final.perplexity, perplexity(r.pipe.final));
    expect(r.stages.final.entropy).toBeLessThan(r.stages.softmax.entropy);
  });

  it('greedy puts all mass on the largest logit and every draw is that token', () => {
    const r = compute(values({ greedy: true, n: 500 }));
    expect(r.pipe.final).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.counts[0]).toBe(500);
    expect(r.stages.final.entropy).toBe(0);
    expect(r.stages.final.perplexity).toBe(1);
  });

  it('the seeded draws reproduce, add up, differ between seeds, and their gap shrinks with N', () => {
    const p = runPipeline([3, 2.2, 2, 1.6, 1.2, 0.8, 0.2, -0.5, -1.5, -4], settings()).final;
    expect(drawCounts(p, 7, 1000)).toEqual(drawCounts(p, 7, 1000));
    expect(drawCounts(p, 7, 1000)).not.toEqual(drawCounts(p, 8, 1000));
    // the first draws of a longer run are the shorter run: "Sample 100" adds to what was there
    const more = drawCounts(p, 7, 1001);
    expect(more.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(more.map((c, i) => c - drawCounts(p, 7, 1000)[i]).filter((d) => d !== 0)).toHaveLength(
      1,
    );
    for (let seed = 1; seed <= 10; seed++) {
      const gap = (n: number) =>
        Math.max(...drawCounts(p, seed, n).map((c, i) => Math.abs(c / n - p[i])));
      expect(gap(MAX_DRAWS)).toBeLessThan(0.035);
      expect(gap(MAX_DRAWS)).toBeLessThan(gap(10) + 1e-12);
    }
    const r = compute(values({ n: 0 }));
    expect(r.maxGap).toBe(0);
  });

  it('every word of the tables that can follow has a row of its own', () => {
    for (const lang of LANGS) {
      const table = BIGRAMS[lang];
      const rows = Object.keys(table).filter((w) => w !== START);
      expect(rows.length).toBeGreaterThanOrEqual(12);
      expect(rows.length).toBeLessThanOrEqual(16);
      for (const next of Object.values(table))
        for (const c of next) if (c.word !== END) expect(table[c.word], c.word).toBeDefined();
    }
  });

  it('a generated sentence follows the chain rule: each word has the sampler’s probability given the last one', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom<Lang>('en', 'zh-TW'),
        fc.constantFrom(0.3, 1, 3),
        (seed, lang, T) => {
          const s = settings({ T, k: 3, p: 0.95 });
          const gen = generate(lang, 12, s, seed);
          let prev = START;
          let logSum = 0;
          for (const w of gen.words) {
            const next = BIGRAMS[lang][prev];
            const pipe = runPipeline(
              next.map((c) => c.logit),
              s,
            );
            const j = next.findIndex((c) => c.word === w.word);
            expect(j).toBeGreaterThanOrEqual(0);
            expectClose(w.prob, pipe.final[j]);
            expect(w.prob).toBeGreaterThan(0);
            logSum += Math.log(pipe.final[j]);
            prev = w.word;
          }
          expectClose(gen.logProb, logSum, { abs: 1e-12 });
          expectClose(
            gen.prob,
            gen.words.reduce((a, w) => a * w.prob, 1),
            { rel: 1e-9, abs: 1e-300 },
          );
          if (gen.ended) expect(gen.words.at(-1)!.word).toBe(END);
          else expect(gen.words).toHaveLength(12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a greedy sentence is the same for every seed, and its words all have probability 1', () => {
    const a = generate('en', 12, settings({ greedy: true }), 1);
    const b = generate('en', 12, settings({ greedy: true }), 99);
    expect(a.words).toEqual(b.words);
    expect(a.logProb).toBe(0);
  });
});

describe('next-token page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of allCases())
      for (const lang of LANGS) expectStrictTex(def.worked(v, def.compute(v), lang));
  });

  it('the worked example shows the entropies and the sentence probability the plot shows', () => {
    const v = values({ n: 100 });
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    const { container } = renderFormulaPlot(def, v);
    const H = r.stages.final.entropy.toFixed(2);
    expect(w).toContain(`H = ${H}`);
    expect(container.textContent).toContain(`H ${H}`);
    const gen = r.sentence.en;
    expect(w).toContain(gen.logProb.toFixed(2).replace('-', ''));
    expect(container.textContent).toContain(`Σ ln P = −${Math.abs(gen.logProb).toFixed(2)} nats`);
    expect(w).toContain(`(${r.counts.join(',\\,')})`);
  });

  it('summary and table in both languages never read NaN or undefined', () => {
    for (const v of allCases()) {
      const r = def.compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength(10);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    expect(def.summary(values(), def.compute(values()), 'zh-TW')).toContain('今天的天氣很');
  });
});

describe('next-token page Plot', () => {
  it('draws five stages of ten bars, greying the tokens top-k and top-p cut', () => {
    const { container } = renderFormulaPlot(def, values());
    expect(container.querySelectorAll('.stage')).toHaveLength(5);
    expect(container.querySelectorAll('.stage-3 .stage-bar.is-cut')).toHaveLength(4);
    const cutP = compute(values()).pipe.afterP.filter((x) => x === 0).length;
    expect(container.querySelectorAll('.stage-4 .stage-bar.is-cut')).toHaveLength(cutP);
    expect(container.querySelectorAll('.stage-4 .stage-bar')).toHaveLength(10);
  });

  it('the Sample buttons add 1, 100 and 1,000 draws; Next word adds a word', () => {
    const view = renderFormulaPlot(def, values({ n: 5 }));
    fireEvent.click(view.getByRole('button', { name: 'Sample 1' }));
    fireEvent.click(view.getByRole('button', { name: 'Sample 100' }));
    fireEvent.click(view.getByRole('button', { name: 'Sample 1,000' }));
    expect(view.setValue.mock.calls).toEqual([
      ['n', 6],
      ['n', 105],
      ['n', 1005],
    ]);
    fireEvent.click(view.getByRole('button', { name: 'Next word' }));
    expect(view.setValue).toHaveBeenLastCalledWith('g', 5);
    view.unmount();
    const full = renderFormulaPlot(def, values({ n: MAX_DRAWS }), 'zh-TW');
    expect((full.getByRole('button', { name: '抽 1,000 個' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('a tick leaves the same SVG as a fresh render', () => {
    const arb = fc.record({
      T: fc.constantFrom(0.05, 0.5, 1, 4, 10),
      z: fc.array(
        fc.integer({ min: -100, max: 100 }).map((k) => k / 10),
        { minLength: 10, maxLength: 10 },
      ),
      useK: fc.boolean(),
      k: fc.integer({ min: 1, max: 10 }),
      useP: fc.boolean(),
      p: fc.constantFrom(0.05, 0.5, 0.9, 1),
      greedy: fc.boolean(),
      s: fc.nat(),
      n: fc.integer({ min: 0, max: MAX_DRAWS }),
      g: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(arb, arb, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) =>
        expectTickAsFresh(def, values(a), values(b), lang),
      ),
      { numRuns: 25 },
    );
  });
});

describe('the logit presets say what they show', () => {
  const preset = (id: string) =>
    compute(values(def.presets!.find((p) => p.id === id)!.values as never));

  it('confident: the favourite holds about 96% and top-p = 0.9 keeps it alone', () => {
    const r = preset('confident');
    // softmax by hand: e⁰ over the sum of e^(zᵢ − 6)
    const z = [6, 2, 1.5, 1, 0.5, 0, -0.5, -1, -2, -5];
    const p0 = 1 / z.reduce((s, x) => s + Math.exp(x - 6), 0);
    expectClose(r.pipe.softmax[0], p0);
    expect(p0).toBeGreaterThan(0.955);
    expect(p0).toBeLessThan(0.96);
    expect(perplexity(r.pipe.softmax)).toBeCloseTo(1.28, 2);
    expect(r.pipe.final.filter((q) => q > 0)).toEqual([1]);
  });

  it('unsure: every probability near 0.1, perplexity about 9, top-k = 6 cuts four', () => {
    const r = preset('unsure');
    for (const q of r.pipe.softmax.slice(0, 9)) expect(Math.abs(q - 0.1)).toBeLessThan(0.05);
    expect(perplexity(r.pipe.softmax)).toBeGreaterThan(9);
    expect(perplexity(r.pipe.softmax)).toBeLessThan(9.5);
    expect(r.pipe.afterK.filter((q) => q === 0)).toHaveLength(4);
  });
});
