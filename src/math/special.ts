/**
 * The error function, its complement and the standard normal CDF, accurate to
 * a few units in the last place over the whole real line (JavaScript has no
 * `Math.erf`).
 *
 * Method, from the classical series and continued fraction (Abramowitz &
 * Stegun 7.1.5 and 7.1.14):
 * - |x| < 0.75: the Maclaurin series
 *   $\operatorname{erf}(x) = \frac{2}{\sqrt\pi}\sum_n \frac{(-1)^n x^{2n+1}}{n!(2n+1)}$,
 *   whose terms shrink fast and barely cancel there;
 * - x ≥ 0.75: Laplace's continued fraction
 *   $\operatorname{erfc}(x) = \frac{e^{-x^2}}{\sqrt\pi}\,
 *   \cfrac{1}{x + \cfrac{1/2}{x + \cfrac{1}{x + \cfrac{3/2}{x + \cdots}}}}$,
 *   evaluated from the tail (a stable backward recurrence) with enough terms
 *   for full double precision, and $e^{-x^2}$ formed from an exact split of
 *   $x^2$ so that its rounding is not amplified for large x.
 * Arguments must be finite (NaN and ±Infinity throw a RangeError, as the
 * library contract asks). Negative arguments use $\operatorname{erf}(-x) = -\operatorname{erf}(x)$ and
 * $\operatorname{erfc}(-x) = 2 - \operatorname{erfc}(x)$.
 */

import { checkFinite } from './validate';

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2/√π
const ONE_OVER_SQRT_PI = 0.5641895835477563; // 1/√π

/** Below this, erf comes from its series; above, erfc from its continued fraction. */
const SERIES_LIMIT = 0.75;
/** erf(x) rounds to 1 in float64 beyond this (erfc(6) ≈ 2e-17). */
const ERF_SATURATES = 6;
/** erfc(x) underflows to 0 beyond this (erfc(27.3) < 2^-1075). */
const ERFC_UNDERFLOWS = 27.3;

/** Maclaurin series of erf for |x| < SERIES_LIMIT. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x; // x^(2n+1) / n!, with sign
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= -x2 / n;
    const next = sum + term / (2 * n + 1);
    if (next === sum) break;
    sum = next;
  }
  return TWO_OVER_SQRT_PI * sum;
}

/**
 * $e^{-s x^2}$ for s = 1 or 1/2 without the rounding error of x² being
 * amplified by exp: x = hi + lo with hi of 24 significant bits, so hi² is exact.
 * The exponential is applied in two halves so that a subnormal result is
 * rounded only once, in the last multiplication.
 */
function expNegSquare(x: number, s: number, factor: number): number {
  const hi = Math.fround(x);
  const hiSquare = hi * hi * s; // exact
  const loPart = (x - hi) * (x + hi) * s;
  const half = Math.exp(-hiSquare / 2);
  return half * (factor * Math.exp(-loPart)) * half;
}

/** Laplace's continued fraction 1/(u + (1/2)/(u + 1/(u + …))), for u ≥ SERIES_LIMIT. */
function erfcFraction(u: number): number {
  const terms = Math.ceil(240 / (u * u) + 12);
  let t = u;
  for (let k = terms; k >= 1; k--) t = u + k / 2 / t;
  return 1 / t;
}

/** erfc(u) for u ≥ SERIES_LIMIT, where u = x·√s; the exponential is taken of x² s. */
function erfcTail(u: number, x: number, s: number): number {
  if (u >= ERFC_UNDERFLOWS) return 0;
  return expNegSquare(x, s, ONE_OVER_SQRT_PI * erfcFraction(u));
}

/** Error function, $\operatorname{erf}(x) = \frac{2}{\sqrt\pi}\int_0^x e^{-t^2}\,dt$. */
export function erf(x: number): number {
  checkFinite('erf', 'x', x);
  const a = Math.abs(x);
  if (a < SERIES_LIMIT) return erfSeries(x);
  const value = a >= ERF_SATURATES ? 1 : 1 - erfcTail(a, a, 1);
  return x < 0 ? -value : value;
}

/** Complementary error function, $\operatorname{erfc}(x) = 1 - \operatorname{erf}(x)$, accurate in the tail. */
export function erfc(x: number): number {
  checkFinite('erfc', 'x', x);
  const a = Math.abs(x);
  if (a < SERIES_LIMIT) return 1 - erfSeries(x);
  const tail = erfcTail(a, a, 1);
  return x < 0 ? 2 - tail : tail;
}

/** Standard normal CDF, $\Phi(x) = \tfrac12\operatorname{erfc}(-x/\sqrt2)$, accurate in the lower tail. */
export function normalCdf(x: number): number {
  checkFinite('normalCdf', 'x', x);
  const a = Math.abs(x);
  const u = a * Math.SQRT1_2;
  // Upper-tail mass Q(|x|) = erfc(|x|/√2)/2, with e^{-x²/2} taken from x itself.
  const upper = u < SERIES_LIMIT ? (1 - erfSeries(u)) / 2 : erfcTail(u, a, 0.5) / 2;
  return x < 0 ? upper : 1 - upper;
}

/** Standard normal density, $\varphi(x) = e^{-x^2/2}/\sqrt{2\pi}$. */
export function normalPdf(x: number): number {
  checkFinite('normalPdf', 'x', x);
  const a = Math.abs(x);
  if (a > 40) return 0; // e^{-800} underflows
  return expNegSquare(a, 0.5, 1 / Math.sqrt(2 * Math.PI));
}
