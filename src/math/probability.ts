import type { Vector } from './types';
import {
  checkDistribution,
  checkNonNegative,
  checkSameLength,
  checkVector,
  fail,
} from './validate';

/** Bayes' theorem over a finite set of hypotheses. */

/** Posterior by Bayes' theorem, $P(h_i \mid d) = P(h_i)\,P(d \mid h_i) / \sum_j P(h_j)\,P(d \mid h_j)$. */
export function posterior(prior: Vector, likelihood: Vector): number[] {
  const fn = 'posterior';
  checkDistribution(fn, 'prior', prior);
  checkVector(fn, 'likelihood', likelihood);
  checkSameLength(fn, 'prior', prior, 'likelihood', likelihood);
  let maxLikelihood = 0;
  for (let i = 0; i < likelihood.length; i++) {
    checkNonNegative(fn, `likelihood[${i}]`, likelihood[i]);
    maxLikelihood = Math.max(maxLikelihood, likelihood[i]);
  }
  // Likelihoods are rescaled by their maximum (the posterior does not change),
  // so the evidence neither overflows nor underflows.
  const joint =
    maxLikelihood === 0
      ? prior.map(() => 0)
      : prior.map((p, i) => p * (likelihood[i] / maxLikelihood));
  const evidence = joint.reduce((a, b) => a + b, 0);
  if (!(evidence > 0)) {
    fail(fn, 'likelihood', 'gives zero evidence: the sum of prior[i] * likelihood[i] is 0');
  }
  return joint.map((j) => j / evidence);
}
