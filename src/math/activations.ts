import { normalCdf, normalPdf } from './special';
import { checkFinite, checkProbability } from './validate';

/**
 * Activation functions and their derivatives. Every one is exact (to float64
 * rounding) for any finite input: the exponential forms only ever evaluate
 * $e^{-|x|}$, which cannot overflow.
 */

/** Logistic sigmoid, $\sigma(x) = 1/(1+e^{-x})$, exact for |x| up to 1000 and beyond. */
export function sigmoid(x: number): number {
  checkFinite('sigmoid', 'x', x);
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Logit, the inverse of the sigmoid: $\operatorname{logit}(p) = \log\frac{p}{1-p}$, $-\infty$ at 0 and $+\infty$ at 1. */
export function logit(p: number): number {
  checkProbability('logit', 'p', p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Far below 1/2 neither term cancels the other.
  if (p < 0.25) return Math.log(p) - Math.log1p(-p);
  // p/(1 − p) = 1 + (2p − 1)/(1 − p): for p ≥ 1/4, 2p − 1 is exact, and so is
  // 1 − p for p ≥ 1/2 (near 1, where it carries the whole value).
  return Math.log1p((2 * p - 1) / (1 - p));
}

/** Sigmoid derivative, $\sigma'(x) = \sigma(x)(1-\sigma(x)) = e^{-|x|}/(1+e^{-|x|})^2$. */
export function sigmoidDerivative(x: number): number {
  checkFinite('sigmoidDerivative', 'x', x);
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** Hyperbolic tangent, $\tanh(x) = (e^x - e^{-x})/(e^x + e^{-x})$. */
export function tanh(x: number): number {
  checkFinite('tanh', 'x', x);
  return Math.tanh(x);
}

/** Tanh derivative, $1 - \tanh^2(x) = 4e^{-2|x|}/(1+e^{-2|x|})^2$, accurate for large |x|. */
export function tanhDerivative(x: number): number {
  checkFinite('tanhDerivative', 'x', x);
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** Rectified linear unit, $\operatorname{ReLU}(x) = \max(0, x)$. */
export function relu(x: number): number {
  checkFinite('relu', 'x', x);
  return x > 0 ? x : 0;
}

/** ReLU derivative, $1$ for $x > 0$ and $0$ otherwise (0 at x = 0). */
export function reluDerivative(x: number): number {
  checkFinite('reluDerivative', 'x', x);
  return x > 0 ? 1 : 0;
}

/** Leaky ReLU, $x$ for $x > 0$ and $\alpha x$ otherwise, $\alpha$ = `slope` (default 0.01). */
export function leakyRelu(x: number, slope = 0.01): number {
  checkFinite('leakyRelu', 'x', x);
  checkFinite('leakyRelu', 'slope', slope);
  return x > 0 ? x : slope * x;
}

/** Leaky ReLU derivative, $1$ for $x > 0$ and $\alpha$ otherwise. */
export function leakyReluDerivative(x: number, slope = 0.01): number {
  checkFinite('leakyReluDerivative', 'x', x);
  checkFinite('leakyReluDerivative', 'slope', slope);
  return x > 0 ? 1 : slope;
}

/** Gaussian error linear unit (exact erf form), $\operatorname{GELU}(x) = x\,\Phi(x)$. */
export function gelu(x: number): number {
  checkFinite('gelu', 'x', x);
  return x * normalCdf(x);
}

/** GELU derivative, $\Phi(x) + x\,\varphi(x)$ with $\varphi$ the standard normal density. */
export function geluDerivative(x: number): number {
  checkFinite('geluDerivative', 'x', x);
  return normalCdf(x) + x * normalPdf(x);
}

/** An activation travelling with its derivative: `f` is the function, `df` its derivative. */
export interface ActivationPair {
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
}

/** Activations by name with their derivatives (leaky ReLU with its default slope 0.01). */
export const ACTIVATIONS = Object.freeze({
  sigmoid: Object.freeze({ f: sigmoid, df: sigmoidDerivative }),
  tanh: Object.freeze({ f: tanh, df: tanhDerivative }),
  relu: Object.freeze({ f: relu, df: reluDerivative }),
  leakyRelu: Object.freeze({
    f: (x: number) => leakyRelu(x),
    df: (x: number) => leakyReluDerivative(x),
  }),
  gelu: Object.freeze({ f: gelu, df: geluDerivative }),
}) satisfies Readonly<Record<string, ActivationPair>>;

/** Name of an activation in `ACTIVATIONS`. */
export type ActivationKey = keyof typeof ACTIVATIONS;
