/**
 * Exact arithmetic on float64 values for reference results: every double is an
 * integer multiple of 2^−1074, so sums and products of doubles are exact as
 * BigInts in units of a power of 2^−1074.
 */

/** x·2^1074 as an exact BigInt: every double is an integer multiple of 2^−1074. */
export function exactScaled(x: number): bigint {
  if (x === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // normal: (2^52 + f)·2^(e − 1075); subnormal: f·2^−1074
  const magnitude = exponent === 0 ? fraction : ((1n << 52n) + fraction) << BigInt(exponent - 1);
  return negative ? -magnitude : magnitude;
}

/** ⌊√n⌋ of a BigInt n ≥ 0 by Newton's iteration. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The double nearest to n·2^−unitExponent (n a BigInt), rounded once, without overflow on the way. */
export function bigToNumber(n: bigint, unitExponent: number): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const bits = abs.toString(2).length;
  // keep 64 significant bits plus a sticky bit, then scale by powers of two
  const shift = Math.max(0, bits - 64);
  let top = abs >> BigInt(shift);
  if (shift > 0 && top << BigInt(shift) !== abs) top |= 1n;
  let e = shift - unitExponent;
  let x = Number(top);
  // Number(top) is exact for all but the last bits: the one rounding happens here,
  // except when the result is subnormal (a second rounding, harmless for tests)
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  x *= 2 ** e;
  return negative ? -x : x;
}
