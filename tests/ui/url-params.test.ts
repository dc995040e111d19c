import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Param, Values } from '../../src/ui/card/types';
import { defaultValues } from '../../src/ui/card/values';
import {
  buildSearch,
  mergeSearch,
  parseNumber,
  parseParams,
  serializeParams,
  setSearchKey,
} from '../../src/ui/url/params';
import { makeFakeDef } from './fakeDef';

const params = makeFakeDef().params;
const q = (s: string) => new URLSearchParams(s);
const scalar = (name: string) =>
  params.find((p) => p.name === name) as Extract<Param, { kind: 'scalar' }>;

/** Asserts every value is well-formed and inside its param's range. */
function expectInRange(ps: readonly Param[], values: Values) {
  for (const p of ps) {
    const v = values[p.name];
    switch (p.kind) {
      case 'scalar':
        expect(typeof v).toBe('number');
        expect(Number.isFinite(v)).toBe(true);
        expect(v as number).toBeGreaterThanOrEqual(p.min);
        expect(v as number).toBeLessThanOrEqual(p.max);
        if (p.integer) expect(Number.isInteger(v)).toBe(true);
        break;
      case 'vector':
        expect((v as number[]).length).toBe(values.n);
        for (const x of v as number[]) {
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(p.min);
          expect(x).toBeLessThanOrEqual(p.max);
        }
        break;
      case 'matrix':
        expect((v as number[][]).length).toBe(p.rows);
        for (const row of v as number[][]) {
          expect(row.length).toBe(p.cols);
          for (const x of row) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(p.min);
            expect(x).toBeLessThanOrEqual(p.max);
          }
        }
        break;
      case 'toggle':
        expect(typeof v).toBe('boolean');
        break;
      case 'choice':
        expect(p.options.map((o) => o.value)).toContain(v);
        break;
    }
  }
}

describe('parseNumber', () => {
  it('accepts plain decimals and exponents, rejects text, hex, Infinity, 1e999 and empty', () => {
    expect(parseNumber('0.7')).toBe(0.7);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1e-3')).toBe(0.001);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of [
      '',
      ' ',
      'abc',
      '0x10',
      'Infinity',
      '-Infinity',
      'NaN',
      '1e999',
      '1,2',
      '<script>',
    ])
      expect(parseNumber(bad)).toBeNull();
  });
});

describe('parseParams(params, query)', () => {
  it('returns the defaults and no notices for an empty query', () => {
    const { values, notices } = parseParams(params, q(''));
    expect(values).toEqual(defaultValues(params));
    expect(notices).toEqual([]);
  });

  it('reads scalars, vectors, matrices, toggles and choices', () => {
    const { values, notices } = parseParams(
      params,
      q('a=2.5&n=2&v=0.5,-1&T=0.7&M=1,0.5;-0.5,1&mask=1&k=1'),
    );
    expect(notices).toEqual([]);
    expect(values).toEqual({
      a: 2.5,
      n: 2,
      v: [0.5, -1],
      T: 0.7,
      M: [
        [1, 0.5],
        [-0.5, 1],
      ],
      mask: true,
      k: 1,
    });
  });

  it('clamps out-of-range numbers and says so', () => {
    const { values, notices } = parseParams(params, q('a=99&T=0.0001'));
    expect(values.a).toBe(10);
    expect(values.T).toBe(0.05);
    expect(notices.map((n) => [n.kind, n.name])).toEqual([
      ['clamped', 'a'],
      ['clamped', 'T'],
    ]);
  });

  it('ignores text, NaN, Infinity, 1e999 and markup, keeping the defaults', () => {
    for (const bad of ['abc', 'NaN', 'Infinity', '1e999', '<script>alert(1)</script>', '']) {
      const { values, notices } = parseParams(params, q(`a=${encodeURIComponent(bad)}`));
      expect(values.a).toBe(scalar('a').default);
      expect(notices).toHaveLength(1);
      expect(notices[0].kind).toBe('invalid');
    }
  });

  it('shortens the echo of a huge value and rejects it', () => {
    const huge = 'x'.repeat(100_000);
    const { values, notices } = parseParams(params, q(`v=${huge}`));
    expect(values.v).toEqual([1, 2, -1]);
    expect(notices[0].kind).toBe('invalid');
    expect(JSON.stringify(notices).length).toBeLessThan(200);
  });

  it('pads too-short and truncates too-long vectors and matrices from the defaults', () => {
    const short = parseParams(params, q('v=0.3'));
    expect(short.values.v).toEqual([0.3, 2, -1]);
    expect(short.notices).toEqual([{ kind: 'tooFew', name: 'v', expected: 3, got: 1 }]);
    const long = parseParams(params, q('v=1,1,1,1,1,1&M=1,1,1;0,0;2,2'));
    expect(long.values.v).toEqual([1, 1, 1]);
    expect(long.values.M).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(long.notices.map((n) => n.kind)).toEqual(['tooMany', 'tooMany', 'tooMany']);
  });

  it('takes a vector length from its length param, extending from the default', () => {
    expect(parseParams(params, q('n=4')).values.v).toEqual([1, 2, -1, 0.5]);
    expect(parseParams(params, q('n=1')).values.v).toEqual([1]);
    expect(parseParams(params, q('n=9')).values.n).toBe(4);
  });

  it('replaces a bad vector entry by its default with a notice', () => {
    const { values, notices } = parseParams(params, q('v=1,oops,2'));
    expect(values.v).toEqual([1, 2, 2]);
    expect(notices).toEqual([{ kind: 'entryInvalid', name: 'v', index: 2, raw: 'oops' }]);
  });

  it('rejects unknown toggle and choice values', () => {
    const { values, notices } = parseParams(params, q('mask=yes&k=7'));
    expect(values.mask).toBe(false);
    expect(values.k).toBe(0);
    expect(notices.map((n) => n.kind)).toEqual(['invalid', 'invalid']);
  });

  it('never throws and always yields in-range values, whatever the query (property)', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.double().map(String),
      fc.array(fc.double().map(String), { maxLength: 8 }).map((a) => a.join(',')),
      fc
        .array(fc.array(fc.double({ noNaN: false }).map(String), { maxLength: 4 }), {
          maxLength: 4,
        })
        .map((m) => m.map((r) => r.join(',')).join(';')),
      fc.constantFrom(
        '1e999',
        '-1e999',
        'Infinity',
        '<img src=x onerror=alert(1)>',
        '1,,2',
        ';;',
        '%00',
      ),
    );
    const key = fc.constantFrom('a', 'n', 'v', 'T', 'M', 'mask', 'k', 'lang', 'zzz');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, raw), { maxLength: 10 }), (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v);
        const { values, notices } = parseParams(params, query);
        expectInRange(params, values);
        for (const n of notices) if ('raw' in n) expect(n.raw.length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips: serialize then parse gives the same values, with no notices (property)', () => {
    const inRange = (min: number, max: number) =>
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    const valuesArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.record({
        a: inRange(-5, 10),
        n: fc.constant(n),
        v: fc.array(inRange(-3, 3), { minLength: n, maxLength: n }),
        T: inRange(0.05, 20),
        M: fc.array(fc.array(inRange(-2, 2), { minLength: 2, maxLength: 2 }), {
          minLength: 2,
          maxLength: 2,
        }),
        mask: fc.boolean(),
        k: fc.constantFrom(0, 1),
      }),
    );
    fc.assert(
      fc.property(valuesArb, (values) => {
        const search = buildSearch(serializeParams(params, values));
        const parsed = parseParams(params, new URLSearchParams(search));
        expect(parsed.notices).toEqual([]);
        expect(parsed.values).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

describe('serializeParams and the query helpers', () => {
  it('omits defaults and writes readable vectors and matrices', () => {
    const values = {
      ...defaultValues(params),
      T: 0.7,
      v: [2, 1, 0.1],
      M: [
        [1, 0],
        [0.5, 1],
      ],
      mask: true,
    };
    expect(buildSearch(serializeParams(params, values))).toBe(
      '?v=2,1,0.1&T=0.7&M=1,0;0.5,1&mask=1',
    );
    expect(serializeParams(params, defaultValues(params))).toEqual([]);
  });

  it('mergeSearch keeps lang and other keys, replaces page params', () => {
    const values = { ...defaultValues(params), a: 3 };
    expect(mergeSearch('?a=1&lang=zh-TW&v=1,1,1', params, values)).toBe('?a=3&lang=zh-TW');
    expect(mergeSearch('?a=1', params, defaultValues(params))).toBe('');
  });

  it('setSearchKey sets and removes one key', () => {
    expect(setSearchKey('?a=1', 'lang', 'zh-TW')).toBe('?a=1&lang=zh-TW');
    expect(setSearchKey('?a=1&lang=en', 'lang', null)).toBe('?a=1');
  });
});
