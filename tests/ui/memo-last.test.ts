import { describe, expect, it } from 'vitest';
import { memoLast } from '../../src/ui/card/memoLast';

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
