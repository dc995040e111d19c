import type { Matrix, Vector } from './types';

/**
 * Input checks shared by every function of the library. Each throws a
 * `RangeError` whose message names the function, the parameter and what was
 * wrong, e.g. `softmax: temperature must be > 0, got 0`.
 */

/** Tolerance on the sum of a probability distribution. */
export const DISTRIBUTION_TOLERANCE = 1e-6;

function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  return String(value);
}

/** Throws `RangeError("fn: param <problem>")`. */
export function fail(fn: string, param: string, problem: string): never {
  throw new RangeError(`${fn}: ${param} ${problem}`);
}

/** A finite number (no NaN, no ±Infinity). */
export function checkFinite(fn: string, param: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    fail(fn, param, `must be a finite number, got ${show(x)}`);
  }
}

/** A number > 0 and finite (temperature, learning rate, eps). */
export function checkPositive(fn: string, param: string, x: number): void {
  if (typeof x !== 'number' || Number.isNaN(x) || !(x > 0) || x === Infinity) {
    fail(fn, param, `must be > 0 and finite, got ${show(x)}`);
  }
}

/** A number ≥ 0 and finite (weight decay, momentum). */
export function checkNonNegative(fn: string, param: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
    fail(fn, param, `must be >= 0 and finite, got ${show(x)}`);
  }
}

/** A logarithm base: > 0, finite, and not 1. */
export function checkBase(fn: string, base: number): void {
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0 || base === 1) {
    fail(fn, 'base', `must be > 0, finite and not 1, got ${show(base)}`);
  }
}

/** A positive integer count (steps, positions, dModel). */
export function checkCount(fn: string, param: string, n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    fail(fn, param, `must be a positive integer, got ${show(n)}`);
  }
}

/** An integer index in 0 … length−1. */
export function checkIndex(fn: string, param: string, i: number, length: number): void {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= length) {
    fail(fn, param, `must be an integer in 0…${length - 1}, got ${show(i)}`);
  }
}

export interface VectorCheckOptions {
  /** Allow −Infinity entries (a logit mask). */
  allowNegativeInfinity?: boolean;
  /** Allow an empty vector. */
  allowEmpty?: boolean;
}

/** A non-empty array of finite numbers (optionally allowing −Infinity masks). */
export function checkVector(
  fn: string,
  param: string,
  v: Vector,
  options: VectorCheckOptions = {},
): void {
  if (!Array.isArray(v)) fail(fn, param, `must be an array of numbers, got ${show(v)}`);
  if (v.length === 0 && !options.allowEmpty) fail(fn, param, 'must not be empty');
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || Number.isNaN(x)) {
      fail(fn, `${param}[${i}]`, `must be a number, got ${show(x)}`);
    }
    if (x === Infinity) fail(fn, `${param}[${i}]`, 'must not be +Infinity');
    if (x === -Infinity && !options.allowNegativeInfinity) {
      fail(fn, `${param}[${i}]`, 'must not be -Infinity');
    }
  }
}

/** Two vectors of the same length. */
export function checkSameLength(
  fn: string,
  nameA: string,
  a: Vector,
  nameB: string,
  b: Vector,
): void {
  if (a.length !== b.length) {
    fail(fn, nameB, `must have the same length as ${nameA} (${a.length}), got ${b.length}`);
  }
}

/** A probability in [0, 1]. */
export function checkProbability(fn: string, param: string, p: number): void {
  if (typeof p !== 'number' || Number.isNaN(p) || p < 0 || p > 1) {
    fail(fn, param, `must be a probability in [0, 1], got ${show(p)}`);
  }
}

/** A probability distribution: entries in [0, 1] summing to 1 within 1e-6. */
export function checkDistribution(fn: string, param: string, p: Vector): void {
  checkVector(fn, param, p);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    checkProbability(fn, `${param}[${i}]`, p[i]);
    sum += p[i];
  }
  if (Math.abs(sum - 1) > DISTRIBUTION_TOLERANCE) {
    fail(fn, param, `must sum to 1 (within 1e-6), got a sum of ${sum}`);
  }
}

/** A non-empty rectangular matrix of finite numbers; returns [rows, cols]. */
export function checkMatrix(fn: string, param: string, A: Matrix): [number, number] {
  if (!Array.isArray(A)) fail(fn, param, `must be an array of rows, got ${show(A)}`);
  if (A.length === 0) fail(fn, param, 'must have at least one row');
  const cols = Array.isArray(A[0]) ? A[0].length : -1;
  if (cols <= 0) fail(fn, param, 'must have at least one column');
  for (let i = 0; i < A.length; i++) {
    if (!Array.isArray(A[i]) || A[i].length !== cols) {
      fail(fn, `${param}[${i}]`, `must have ${cols} columns like row 0, got ${show(A[i])}`);
    }
    checkVector(fn, `${param}[${i}]`, A[i]);
  }
  return [A.length, cols];
}

/** A vector of exactly `length` finite entries; `why` says where the length comes from. */
export function checkLength(
  fn: string,
  param: string,
  v: Vector,
  length: number,
  why: string,
): void {
  checkVector(fn, param, v);
  if (v.length !== length) fail(fn, param, `must have ${length} entries (${why}), got ${v.length}`);
}

/** A rows×cols matrix of finite numbers; `why` says where the shape comes from. */
export function checkShape(
  fn: string,
  param: string,
  A: Matrix,
  rows: number,
  cols: number,
  why: string,
): void {
  const [r, c] = checkMatrix(fn, param, A);
  if (r !== rows || c !== cols) fail(fn, param, `must be ${rows}×${cols} (${why}), got ${r}×${c}`);
}

/** A string among `names` (an optimizer, activation or loss name). */
export function checkOneOf<T extends string>(
  fn: string,
  param: string,
  value: unknown,
  names: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(names as readonly string[]).includes(value)) {
    fail(
      fn,
      param,
      `must be one of ${names.join(', ')}, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
}

/**
 * Dense layers `{ W, b }` chained from an input of `inputSize` entries: each W
 * is a matrix with as many columns as the previous output, each b has one
 * entry per row of W. Returns the size of the last layer's output.
 */
export function checkDenseLayers(
  fn: string,
  layers: readonly { W: Matrix; b: Vector }[],
  inputSize: number,
  inputName: string,
): number {
  if (!Array.isArray(layers) || layers.length === 0) {
    fail(fn, 'layers', 'must be a non-empty array of { W, b } layers');
  }
  let size = inputSize;
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k];
    if (layer === null || typeof layer !== 'object') {
      fail(fn, `layers[${k}]`, 'must be an object { W, b }');
    }
    const [rows, cols] = checkMatrix(fn, `layers[${k}].W`, layer.W);
    if (cols !== size) {
      fail(
        fn,
        `layers[${k}].W`,
        `must have ${size} columns (the size of ${k === 0 ? inputName : `layer ${k - 1}'s output`}), got ${cols}`,
      );
    }
    checkVector(fn, `layers[${k}].b`, layer.b);
    if (layer.b.length !== rows) {
      fail(
        fn,
        `layers[${k}].b`,
        `must have ${rows} entries (the rows of W), got ${layer.b.length}`,
      );
    }
    size = rows;
  }
  return size;
}
