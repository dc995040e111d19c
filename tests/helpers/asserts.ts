import { expect } from 'vitest';

/**
 * The one home of tolerance asserts for the test suites. A value passes when
 * |actual − expected| ≤ max(abs, rel·|expected|). Non-finite values are exact:
 * ±Infinity must equal the same infinity and NaN must be NaN. An expected 0
 * accepts any |actual| ≤ abs (either sign of zero).
 */

/** Relative and absolute tolerances of a comparison. */
export interface Tolerance {
  /** Relative tolerance, a fraction of |expected|; default 1e-9. */
  rel?: number;
  /** Absolute tolerance, for values near zero; default 1e-12. */
  abs?: number;
}

type Numeric = readonly number[] | readonly (readonly number[])[];

function fmt(x: unknown): string {
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  return JSON.stringify(x) ?? String(x);
}

/** Returns null when `actual` is close to `expected`, else a description of the miss. */
function closeness(actual: unknown, expected: number, rel: number, abs: number): string | null {
  if (typeof actual !== 'number') return `expected a number, got ${fmt(actual)}`;
  if (Number.isNaN(expected)) return Number.isNaN(actual) ? null : `${fmt(actual)} is not NaN`;
  if (!Number.isFinite(expected)) {
    return actual === expected ? null : `${fmt(actual)} is not ${fmt(expected)}`;
  }
  if (!Number.isFinite(actual)) return `${fmt(actual)} is not finite (expected ${fmt(expected)})`;
  const diff = Math.abs(actual - expected);
  const allowed = Math.max(abs, rel * Math.abs(expected));
  if (diff <= allowed) return null;
  const relErr = expected === 0 ? Infinity : diff / Math.abs(expected);
  return (
    `${fmt(actual)} is not close to ${fmt(expected)}: |diff| = ${diff} ` +
    `(relative ${relErr}) > allowed ${allowed} (rel ${rel}, abs ${abs})`
  );
}

/** Asserts |actual − expected| ≤ max(abs, rel·|expected|); ±Infinity and NaN must match exactly. */
export function expectClose(
  actual: number,
  expected: number,
  { rel = 1e-9, abs = 1e-12 }: Tolerance = {},
): void {
  const miss = closeness(actual, expected, rel, abs);
  expect(miss, `expectClose: ${miss}`).toBeNull();
}

/** Element-wise `expectClose` over vectors or matrices of the same shape. */
export function expectAllClose(actual: Numeric, expected: Numeric, tol: Tolerance = {}): void {
  const { rel = 1e-9, abs = 1e-12 } = tol;
  const misses: string[] = [];
  const walk = (a: unknown, e: unknown, path: string): void => {
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) {
        misses.push(`${path || 'value'}: expected an array, got ${fmt(a)}`);
        return;
      }
      if (a.length !== e.length) {
        misses.push(`${path || 'value'}: length ${a.length}, expected ${e.length}`);
        return;
      }
      for (let i = 0; i < e.length; i++) walk(a[i], e[i], `${path}[${i}]`);
      return;
    }
    const miss = closeness(a, e as number, rel, abs);
    if (miss !== null) misses.push(`${path}: ${miss}`);
  };
  walk(actual, expected, '');
  const shown = misses.slice(0, 5).join('; ');
  const more = misses.length > 5 ? ` (and ${misses.length - 5} more)` : '';
  expect(misses.length, `expectAllClose: ${misses.length} element(s) differ: ${shown}${more}`).toBe(
    0,
  );
}

/** Asserts that `call` throws a RangeError whose message matches `message` (e.g. /temperature/). */
export function expectRangeError(call: () => unknown, message: RegExp): void {
  let error: unknown = undefined;
  try {
    call();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected the call to throw a RangeError').toBeInstanceOf(RangeError);
  expect((error as Error).message).toMatch(message);
}
