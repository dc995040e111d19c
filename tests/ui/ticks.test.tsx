import fc from 'fast-check';
import { describe, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import type { Lang, Param, ParamValue, Values } from '../../src/ui/card/types';
import { normalizeValues } from '../../src/ui/card/values';
import { expectTickAsFresh } from '../helpers/formula';

/*
 * The framework's promise for every plot of every page: React renders a plot from its
 * values alone, so a tick from any state draws what a fresh render of the new state
 * draws: the same SVG and the same canvas marks. Values are drawn from each page's own
 * param declarations, then brought into shape as the card does.
 */

/** Any value a param can hold, in its range (the card's normalization snaps it). */
function paramValue(p: Param): fc.Arbitrary<ParamValue> {
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  switch (p.kind) {
    case 'scalar':
      return p.integer ? fc.integer({ min: p.min, max: p.max }) : num(p.min, p.max);
    case 'vector':
      return fc.array(num(p.min, p.max), {
        minLength: p.default.length,
        maxLength: p.default.length,
      });
    case 'matrix':
      return fc.array(fc.array(num(p.min, p.max), { minLength: p.cols, maxLength: p.cols }), {
        minLength: p.default.length,
        maxLength: p.default.length,
      });
    case 'toggle':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...p.options.map((o) => o.value));
    default:
      // seed, time and later kinds: an integer the card clamps into range
      return fc.integer({ min: 0, max: 1000 });
  }
}

function valuesOf(params: readonly Param[]): fc.Arbitrary<Values> {
  const shape: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const p of params) shape[p.name] = paramValue(p);
  return fc.record(shape).map((raw) => normalizeValues(params, raw));
}

const built = REGISTRY.filter((e) => e.load);

describe('every plot: a tick draws what a fresh render draws', () => {
  for (const entry of built) {
    it(`${entry.id}: re-rendering at new values leaves a fresh render's SVG and canvas marks`, async () => {
      const def = (await entry.load!()).default;
      const values = valuesOf(def.params);
      fc.assert(
        fc.property(values, values, fc.constantFrom<Lang>('en', 'zh-TW'), (a, b, lang) => {
          expectTickAsFresh(def, a, b, lang);
        }),
        { numRuns: 12 },
      );
    });
  }
});
