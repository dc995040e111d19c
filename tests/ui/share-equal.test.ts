import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shareEqual } from '../../src/ui/card/shareEqual';
import { memoLast } from '../../src/ui/card/memoLast';

/** Plain JSON-like values: what a compute returns. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.boolean(),
    fc.string({ maxLength: 3 }),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 2 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('shareEqual', () => {
  it('returns a value equal to next, and prev itself when the two are equal', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const out = shareEqual(a, b);
        expect(out).toStrictEqual(b);
        // a deep copy of a is equal to a throughout: the old object comes back
        const copy = structuredClone(a);
        expect(shareEqual(a, copy)).toBe(a);
      }),
    );
  });

  it('keeps the identity of the parts that did not change, and only those', () => {
    const prev = {
      grid: [
        [1, 2],
        [3, 4],
      ],
      data: { points: [[0, 1]], labels: [0] },
      z: 1,
    };
    const next = {
      grid: [
        [1, 2],
        [3, 5],
      ],
      data: { points: [[0, 1]], labels: [0] },
      z: 1,
    };
    const out = shareEqual(prev, next);
    expect(out).not.toBe(prev);
    expect(out.data).toBe(prev.data);
    expect(out.grid).not.toBe(prev.grid);
    expect(out.grid[0]).toBe(prev.grid[0]);
    expect(out.grid[1]).toBe(next.grid[1]);
  });

  it('tells 0 from −0 and finds NaN equal to NaN, as Object.is does', () => {
    const prev = { a: [0], b: [NaN] };
    const out = shareEqual(prev, { a: [-0], b: [NaN] });
    expect(Object.is(out.a[0], -0)).toBe(true);
    expect(out.b).toBe(prev.b);
  });

  it('compares functions, typed arrays and class instances by identity only', () => {
    const f = () => 1;
    const prev = { f, t: new Float64Array([1]), d: new Date(0) };
    const next = { f, t: new Float64Array([1]), d: new Date(0) };
    const out = shareEqual(prev, next);
    expect(out.f).toBe(f);
    expect(out.t).toBe(next.t);
    expect(out.d).toBe(next.d);
  });

  it('sees an added or a removed key or item', () => {
    expect(shareEqual({ a: 1 }, { a: 1, b: undefined })).toStrictEqual({ a: 1, b: undefined });
    const prev = { a: 1, b: 2 };
    expect(shareEqual(prev, { a: 1 })).toStrictEqual({ a: 1 });
    const list = [1, 2, 3];
    expect(shareEqual(list, [1, 2])).toStrictEqual([1, 2]);
  });
});

describe('memoLast', () => {
  it('returns the same object for the same arguments, and computes anew for others', () => {
    let calls = 0;
    const make = memoLast((a: number, b: string) => ({ a, b, n: ++calls }));
    const first = make(1, 'x');
    expect(make(1, 'x')).toBe(first);
    const second = make(2, 'x');
    expect(second).not.toBe(first);
    expect(second).toEqual({ a: 2, b: 'x', n: 2 });
    expect(make(1, 'x')).toEqual({ a: 1, b: 'x', n: 3 });
    expect(make(NaN, 'x')).toBe(make(NaN, 'x'));
  });
});
