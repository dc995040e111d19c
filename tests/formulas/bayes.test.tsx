import { fireEvent } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import def from '../../src/formulas/bayes';
import { iconPaths, oddsText, percent } from '../../src/formulas/bayes/BayesPlot';
import {
  MAX_TESTS,
  PEOPLE,
  SENTENCES,
  naturalCounts,
  positivePosterior,
  topicSteps,
} from '../../src/formulas/bayes/model';
import type { BayesResult } from '../../src/formulas/bayes/model';
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
const compute = (v: Values) => def.compute(v) as BayesResult;
const allCases = () => [
  values(),
  values({ tests: 0 }),
  values({ tests: MAX_TESTS, sentence: 2 }),
  ...(def.presets ?? []).map((p) => values(p.values as never)),
];

describe('bayes page compute()', () => {
  it('1% prior, 90% sensitivity, 9% false positives: P(D | +) = 0.009 / (0.009 + 0.0891)', () => {
    const r = compute(values());
    expectClose(r.belief, 0.009 / (0.009 + 0.99 * 0.09));
    expect(r.counts).toEqual({
      ill: 10,
      truePos: 9,
      falseNeg: 1,
      falsePos: 89,
      trueNeg: 901,
      positive: 98,
    });
    expectClose(r.lr, 10);
  });

  it('the base-rate preset: a 99% test for a 1-in-1000 condition gives P(D | +) = 0.99/(0.99 + 9.99) ≈ 9%', () => {
    const preset = def.presets!.find((p) => p.id === 'base-rate')!;
    const r = compute(values(preset.values as never));
    expectClose(r.belief, 0.99 / (0.99 + 9.99));
    expect(r.counts.truePos).toBe(1);
    expect(r.counts.positive).toBe(11);
  });

  it('the odds form and the log-odds form agree with Bayes at every test (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (prior, sens, fpr) => {
          const r = compute(values({ prior, sens, fpr, tests: MAX_TESTS }));
          r.steps.forEach((s, i) => {
            // Bayes written out, independently of src/math's posterior
            const direct = (sens * s.prior) / (sens * s.prior + fpr * (1 - s.prior));
            expectClose(s.posterior, direct, { rel: 1e-12 });
            // odds after i + 1 tests: the prior odds times LR^(i+1), and back to a probability
            const odds = (prior / (1 - prior)) * (sens / fpr) ** (i + 1);
            expectClose(s.posteriorOdds, odds, { rel: 1e-9 });
            expectClose(s.posterior, odds / (1 + odds), { rel: 1e-9 });
            expectClose(s.posteriorLogOdds, s.priorLogOdds + r.logLr, { rel: 1e-9, abs: 1e-9 });
            // the posterior of test i is the prior of test i + 1
            if (i > 0) expect(s.prior).toBe(r.steps[i - 1].posterior);
          });
          // k tests at once: the prior odds times LR^k
          const k = MAX_TESTS;
          const o = (prior / (1 - prior)) * (sens / fpr) ** k;
          expectClose(r.steps[k - 1].posterior, o / (1 + o), { rel: 1e-9 });
        },
      ),
    );
  });

  it('an uninformative test (LR = 1) leaves the posterior at the prior', () => {
    const r = compute(values({ prior: 0.05, sens: 0.5, fpr: 0.5, tests: 3 }));
    r.steps.forEach((s) => expectClose(s.posterior, 0.05));
    expectClose(positivePosterior(0.2, 0.7, 0.7), 0.2);
  });

  it('natural counts always add up to 1000 people', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, s, f) => {
          const c = naturalCounts(p, s, f);
          expect(c.truePos + c.falseNeg + c.falsePos + c.trueNeg).toBe(PEOPLE);
          expect(Math.min(c.truePos, c.falseNeg, c.falsePos, c.trueNeg)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('naive Bayes multiplies the word likelihoods into a uniform prior: the product formula', () => {
    for (const lang of LANGS)
      SENTENCES[lang].forEach((words, s) => {
        const steps = topicSteps(lang, s);
        const prod = [1, 1, 1].map((_, t) => words.reduce((acc, w) => acc * w.likelihood[t], 1));
        const total = prod.reduce((a, b) => a + b, 0);
        expectAllClose(
          steps[steps.length - 1].posterior,
          prod.map((x) => x / total),
        );
        expect(steps).toHaveLength(words.length + 1);
      });
    // each sentence is won by the topic it was written for
    for (const lang of LANGS)
      [0, 1, 2].forEach((s) => {
        const last = topicSteps(lang, s).at(-1)!.posterior;
        expect(last.indexOf(Math.max(...last))).toBe(s === 1 ? 1 : s);
      });
  });

  it('formats odds and percentages without NaN: 1 : 99, 9.2%', () => {
    expect(oddsText(1 / 99)).toBe('1 : 99.0');
    expect(oddsText(1 / 999)).toBe('1 : 999');
    expect(oddsText(9)).toBe('9.00 : 1');
    expect(percent(0.0917)).toBe('9.2%');
    expect(percent(0.001)).toBe('0.10%');
  });
});

describe('bayes page text', () => {
  it('renders its TeX and every worked example strictly', () => {
    expectStrictTex(def.tex);
    for (const v of allCases())
      for (const lang of LANGS) expectStrictTex(def.worked(v, def.compute(v), lang));
  });

  it('the worked example shows the posterior and the natural frequencies the plot shows', () => {
    const v = values();
    const r = compute(v);
    const w = def.worked(v, r, 'en');
    const { container } = renderFormulaPlot(def, v);
    expect(w).toContain(percent(r.belief).replace('%', '\\%'));
    expect(container.textContent).toContain(`P(ill | +) = ${percent(r.belief)}`);
    expect(w).toContain('9 of the 98');
    expect(container.textContent).toContain('9 of the 98 who test positive are ill');
  });

  it('summary and table in both languages never read NaN or undefined', () => {
    for (const v of allCases()) {
      const r = def.compute(v);
      for (const lang of LANGS) {
        const s = def.summary(v, r, lang);
        const t = def.table(v, r, lang);
        const all = [s, t.caption, ...t.columns, ...t.rows.flat().map(String)].join(' ');
        expect(all).not.toMatch(/NaN|undefined|Infinity/);
        expect(t.rows.length).toBeGreaterThan(MAX_TESTS);
        t.rows.forEach((row) => expect(row).toHaveLength(t.columns.length));
      }
    }
    expect(def.summary(values(), def.compute(values()), 'zh-TW')).toContain('98 位陽性');
  });
});

describe('bayes page Plot', () => {
  it('the icon paths hold exactly 1000 squares, one category each', () => {
    const c = naturalCounts(0.01, 0.9, 0.09);
    const paths = iconPaths(c, 10, true);
    const count = (d: string) => (d.match(/M/g) ?? []).length;
    expect(count(paths.tp)).toBe(9);
    expect(count(paths.fn)).toBe(1);
    expect(count(paths.fp)).toBe(89);
    expect(count(paths.tn)).toBe(901);
    const before = iconPaths(c, 10, false);
    expect(count(before.tp) + count(before.tn)).toBe(1000);
  });

  it('"Test again" asks for the next test, and is disabled after the last', () => {
    const view = renderFormulaPlot(def, values({ tests: 2 }));
    fireEvent.click(view.getByRole('button', { name: 'Test again' }));
    expect(view.setValue).toHaveBeenCalledWith('tests', 3);
    view.unmount();
    const end = renderFormulaPlot(def, values({ tests: MAX_TESTS }), 'zh-TW');
    expect((end.getByRole('button', { name: '再檢驗一次' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('draws the log-odds walk up to the current test and the topic rows in the language of the page', () => {
    const { container } = renderFormulaPlot(def, values({ tests: 2 }), 'zh-TW');
    expect(container.querySelectorAll('.odds-row.is-done')).toHaveLength(3);
    expect(container.querySelectorAll('.topic-row')).toHaveLength(5);
    expect(container.textContent).toContain('+ 球隊');
    expect(container.textContent).not.toMatch(/NaN|undefined/);
  });

  it('a tick leaves the same SVG as a fresh render', () => {
    const arb = fc.record({
      prior: fc.constantFrom(0.001, 0.01, 0.2, 0.5),
      sens: fc.constantFrom(0.5, 0.9, 1),
      fpr: fc.constantFrom(0.001, 0.09, 0.5),
      tests: fc.integer({ min: 0, max: MAX_TESTS }),
      sentence: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(arb, arb, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) =>
        expectTickAsFresh(def, values(a), values(b), lang),
      ),
      { numRuns: 25 },
    );
  });
});
