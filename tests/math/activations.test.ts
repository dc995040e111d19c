import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  gelu,
  geluDerivative,
  leakyRelu,
  leakyReluDerivative,
  logit,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
} from '../../src/math/activations';
import { expectClose, expectRangeError } from '../helpers/asserts';

const moderate = fc.double({ min: -30, max: 30, noNaN: true });

/** Central difference (f(x+h) − f(x−h)) / 2h, accurate to about h². */
function centralDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

describe('sigmoid', () => {
  it('sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4 and sigmoid(−ln 3) = 1/4', () => {
    expect(sigmoid(0)).toBe(0.5);
    expectClose(sigmoid(Math.log(3)), 0.75, { rel: 1e-15 });
    expectClose(sigmoid(-Math.log(3)), 0.25, { rel: 1e-15 });
  });

  it('sigmoid(x) equals the naive 1/(1 + e^{-x}) wherever that does not overflow', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expectClose(sigmoid(x), 1 / (1 + Math.exp(-x)), { rel: 1e-15, abs: 0 });
      }),
    );
  });

  it('sigmoid(−x) = 1 − sigmoid(x)', () => {
    fc.assert(
      fc.property(moderate, (x) => {
        expectClose(sigmoid(-x), 1 - sigmoid(x), { rel: 1e-9, abs: 1e-16 });
      }),
    );
  });

  it('sigmoid(±1000) is exactly 1 and 0, and sigmoid(−700) ≈ e^{-700}', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0); // e^{-1000} is below the smallest double
    expect(sigmoid(700)).toBe(1);
    // σ(−700) = e^{-700}/(1 + e^{-700}) and e^{-700} ≈ 9.86e-305 ≪ 1e-16
    expectClose(sigmoid(-700), Math.exp(-700), { rel: 1e-15, abs: 0 });
    expect(sigmoid(-700)).toBeGreaterThan(9.8e-305);
    expect(sigmoid(1e300)).toBe(1);
    expect(sigmoid(-1e300)).toBe(0);
  });
});

describe('logit', () => {
  it('logit(p) on hand-derived cases: ½ → 0, ¾ → ln 3, ¼ → −ln 3, 0.9 → ln 9', () => {
    expect(logit(0.5)).toBe(0);
    expectClose(logit(0.75), Math.log(3), { rel: 1e-15 });
    expectClose(logit(0.25), -Math.log(3), { rel: 1e-15 });
    expectClose(logit(0.9), Math.log(9), { rel: 1e-15 });
    expectClose(logit(0.1), -Math.log(9), { rel: 1e-15 });
    expectClose(logit(0.2), -2 * Math.LN2, { rel: 1e-15 });
  });

  it('logit(0) is −Infinity and logit(1) is +Infinity', () => {
    expect(logit(0)).toBe(-Infinity);
    expect(logit(1)).toBe(Infinity);
  });

  it('logit is accurate near 0: logit(p) = log p + p + p²/2 + …', () => {
    for (const p of [1e-12, 1e-8, 1e-100, 1e-300, Number.MIN_VALUE]) {
      expectClose(logit(p), Math.log(p) + p + (p * p) / 2, { rel: 1e-15, abs: 0 });
    }
  });

  it('logit is accurate near 1: logit(1 − q) = −log q − q − q²/2 − … with q = 1 − p exact', () => {
    const p = 1 - 1e-12;
    const q = 1 - p; // exact (Sterbenz), about 1.0000889e-12: the float p is not 1 − 1e-12
    expectClose(logit(p), -Math.log(q) - q - (q * q) / 2, { rel: 1e-15, abs: 0 });
    for (let k = 14; k <= 53; k++) {
      const qk = 2 ** -k; // 1 − 2^−k is exact
      expectClose(logit(1 - qk), k * Math.LN2 - qk - (qk * qk) / 2 - qk ** 3 / 3, {
        rel: 1e-15,
        abs: 0,
      });
    }
  });

  it('logit(1 − p) = −logit(p) for p in [½, 1), where 1 − p is exact', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        expectClose(logit(1 - p), -logit(p), { rel: 1e-15, abs: 0 });
      }),
    );
  });

  it('logit inverts sigmoid: logit(sigmoid(x)) = x and sigmoid(logit(p)) = p', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 3, noNaN: true }), (x) => {
        // σ(x) is rounded by at most 2^−53 relative, which moves logit by ≤ 2^−53/(1 − σ(x))
        expectClose(logit(sigmoid(x)), x, { rel: 1e-15, abs: 1e-14 });
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }),
        (p) => {
          // a rounding of logit(p) by 2^−53 relative moves σ by |log p|·2^−53 relative,
          // up to 745·2^−53 ≈ 8e-14 for subnormal p
          expectClose(sigmoid(logit(p)), p, { rel: 2e-13, abs: 0 });
        },
      ),
    );
  });

  it('logit is increasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          if (a < b) expect(logit(a)).toBeLessThanOrEqual(logit(b));
        },
      ),
    );
  });

  it('logit throws a RangeError naming p outside [0, 1] or NaN', () => {
    for (const bad of [-1e-300, -0.5, 1 + 2 ** -52, 2, NaN, Infinity, -Infinity]) {
      expectRangeError(() => logit(bad), /^logit: p must be a probability in \[0, 1\]/);
    }
  });
});

describe('sigmoidDerivative', () => {
  it('sigmoidDerivative(0) = 1/4 and sigmoidDerivative(ln 3) = 3/16', () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    expectClose(sigmoidDerivative(Math.log(3)), 3 / 16, { rel: 1e-15 });
    expectClose(sigmoidDerivative(-Math.log(3)), 3 / 16, { rel: 1e-15 });
  });

  it('sigmoidDerivative(x) = σ(x)(1 − σ(x)) computed naively for |x| ≤ 5', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (x) => {
        const s = 1 / (1 + Math.exp(-x));
        expectClose(sigmoidDerivative(x), s * (1 - s), { rel: 1e-13 });
      }),
    );
  });

  it('sigmoidDerivative(x) matches a central difference of sigmoid', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        expectClose(sigmoidDerivative(x), centralDifference(sigmoid, x), { rel: 1e-6, abs: 1e-11 });
      }),
    );
  });

  it('sigmoidDerivative(±700) ≈ e^{-700} and sigmoidDerivative(±1000) = 0', () => {
    expectClose(sigmoidDerivative(700), Math.exp(-700), { rel: 1e-15, abs: 0 });
    expectClose(sigmoidDerivative(-700), Math.exp(-700), { rel: 1e-15, abs: 0 });
    // where 1 − σ(x) would round to 0, the derivative must not
    expectClose(sigmoidDerivative(40), Math.exp(-40) / (1 + Math.exp(-40)) ** 2, { rel: 1e-15 });
    expect(sigmoidDerivative(1000)).toBe(0);
    expect(sigmoidDerivative(-1000)).toBe(0);
  });
});

describe('tanh', () => {
  it('tanh(0) = 0 and tanh(ln 2) = 3/5', () => {
    expect(tanh(0)).toBe(0);
    expectClose(tanh(Math.LN2), 0.6, { rel: 1e-15 });
    expectClose(tanh(-Math.LN2), -0.6, { rel: 1e-15 });
  });

  it('tanh(x) = 2σ(2x) − 1', () => {
    fc.assert(
      fc.property(moderate, (x) => {
        expectClose(tanh(x), 2 * sigmoid(2 * x) - 1, { rel: 1e-9, abs: 1e-15 });
      }),
    );
  });

  it('tanh(±1000) = ±1', () => {
    expect(tanh(1000)).toBe(1);
    expect(tanh(-1000)).toBe(-1);
  });
});

describe('tanhDerivative', () => {
  it('tanhDerivative(0) = 1 and tanhDerivative(ln 2) = 1 − (3/5)² = 16/25', () => {
    expect(tanhDerivative(0)).toBe(1);
    expectClose(tanhDerivative(Math.LN2), 16 / 25, { rel: 1e-15 });
  });

  it('tanhDerivative(x) = 1/cosh²(x) and = 4σ′(2x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), (x) => {
        expectClose(tanhDerivative(x), 1 / Math.cosh(x) ** 2, { rel: 1e-13, abs: 0 });
        expectClose(tanhDerivative(x), 4 * sigmoidDerivative(2 * x), { rel: 1e-13, abs: 0 });
      }),
    );
  });

  it('tanhDerivative(x) matches a central difference of tanh', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expectClose(tanhDerivative(x), centralDifference(tanh, x), { rel: 1e-6, abs: 1e-10 });
      }),
    );
  });

  it('tanhDerivative(±20) keeps full precision where 1 − tanh² is 0, and (±1000) = 0', () => {
    expect(1 - Math.tanh(20) ** 2).toBe(0); // the naive form loses everything here
    const expected = 4 * Math.exp(-40) * (1 - 2 * Math.exp(-40)); // 4e^{-2x}/(1+e^{-2x})², to O(e^{-80})
    expectClose(tanhDerivative(20), expected, { rel: 1e-15, abs: 0 });
    expectClose(tanhDerivative(-20), expected, { rel: 1e-15, abs: 0 });
    expect(tanhDerivative(1000)).toBe(0);
    expect(tanhDerivative(-1000)).toBe(0);
  });
});

describe('relu and leakyRelu', () => {
  it('relu(x) = max(0, x) and reluDerivative is 1 for x > 0, else 0 (0 at x = 0)', () => {
    expect(relu(3.5)).toBe(3.5);
    expect(relu(-2)).toBe(0);
    expect(relu(0)).toBe(0);
    expect(relu(1e300)).toBe(1e300);
    expect(reluDerivative(3.5)).toBe(1);
    expect(reluDerivative(-2)).toBe(0);
    expect(reluDerivative(0)).toBe(0);
    expect(reluDerivative(Number.MIN_VALUE)).toBe(1);
  });

  it('leakyRelu(x, slope) is x for x > 0, slope·x otherwise, with slope 0.01 by default', () => {
    expect(leakyRelu(5)).toBe(5);
    expect(leakyRelu(-2)).toBe(-0.02);
    expect(leakyRelu(-2, 0.2)).toBe(-0.4);
    expect(leakyRelu(5, 0.2)).toBe(5);
    expect(leakyRelu(-3, -1)).toBe(3);
    expect(leakyRelu(0, 0.2)).toBe(0);
    expect(leakyReluDerivative(5)).toBe(1);
    expect(leakyReluDerivative(-5)).toBe(0.01);
    expect(leakyReluDerivative(-5, 0.2)).toBe(0.2);
    expect(leakyReluDerivative(0, 0.2)).toBe(0.2);
  });
});

describe('gelu', () => {
  it('gelu(0) = 0, gelu(1) = Φ(1) and gelu(−1) = −Φ(−1)', () => {
    expect(gelu(0)).toBe(0);
    // Φ(1) = 0.841344746068542948585232545632…
    expectClose(gelu(1), 0.8413447460685429, { rel: 1e-15 });
    expectClose(gelu(-1), -0.15865525393145705, { rel: 1e-15 });
    expectClose(gelu(2), 2 * 0.9772498680518208, { rel: 1e-15 });
  });

  it('gelu(x) − gelu(−x) = x', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        expectClose(gelu(x) - gelu(-x), x, { rel: 1e-14, abs: 1e-300 });
      }),
    );
  });

  it('gelu(−10) = −10·Φ(−10) in the far tail, and gelu(±40) is 0 and 40', () => {
    expectClose(gelu(-10), -7.619853024160526e-23, { rel: 1e-15, abs: 0 });
    expect(gelu(40)).toBe(40);
    expect(Math.abs(gelu(-40))).toBe(0);
  });

  it('gelu differs from the tanh approximation by less than 1e-3 but not by 0', () => {
    const tanhForm = (x: number) =>
      0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    let worst = 0;
    for (let x = -5; x <= 5; x += 0.125) worst = Math.max(worst, Math.abs(gelu(x) - tanhForm(x)));
    expect(worst).toBeLessThan(1e-3);
    expect(worst).toBeGreaterThan(1e-5);
  });

  it('geluDerivative(0) = 1/2 and geluDerivative(x) + geluDerivative(−x) = 1', () => {
    expect(geluDerivative(0)).toBe(0.5);
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expectClose(geluDerivative(x) + geluDerivative(-x), 1, { rel: 1e-14 });
      }),
    );
  });

  it('geluDerivative(x) matches a central difference of gelu', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expectClose(geluDerivative(x), centralDifference(gelu, x), { rel: 1e-6, abs: 1e-10 });
      }),
    );
  });
});

describe('ACTIVATIONS', () => {
  it('pairs each activation with its derivative, frozen', () => {
    expect(Object.isFrozen(ACTIVATIONS)).toBe(true);
    expect(Object.isFrozen(ACTIVATIONS.sigmoid)).toBe(true);
    expect(ACTIVATIONS.sigmoid).toEqual({ f: sigmoid, df: sigmoidDerivative });
    expect(ACTIVATIONS.tanh).toEqual({ f: tanh, df: tanhDerivative });
    expect(ACTIVATIONS.relu).toEqual({ f: relu, df: reluDerivative });
    expect(ACTIVATIONS.gelu).toEqual({ f: gelu, df: geluDerivative });
    expect(ACTIVATIONS.leakyRelu.f(-2)).toBe(-0.02);
  });

  it.each(Object.keys(ACTIVATIONS) as (keyof typeof ACTIVATIONS)[])(
    'ACTIVATIONS.%s.df matches a central difference of f away from the kinks',
    (name) => {
      const { f, df } = ACTIVATIONS[name];
      for (const x of [-3.7, -1.3, -0.4, 0.3, 1.1, 2.9]) {
        expectClose(df(x), centralDifference(f, x), { rel: 1e-6, abs: 1e-10 });
      }
    },
  );
});

describe('activations reject bad input', () => {
  const scalar: [string, (x: number) => number][] = [
    ['sigmoid', sigmoid],
    ['sigmoidDerivative', sigmoidDerivative],
    ['tanh', tanh],
    ['tanhDerivative', tanhDerivative],
    ['relu', relu],
    ['reluDerivative', reluDerivative],
    ['leakyRelu', (x) => leakyRelu(x)],
    ['leakyReluDerivative', (x) => leakyReluDerivative(x)],
    ['gelu', gelu],
    ['geluDerivative', geluDerivative],
  ];

  it.each(scalar)('%s(NaN), (Infinity) and (−Infinity) throw a RangeError naming x', (name, f) => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRangeError(() => f(bad), new RegExp(`^${name}: x must be a finite number`));
    }
  });

  it('leakyRelu and its derivative reject a NaN or infinite slope', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRangeError(() => leakyRelu(1, bad), /^leakyRelu: slope must be a finite number/);
      expectRangeError(
        () => leakyReluDerivative(1, bad),
        /^leakyReluDerivative: slope must be a finite number/,
      );
    }
  });
});
