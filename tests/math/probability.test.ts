import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posterior } from '../../src/math/probability';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/** A prior (normalised in the test, some entries exactly 0) with likelihoods of the same length. */
const priorAndLikelihood = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .filter((rows) => rows.some(([w]) => w > 0))
  .map((rows) => {
    const total = rows.reduce((a, [w]) => a + w, 0);
    return [rows.map(([w]) => w / total), rows.map(([, l]) => l)] as const;
  });

describe('posterior', () => {
  it('posterior(prior, likelihood) for the classic screening test is [1/6, 5/6]', () => {
    // P(D) = 0.01, P(+|D) = 0.99, P(+|¬D) = 0.05: 0.0099 / (0.0099 + 0.0495) = 1/6
    expectAllClose(posterior([0.01, 0.99], [0.99, 0.05]), [1 / 6, 5 / 6], { rel: 1e-14 });
  });

  it('posterior on hand-derived cases: certain evidence, uniform prior, uniform likelihood', () => {
    expect(posterior([0.5, 0.5], [1, 0])).toEqual([1, 0]);
    expectAllClose(posterior([0.25, 0.25, 0.5], [2, 2, 2]), [0.25, 0.25, 0.5], { rel: 1e-15 });
    expectAllClose(posterior([0.5, 0.5], [1, 3]), [0.25, 0.75], { rel: 1e-15 });
    expect(posterior([1], [0.3])).toEqual([1]);
  });

  it('posterior sums to 1, keeps zero-prior hypotheses at 0, and matches the hand formula', () => {
    fc.assert(
      fc.property(priorAndLikelihood, ([prior, likelihood]) => {
        const post = posterior(prior, likelihood);
        expectClose(
          post.reduce((a, b) => a + b, 0),
          1,
          { rel: 1e-14 },
        );
        const evidence = prior.reduce((a, p, i) => a + p * likelihood[i], 0);
        expectAllClose(
          post,
          prior.map((p, i) => (p * likelihood[i]) / evidence),
          { rel: 1e-12, abs: 1e-300 },
        );
        prior.forEach((p, i) => {
          if (p === 0) expect(post[i]).toBe(0);
        });
      }),
    );
  });

  it('posterior does not change when all likelihoods are scaled by the same factor', () => {
    fc.assert(
      fc.property(
        priorAndLikelihood,
        fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
        ([prior, likelihood], c) => {
          expectAllClose(
            posterior(
              prior,
              likelihood.map((l) => l * c),
            ),
            posterior(prior, likelihood),
            {
              rel: 1e-12,
              abs: 1e-300,
            },
          );
        },
      ),
    );
  });

  it('posterior stays finite for huge and subnormal likelihoods', () => {
    expect(posterior([0.5, 0.5], [1e308, 1e308])).toEqual([0.5, 0.5]);
    expectAllClose(posterior([0.5, 0.5], [1e308, 3e307]), [1 / 1.3, 0.3 / 1.3], { rel: 1e-14 });
    // 5e-324 and 1e-323 are exactly 1 and 2 times the smallest subnormal
    expectAllClose(posterior([0.5, 0.5], [5e-324, 1e-323]), [1 / 3, 2 / 3], { rel: 1e-15 });
  });
});

describe('posterior rejects bad input', () => {
  it('posterior rejects a prior that is not a distribution', () => {
    expectRangeError(() => posterior([], []), /^posterior: prior must not be empty/);
    expectRangeError(() => posterior([0.5, 0.4], [1, 1]), /^posterior: prior must sum to 1/);
    expectRangeError(
      () => posterior([1.5, -0.5], [1, 1]),
      /^posterior: prior\[0\] must be a probability/,
    );
    expectRangeError(() => posterior([NaN, 1], [1, 1]), /^posterior: prior\[0\] must be a number/);
    expectRangeError(
      () => posterior([Infinity, 0], [1, 1]),
      /^posterior: prior\[0\] must not be \+Infinity/,
    );
  });

  it('posterior rejects likelihoods that are empty, mismatched, negative or not finite', () => {
    expectRangeError(() => posterior([1], []), /^posterior: likelihood must not be empty/);
    expectRangeError(
      () => posterior([0.5, 0.5], [1]),
      /^posterior: likelihood must have the same length as prior/,
    );
    expectRangeError(
      () => posterior([0.5, 0.5], [1, -0.1]),
      /^posterior: likelihood\[1\] must be >= 0/,
    );
    expectRangeError(
      () => posterior([0.5, 0.5], [1, NaN]),
      /^posterior: likelihood\[1\] must be a number/,
    );
    expectRangeError(
      () => posterior([0.5, 0.5], [Infinity, 1]),
      /^posterior: likelihood\[0\] must not be \+Infinity/,
    );
    expectRangeError(
      () => posterior([0.5, 0.5], [-Infinity, 1]),
      /^posterior: likelihood\[0\] must not be -Infinity/,
    );
  });

  it('posterior rejects zero evidence (Σ prior·likelihood = 0)', () => {
    expectRangeError(() => posterior([1, 0], [0, 1]), /^posterior: likelihood gives zero evidence/);
    expectRangeError(
      () => posterior([0.5, 0.5], [0, 0]),
      /^posterior: likelihood gives zero evidence/,
    );
  });
});
