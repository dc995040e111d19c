import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf } from '../../src/math/special';
import { expectClose, expectRangeError } from '../helpers/asserts';

/*
 * Independent reference: erf and erfc evaluated in exact BigInt fixed-point
 * arithmetic from the Maclaurin series, with π from Machin's formula and as
 * many guard bits as the cancellation needs (2x²/ln 2 + 200). For x up to 27
 * this yields erfc to far more than float64 precision. It shares no code or
 * method with the library (which uses a continued fraction beyond 0.75).
 */
function piFixed(bits: number): bigint {
  const guard = 20n;
  const one = 1n << (BigInt(bits) + guard);
  const atanInverse = (k: bigint): bigint => {
    let power = one / k;
    let sum = 0n;
    for (let n = 0n; power !== 0n; n++) {
      const term = power / (2n * n + 1n);
      sum += n % 2n === 0n ? term : -term;
      power /= k * k;
    }
    return sum;
  };
  return (16n * atanInverse(5n) - 4n * atanInverse(239n)) >> guard;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The double x ≥ 0 as an exact fraction m / 2^e with m an integer. */
function exactFraction(x: number): { m: bigint; e: number } {
  let e = 0;
  let m = x;
  for (; !Number.isInteger(m); m *= 2) e++;
  return { m: BigInt(m), e };
}

function fixedToDouble(v: bigint, bits: number): number {
  if (v === 0n) return 0;
  const negative = v < 0n;
  const a = negative ? -v : v;
  const shift = Math.max(0, a.toString(2).length - 64);
  // Scale in two steps so that a result near the subnormal range is rounded only once.
  const r = Number(a >> BigInt(shift)) * 2 ** (shift - bits + 600) * 2 ** -600;
  return negative ? -r : r;
}

/** [erf(u), erfc(u)] for u = x (or u = x/√2 when `overSqrt2`), x ≥ 0, rounded to float64. */
function referenceErf(x: number, overSqrt2 = false): [number, number] {
  const { m, e } = exactFraction(x);
  const bits = Math.max(Math.ceil((2 * x * x) / Math.LN2) + 200, e + 200);
  const P = BigInt(bits);
  let u = (m << P) >> BigInt(e);
  if (overSqrt2) u = (u << P) / isqrt(2n << (2n * P));
  const u2 = (u * u) >> P;
  let power = u; // u^(2n+1)/n!
  let sum = u;
  for (let n = 1n; ; n++) {
    power = ((power * u2) >> P) / n;
    if (power === 0n) break;
    const term = power / (2n * n + 1n);
    sum += n % 2n === 1n ? -term : term;
  }
  const sqrtPi = isqrt(piFixed(bits) << P);
  const erfFixed = ((2n * sum) << P) / sqrtPi;
  return [fixedToDouble(erfFixed, bits), fixedToDouble((1n << P) - erfFixed, bits)];
}

const TIGHT = { rel: 2e-15, abs: 0 };

describe('the BigInt reference', () => {
  it('reproduces published high-precision values of erf and erfc', () => {
    expect(referenceErf(0.5)[0]).toBe(0.5204998778130465);
    expect(referenceErf(1)[0]).toBe(0.8427007929497149);
    expect(referenceErf(2)[0]).toBe(0.9953222650189527);
    expectClose(referenceErf(5)[1], 1.5374597944280349e-12, { rel: 1e-16, abs: 0 });
    expectClose(referenceErf(10)[1], 2.088487583762545e-45, { rel: 1e-16, abs: 0 });
    // Φ(−10) = erfc(10/√2)/2 = 7.61985302416052606597…e-24, whose nearest double prints as
    // 7.619853024160525e-24; the often quoted 7.619853024160527e-24 is the next double up.
    expectClose(referenceErf(10, true)[1] / 2, 7.619853024160527e-24, { rel: 2e-16, abs: 0 });
    expect(referenceErf(10, true)[1] / 2).toBe(7.619853024160525e-24);
  });

  it('agrees with the asymptotic series of erfc at x = 20', () => {
    // erfc(x) ~ e^{-x²}/(x√π) Σ (−1)^n (2n−1)!!/(2x²)^n; terms at x = 20 fall below 1e-17 fast.
    const x = 20;
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 12; n++) {
      term *= -(2 * n - 1) / (2 * x * x);
      sum += term;
    }
    const asymptotic = (Math.exp(-x * x) / (x * Math.sqrt(Math.PI))) * sum;
    expectClose(referenceErf(x)[1], asymptotic, { rel: 1e-13, abs: 0 });
  });
});

describe('erf', () => {
  it('erf(0) is 0 and erf is odd', () => {
    expect(erf(0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(erf(-x)).toBe(-erf(x));
      }),
    );
  });

  it('erf(x) matches known values to the last digit', () => {
    expectClose(erf(0.5), 0.5204998778130465, TIGHT);
    expectClose(erf(1), 0.8427007929497149, TIGHT);
    expectClose(erf(2), 0.9953222650189527, TIGHT);
    expectClose(erf(-1), -0.8427007929497149, TIGHT);
  });

  it('erf(x) agrees with the exact BigInt series to 2e-15 relative on a grid of [0, 6]', () => {
    for (let x = 0.03125; x <= 6; x += 0.1171875) {
      expectClose(erf(x), referenceErf(x)[0], TIGHT);
    }
    for (const x of [1e-300, 1e-20, 1e-8, 0.001, 0.74, 0.75, 0.76, 3, 5.9]) {
      expectClose(erf(x), referenceErf(x)[0], TIGHT);
    }
  });

  it('erf(x) agrees with the exact BigInt series at random x in [-7, 7]', () => {
    fc.assert(
      fc.property(fc.double({ min: -7, max: 7, noNaN: true }), (x) => {
        const [ref] = referenceErf(Math.abs(x));
        expectClose(erf(x), x < 0 ? -ref : ref, { rel: 2e-15, abs: 1e-300 });
      }),
      { numRuns: 60 },
    );
  });

  it('erf(x) is exactly ±1 beyond 6, and erf(±1e300) = ±1', () => {
    expect(erf(6.5)).toBe(1);
    expect(erf(1e300)).toBe(1);
    expect(erf(-1e300)).toBe(-1);
  });

  it('erf(x) ≈ 2x/√π for tiny x, including subnormals', () => {
    expectClose(erf(1e-200), 2e-200 / Math.sqrt(Math.PI), TIGHT);
    expect(erf(Number.MIN_VALUE)).toBeGreaterThan(0);
  });
});

describe('erfc', () => {
  it('erfc(0) is 1 and erfc(x) + erf(x) = 1 where erf is not close to ±1', () => {
    expect(erfc(0)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (x) => {
        expectClose(erfc(x) + erf(x), 1, { rel: 4e-16, abs: 0 });
      }),
    );
  });

  it('erfc(x) matches known tail values', () => {
    expectClose(erfc(5), 1.5374597944280349e-12, TIGHT);
    expectClose(erfc(10), 2.088487583762545e-45, TIGHT);
  });

  it('erfc(x) agrees with the exact BigInt series to 2e-15 relative on a grid of [0, 26.5]', () => {
    for (let x = 0.015625; x <= 26.5; x += 0.3203125) {
      expectClose(erfc(x), referenceErf(x)[1], TIGHT);
    }
    for (const x of [0.7499999999999999, 0.75, 1, 2.5, 26, 26.5]) {
      expectClose(erfc(x), referenceErf(x)[1], TIGHT);
    }
  });

  it('erfc(x) agrees with the exact BigInt series at random x in [0, 26.5]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 26.5, noNaN: true }), (x) => {
        expectClose(erfc(x), referenceErf(x)[1], TIGHT);
      }),
      { numRuns: 40 },
    );
  });

  it('erfc(−x) = 1 + erf(x) for x ≥ 0 and reaches exactly 2 for large x', () => {
    for (const x of [0.25, 1, 3, 10]) {
      expectClose(erfc(-x), 1 + referenceErf(x)[0], TIGHT);
    }
    expect(erfc(-30)).toBe(2);
  });

  it('erfc(x) underflows to exactly 0 only where the value is below the smallest double', () => {
    expect(erfc(26.5)).toBeGreaterThan(0);
    expect(erfc(27.3)).toBe(0);
    expect(erfc(1e300)).toBe(0);
  });

  it('erfc is decreasing across the switch between series and continued fraction', () => {
    const xs = [0.7, 0.7499999999999999, 0.75, 0.7500000000000001, 0.8];
    for (let i = 1; i < xs.length; i++) expect(erfc(xs[i])).toBeLessThanOrEqual(erfc(xs[i - 1]));
  });
});

describe('normalCdf', () => {
  it('normalCdf(0) = 1/2 and Φ(x) + Φ(−x) = 1', () => {
    expect(normalCdf(0)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expectClose(normalCdf(x) + normalCdf(-x), 1, { rel: 4e-16, abs: 0 });
      }),
    );
  });

  it('normalCdf(−10) = 7.619853024160527e-24 and Φ(1.959963984540054) ≈ 0.975', () => {
    expectClose(normalCdf(-10), 7.619853024160527e-24, TIGHT);
    expectClose(normalCdf(1.959963984540054), 0.975, { rel: 1e-15, abs: 0 });
    expectClose(normalCdf(-1), 0.15865525393145705, TIGHT);
  });

  it('normalCdf(−t) is accurate in the lower tail down to t = 37.5', () => {
    for (let t = 0.0625; t <= 37.5; t += 0.6171875) {
      expectClose(normalCdf(-t), referenceErf(t, true)[1] / 2, TIGHT);
    }
    expect(normalCdf(-37.5)).toBeGreaterThan(0);
    expect(normalCdf(-39)).toBe(0);
    expect(normalCdf(39)).toBe(1);
  });
});

describe('normalPdf', () => {
  it('normalPdf(x) = e^{-x²/2}/√(2π) at 0, 1 and in the far tail', () => {
    expectClose(normalPdf(0), 0.3989422804014327, TIGHT);
    expectClose(normalPdf(1), 0.24197072451914337, TIGHT);
    expectClose(normalPdf(-1), 0.24197072451914337, TIGHT);
    // e^{-450} = (e^{-45})^10 avoids amplifying the rounding of 900/2
    expectClose(normalPdf(30), Math.exp(-45) ** 10 / Math.sqrt(2 * Math.PI), {
      rel: 1e-13,
      abs: 0,
    });
    expect(normalPdf(50)).toBe(0);
  });
});

describe('special functions reject bad input', () => {
  it.each([
    ['erf', erf],
    ['erfc', erfc],
    ['normalCdf', normalCdf],
    ['normalPdf', normalPdf],
  ] as const)('%s(NaN), (Infinity) and (−Infinity) throw a RangeError naming x', (name, f) => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRangeError(() => f(bad), new RegExp(`^${name}: x must be a finite number`));
    }
  });
});
