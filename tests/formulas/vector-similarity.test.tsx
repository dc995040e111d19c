import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/vector-similarity';
import {
  ANALOGIES,
  MAP_WORDS,
  NEIGHBOURS,
  rankNeighbours,
  solveAnalogy,
} from '../../src/formulas/vector-similarity/model';
import type { SimilarityResult } from '../../src/formulas/vector-similarity/model';
import type { Lang, ParamValue, Values } from '../../src/ui/card/types';
import { expectAllClose, expectClose } from '../helpers/asserts';
import { expectStrictTex, renderFormulaPlot, withDefaults } from '../helpers/formula';

const LANGS: Lang[] = ['en', 'zh-TW'];
const values = (over: Record<string, ParamValue> = {}): Values => withDefaults(def, over);
const compute = (v: Values) => def.compute(v) as SimilarityResult;
const presetValues = (id: string) =>
  values((def.presets ?? []).find((p) => p.id === id)!.values as Record<string, ParamValue>);

/** The angle between two plane vectors from their polar angles (an independent method). */
function polarAngle(a: readonly number[], b: readonly number[]): number {
  let d = Math.abs(Math.atan2(a[1], a[0]) - Math.atan2(b[1], b[0]));
  if (d > Math.PI) d = 2 * Math.PI - d;
  return d;
}

const component = fc.integer({ min: -40, max: 40 }).map((i) => i / 10);
const nonZero = fc.tuple(component, component).filter(([x, y]) => x !== 0 || y !== 0);

describe('vector-similarity compute()', () => {
  it('a = (3, 1), b = (1, 2.5): a·b = 5.5, ‖a‖ = √10, ‖b‖ = √7.25, proj = (5.5/7.25) b, ‖a − b‖ = 2.5', () => {
    const r = compute(values());
    expectClose(r.raw.dot, 5.5);
    expectClose(r.raw.normA, Math.sqrt(10));
    expectClose(r.raw.normB, Math.sqrt(7.25));
    expectClose(r.raw.cos!, 5.5 / Math.sqrt(72.5));
    expectClose(r.raw.angle!, Math.atan2(2.5, 1) - Math.atan2(1, 3));
    expectAllClose(r.raw.proj!, [5.5 / 7.25, (5.5 / 7.25) * 2.5]);
    expectClose(r.raw.distance, 2.5);
    expect(r.shown).toBe(r.raw);
  });

  it('for any nonzero pair: the angle matches the polar angles, cos θ = a·b/(‖a‖‖b‖), and a − proj is perpendicular to b', () => {
    fc.assert(
      fc.property(nonZero, nonZero, (a, b) => {
        const r = compute(values({ a, b }));
        expectClose(r.raw.angle!, polarAngle(a, b), { abs: 1e-9 });
        expectClose(r.raw.cos!, Math.cos(polarAngle(a, b)), { abs: 1e-9 });
        const [px, py] = r.raw.proj!;
        expectClose((a[0] - px) * b[0] + (a[1] - py) * b[1], 0, { abs: 1e-9 });
        expectClose(r.raw.distance, Math.hypot(a[0] - b[0], a[1] - b[1]));
      }),
    );
  });

  it('normalized, the dot product is the cosine and ‖â − b̂‖² = 2 − 2 cos θ', () => {
    fc.assert(
      fc.property(nonZero, nonZero, (a, b) => {
        const r = compute(values({ a, b, unit: true }));
        expect(r.shown).toBe(r.unit);
        expectClose(r.unit!.normA, 1);
        expectClose(r.unit!.dot, r.raw.cos!, { abs: 1e-12 });
        expectClose(r.unit!.distance ** 2, 2 - 2 * r.raw.cos!, { abs: 1e-12 });
        expectClose(r.unit!.angle!, r.raw.angle!, { abs: 1e-12 });
      }),
    );
  });

  it('a zero vector has no angle or cosine (null, never NaN); a·b = 0 and ‖a − b‖ = ‖b‖; normalize falls back to the raw pair', () => {
    const r = compute(values({ a: [0, 0], unit: true }));
    expect(r.zero).toEqual({ a: true, b: false });
    expect(r.raw.angle).toBeNull();
    expect(r.raw.cos).toBeNull();
    expect(r.unit).toBeNull();
    expect(r.shown).toBe(r.raw);
    expect(r.raw.dot).toBe(0);
    expectClose(r.raw.distance, Math.sqrt(7.25));
    expect(r.raw.proj).toEqual([0, 0]);
    const rb = compute(values({ b: [0, 0] }));
    expect(rb.raw.proj).toBeNull();
  });

  it('presets: perpendicular gives a·b = 0 and 90°, opposite gives cos = −1', () => {
    const p = compute(presetValues('perpendicular'));
    expect(p.raw.dot).toBe(0);
    expectClose(p.raw.angle!, Math.PI / 2);
    const o = compute(presetValues('opposite'));
    expectClose(o.raw.cos!, -1);
    expectClose(o.raw.angle!, Math.PI);
  });
});

describe('vector-similarity toy map', () => {
  it('has 20 distinct words with labels in both languages', () => {
    expect(MAP_WORDS).toHaveLength(20);
    for (const lang of LANGS) expect(new Set(MAP_WORDS.map((w) => w.label[lang])).size).toBe(20);
  });

  it('ranks by cosine as the smallest difference of polar angles (brute force)', () => {
    for (let w = 0; w < MAP_WORDS.length; w++) {
      const q = MAP_WORDS[w].at;
      const expected = MAP_WORDS.map((x, i) => ({ i, d: polarAngle(q, x.at) }))
        .filter((x) => x.i !== w)
        .sort((p, r) => p.d - r.d || p.i - r.i)
        .slice(0, NEIGHBOURS)
        .map((x) => x.i);
      expect(rankNeighbours(w, false).cos.map((n) => n.index)).toEqual(expected);
    }
  });

  it('normalized, the dot product, the distance and the cosine rank every word’s neighbours alike', () => {
    for (let w = 0; w < MAP_WORDS.length; w++) expect(rankNeighbours(w, true).agree).toBe(true);
  });

  it('as placed, “king” gets three different rankings: cosine prince, man, boy; dot queen, prince, princess; distance prince, queen, man', () => {
    const king = MAP_WORDS.findIndex((w) => w.label.en === 'king');
    const r = rankNeighbours(king, false);
    const en = (ns: { index: number }[]) => ns.map((n) => MAP_WORDS[n.index].label.en);
    expect(en(r.cos)).toEqual(['prince', 'man', 'boy']);
    expect(en(r.dot)).toEqual(['queen', 'prince', 'princess']);
    expect(en(r.distance)).toEqual(['prince', 'queen', 'man']);
    expect(r.agree).toBe(false);
  });

  it('each analogy a − b + c is the vector sum and lands nearest its answer (the inputs left out)', () => {
    const answers = ['queen', 'Tokyo', 'kitten', 'Paris'];
    ANALOGIES.forEach((an, k) => {
      const r = solveAnalogy(an);
      const [a, b, c] = [an.a, an.b, an.c].map((i) => MAP_WORDS[i].at);
      expectAllClose(r.target, [a[0] - b[0] + c[0], a[1] - b[1] + c[1]], { abs: 1e-12 });
      expect(MAP_WORDS[r.nearest].label.en).toBe(answers[k]);
      expect([an.a, an.b, an.c]).not.toContain(r.nearest);
    });
  });
});

describe('vector-similarity text and plot', () => {
  const cases = [
    values(),
    values({ unit: true }),
    values({ a: [0, 0] }),
    values({ a: [0, 0], b: [0, 0] }),
    values({ an: 0, w: 8 }),
    presetValues('capitals'),
  ];

  it('renders its TeX and every worked example strictly, in both languages', () => {
    expectStrictTex(def.tex);
    for (const lang of LANGS)
      for (const v of cases) expectStrictTex(def.worked(v, compute(v), lang));
  });

  it('the worked example, the plot and the summary show the same dot product and cosine', () => {
    const v = values();
    const r = compute(v);
    const tex = def.worked(v, r, 'en');
    expect(tex).toContain('5.50');
    expect(tex).toContain('0.646');
    const view = renderFormulaPlot(def, v, 'en');
    const text = view.container.textContent ?? '';
    expect(text).toContain('5.50');
    expect(text).toContain('0.646');
    expect(def.summary(v, r, 'en')).toContain('cosine similarity 0.646');
    view.unmount();
  });

  it('summary and table speak both languages, and no case puts NaN on screen', () => {
    for (const v of cases) {
      const r = compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        expect(t.rows).toHaveLength(20);
        expect(s + JSON.stringify(t)).not.toMatch(/NaN|null/);
        const view = renderFormulaPlot(def, v, lang);
        expect(view.container.textContent).not.toContain('NaN');
        view.unmount();
      }
    }
    expect(def.summary(values(), compute(values()), 'zh-TW')).toContain('國王');
    expect(def.summary(values(), compute(values()), 'en')).toContain('lands nearest to “queen”');
  });

  it('a zero vector is explained in words on the plot', () => {
    const view = renderFormulaPlot(def, values({ a: [0, 0] }), 'en');
    expect(view.container.textContent).toContain('a is the zero vector: no direction');
    view.unmount();
  });

  it('the tip of a moves by keyboard and reports the new vector through setValue', () => {
    const view = renderFormulaPlot(def, values(), 'en');
    const tip = view.getByRole('slider', { name: 'tip of vector a' });
    fireEvent.keyDown(tip, { key: 'ArrowUp' });
    expect(view.setValue).toHaveBeenCalledTimes(1);
    const [name, v] = view.setValue.mock.calls[0] as [string, number[]];
    expect(name).toBe('a');
    expect(v[0]).toBe(3);
    expect(v[1]).toBeGreaterThan(1);
    fireEvent.keyDown(view.getByRole('slider', { name: 'tip of vector b' }), { key: 'ArrowLeft' });
    expect(view.setValue.mock.calls[1][0]).toBe('b');
    view.unmount();
  });

  it('the map labels the words in the chosen language and marks the analogy’s answer', () => {
    const view = renderFormulaPlot(def, values(), 'zh-TW');
    expect(view.container.querySelector('.vs-word.is-answer')?.textContent).toBe('王后');
    expect(view.container.querySelector('.vs-word.is-chosen')?.textContent).toBe('國王');
    view.unmount();
  });
});
