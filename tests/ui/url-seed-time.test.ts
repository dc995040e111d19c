import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_MAX, defaultValues, normalizeValues } from '../../src/ui/card/values';
import { buildSearch, parseParams, serializeParams } from '../../src/ui/url/params';
import { playbackParams as params } from './playbackParams';

const q = (s: string) => new URLSearchParams(s);
const parse = (s: string) => parseParams(params, q(s));

describe('seed and time params in the URL', () => {
  it('defaults: seed at its default, time at step 0, neither written to the URL', () => {
    const v = defaultValues(params);
    expect(v).toEqual({ s: 42, steps: 5, t: 0 });
    expect(serializeParams(params, v)).toEqual([]);
  });

  it('round-trips any seed and any step up to its last step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SEED_MAX }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(20),
        (s, steps, t) => {
          const values = normalizeValues(params, { s, steps, t: Math.min(t, steps) });
          const search = buildSearch(serializeParams(params, values));
          const back = parse(search);
          expect(back.notices).toEqual([]);
          expect(back.values).toEqual(values);
        },
      ),
    );
  });

  it('reads the step after its last step, whatever the order of the query', () => {
    expect(parse('?t=12&steps=15').values).toMatchObject({ steps: 15, t: 12 });
    expect(parse('?t=12&steps=15').notices).toEqual([]);
  });

  it('a seed or step out of range is clamped with a notice', () => {
    const hi = parse('?s=4294967296&t=9');
    expect(hi.values).toMatchObject({ s: SEED_MAX, t: 5 });
    expect(hi.notices).toEqual([
      { kind: 'clamped', name: 's', raw: '4294967296', min: 0, max: SEED_MAX, value: SEED_MAX },
      { kind: 'clamped', name: 't', raw: '9', min: 0, max: 5, value: 5 },
    ]);
    const lo = parse('?s=-1&t=-3');
    expect(lo.values).toMatchObject({ s: 0, t: 0 });
    expect(lo.notices.map((n) => n.kind)).toEqual(['clamped', 'clamped']);
  });

  it('hostile seeds and steps (text, fractions, NaN, 1e999, hex, markup, huge strings) fall back with a notice', () => {
    for (const raw of [
      'abc',
      '1.5',
      'NaN',
      'Infinity',
      '1e999',
      '0x10',
      '<img src=x>',
      '',
      '9'.repeat(5000),
    ]) {
      const r = parseParams(
        params,
        new URLSearchParams([
          ['s', raw],
          ['t', raw],
        ]),
      );
      expect(r.values).toEqual({ s: 42, steps: 5, t: 0 });
      expect(r.notices.map((n) => [n.kind, n.name])).toEqual([
        ['invalid', 's'],
        ['invalid', 't'],
      ]);
    }
  });

  it('normalizeValues keeps a seed whole and in range and a step within its last step', () => {
    expect(normalizeValues(params, { s: 3.7, steps: 2, t: 9 })).toEqual({ s: 4, steps: 2, t: 2 });
    expect(normalizeValues(params, { s: NaN, steps: 2, t: NaN })).toEqual({
      s: 42,
      steps: 2,
      t: 0,
    });
    expect(normalizeValues(params, { s: -5, steps: 2, t: -1 })).toEqual({ s: 0, steps: 2, t: 0 });
    const ok = { s: 1, steps: 3, t: 3 };
    expect(normalizeValues(params, ok)).toBe(ok);
  });
});
