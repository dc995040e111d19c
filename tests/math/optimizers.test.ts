import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialOptimizerState,
  minimize,
  optimizerStep,
  resolveOptimizer,
  stepResolved,
  type OptimizerConfig,
  type OptimizerState,
} from '../../src/math/optimizers';
import type { OptimizerSchedule } from '../../src/math/schedules';
import { expectAllClose, expectClose, expectRangeError } from '../helpers/asserts';

/*
 * Reference loops written independently of src/math/optimizers.ts, after the
 * algorithm pseudocode and `_single_tensor_*` code of PyTorch's torch.optim:
 * lerp for Adam's first moment, sqrt(v)/sqrt(bias_correction2) + eps for its
 * denominator, step_size = lr / bias_correction1, Adagrad's clr with
 * lr_decay = 0, and SGD's momentum buffer cloned from the first d_p.
 * SGD's Nesterov branch is `d_p = d_p.add(buf, alpha=momentum)`; AdamW is
 * `param.mul_(1 - lr * weight_decay)` before the Adam update. Each loop takes
 * an optional `lrs`, the rate of every step as an lr_scheduler sets the
 * param group's lr (see torchSchedule below).
 */

type Grad = (p: readonly number[]) => number[];

function torchSgd(
  grad: Grad,
  start: number[],
  steps: number,
  { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = 0 }: Record<string, number>,
  lrs?: number[],
): number[][] {
  let param = [...start];
  let buf: number[] | null = null;
  const out = [[...param]];
  for (let step = 1; step <= steps; step++) {
    const groupLr = lrs ? lrs[step - 1] : lr;
    let dP = grad(param);
    if (weightDecay !== 0) dP = dP.map((d, i) => d + weightDecay * param[i]);
    if (momentum !== 0) {
      if (buf === null) {
        buf = [...dP];
      } else {
        const b: number[] = buf;
        buf = b.map((bi, i) => bi * momentum + (1 - dampening) * dP[i]);
      }
      if (nesterov) {
        const b: number[] = buf;
        dP = dP.map((d, i) => d + momentum * b[i]);
      } else {
        dP = buf;
      }
    }
    param = param.map((p, i) => p + -groupLr * dP[i]);
    out.push([...param]);
  }
  return out;
}

function torchAdagrad(
  grad: Grad,
  start: number[],
  steps: number,
  {
    lr,
    eps = 1e-10,
    weightDecay = 0,
    lrDecay = 0,
    initialAccumulatorValue = 0,
  }: Record<string, number>,
  lrs?: number[],
): number[][] {
  let param = [...start];
  let stateSum = start.map(() => initialAccumulatorValue);
  const out = [[...param]];
  for (let step = 1; step <= steps; step++) {
    const groupLr = lrs ? lrs[step - 1] : lr;
    let g = grad(param);
    if (weightDecay !== 0) g = g.map((d, i) => d + weightDecay * param[i]);
    const clr = groupLr / (1 + (step - 1) * lrDecay);
    stateSum = stateSum.map((s, i) => s + 1 * g[i] * g[i]);
    const std = stateSum.map((s) => Math.sqrt(s) + eps);
    param = param.map((p, i) => p + -clr * (g[i] / std[i]));
    out.push([...param]);
  }
  return out;
}

function torchRmsprop(
  grad: Grad,
  start: number[],
  steps: number,
  { lr, alpha = 0.99, eps = 1e-8, weightDecay = 0 }: Record<string, number>,
  lrs?: number[],
): number[][] {
  let param = [...start];
  let squareAvg = start.map(() => 0);
  const out = [[...param]];
  for (let step = 1; step <= steps; step++) {
    const groupLr = lrs ? lrs[step - 1] : lr;
    let g = grad(param);
    if (weightDecay !== 0) g = g.map((d, i) => d + weightDecay * param[i]);
    squareAvg = squareAvg.map((s, i) => s * alpha + (1 - alpha) * g[i] * g[i]);
    const avg = squareAvg.map((s) => Math.sqrt(s) + eps);
    param = param.map((p, i) => p + -groupLr * (g[i] / avg[i]));
    out.push([...param]);
  }
  return out;
}

function torchAdam(
  grad: Grad,
  start: number[],
  steps: number,
  {
    lr,
    beta1 = 0.9,
    beta2 = 0.999,
    eps = 1e-8,
    weightDecay = 0,
    decoupled = 0,
  }: Record<string, number>,
  lrs?: number[],
): number[][] {
  let param = [...start];
  let expAvg = start.map(() => 0);
  let expAvgSq = start.map(() => 0);
  const out = [[...param]];
  for (let step = 1; step <= steps; step++) {
    const groupLr = lrs ? lrs[step - 1] : lr;
    let g = grad(param);
    if (decoupled) {
      // AdamW: param.mul_(1 - lr * weight_decay), the gradient taken before.
      param = param.map((p) => p * (1 - groupLr * weightDecay));
    } else if (weightDecay !== 0) {
      g = g.map((d, i) => d + weightDecay * param[i]);
    }
    // exp_avg.lerp_(grad, 1 - beta1)
    expAvg = expAvg.map((m, i) => m + (1 - beta1) * (g[i] - m));
    // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    expAvgSq = expAvgSq.map((v, i) => v * beta2 + (1 - beta2) * g[i] * g[i]);
    const biasCorrection1 = 1 - beta1 ** step;
    const biasCorrection2 = 1 - beta2 ** step;
    const stepSize = groupLr / biasCorrection1;
    const biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
    const denom = expAvgSq.map((v) => Math.sqrt(v) / biasCorrection2Sqrt + eps);
    param = param.map((p, i) => p + -stepSize * (expAvg[i] / denom[i]));
    out.push([...param]);
  }
  return out;
}

/**
 * The rates of the first `steps` steps as PyTorch's chainable lr_scheduler
 * `get_lr` sets them, each from the previous one: StepLR multiplies by gamma
 * when last_epoch % step_size == 0, ExponentialLR every step,
 * CosineAnnealingLR by the ratio (1 + cos(π e/T)) / (1 + cos(π (e−1)/T)) of
 * its recursive form (held at eta_min after T_max, as the contract asks), and
 * warm-up is LinearLR(start_factor = 1/W, total_iters = W − 1) chained with
 * that cosine by SequentialLR at milestone W.
 */
function torchSchedule(
  kind: 'step' | 'exponential' | 'cosine' | 'warmup-cosine',
  baseLr: number,
  steps: number,
  { stepSize = 1, gamma = 0.1, tMax = 1, etaMin = 0, warmup = 0 }: Record<string, number>,
): number[] {
  const lrs: number[] = [];
  const cosine = (e: number, T: number, prev: number): number => {
    if (e === 0) return baseLr;
    if (e > T) return etaMin;
    return (
      ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) *
        (prev - etaMin) +
      etaMin
    );
  };
  let lr = baseLr;
  for (let e = 0; e < steps; e++) {
    if (kind === 'step') {
      if (e !== 0 && e % stepSize === 0) lr *= gamma;
    } else if (kind === 'exponential') {
      if (e !== 0) lr *= gamma;
    } else if (kind === 'cosine') {
      lr = cosine(e, tMax, lr);
    } else if (e < warmup) {
      // LinearLR's chainable factor: 1 + (end − start) / (total·start + (e − 1)(end − start)).
      const start = 1 / warmup;
      const total = warmup - 1;
      if (e === 0) lr = baseLr * start;
      else lr *= 1 + (1 - start) / (total * start + (e - 1) * (1 - start));
    } else {
      lr = cosine(e - warmup, tMax - warmup, lr);
    }
    lrs.push(lr);
  }
  return lrs;
}

const rosenbrockGrad: Grad = ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
/** ∇ of f(p) = ½ pᵀAp − bᵀp with A = [[3, 1, 0], [1, 2, 0.5], [0, 0.5, 1]], b = [1, −1, 2]. */
const quadraticGrad: Grad = ([x, y, z]) => [
  3 * x + y - 1,
  x + 2 * y + 0.5 * z + 1,
  0.5 * y + z - 2,
];

interface Case {
  label: string;
  config: OptimizerConfig;
  reference: (grad: Grad, start: number[], steps: number) => number[][];
}

const cases: Case[] = [
  {
    label: 'sgd',
    config: { name: 'sgd', lr: 1e-4 },
    reference: (g, s, n) => torchSgd(g, s, n, { lr: 1e-4 }),
  },
  {
    label: 'sgd with momentum and weight decay',
    config: { name: 'sgd', lr: 1e-4, momentum: 0.9, weightDecay: 0.01 },
    reference: (g, s, n) => torchSgd(g, s, n, { lr: 1e-4, momentum: 0.9, weightDecay: 0.01 }),
  },
  {
    label: 'adagrad',
    config: { name: 'adagrad', lr: 0.05 },
    reference: (g, s, n) => torchAdagrad(g, s, n, { lr: 0.05 }),
  },
  {
    label: 'adagrad with eps and weight decay',
    config: { name: 'adagrad', lr: 0.05, eps: 1e-3, weightDecay: 0.1 },
    reference: (g, s, n) => torchAdagrad(g, s, n, { lr: 0.05, eps: 1e-3, weightDecay: 0.1 }),
  },
  {
    label: 'rmsprop',
    config: { name: 'rmsprop', lr: 1e-3 },
    reference: (g, s, n) => torchRmsprop(g, s, n, { lr: 1e-3 }),
  },
  {
    label: 'rmsprop with alpha, eps and weight decay',
    config: { name: 'rmsprop', lr: 1e-3, alpha: 0.9, eps: 1e-4, weightDecay: 0.05 },
    reference: (g, s, n) =>
      torchRmsprop(g, s, n, { lr: 1e-3, alpha: 0.9, eps: 1e-4, weightDecay: 0.05 }),
  },
  {
    label: 'adam',
    config: { name: 'adam', lr: 0.01 },
    reference: (g, s, n) => torchAdam(g, s, n, { lr: 0.01 }),
  },
  {
    label: 'adam with betas, eps and weight decay',
    config: { name: 'adam', lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-3, weightDecay: 0.01 },
    reference: (g, s, n) =>
      torchAdam(g, s, n, { lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-3, weightDecay: 0.01 }),
  },
  {
    label: 'sgd with nesterov momentum',
    config: { name: 'sgd', lr: 1e-4, momentum: 0.9, nesterov: true },
    reference: (g, s, n) => torchSgd(g, s, n, { lr: 1e-4, momentum: 0.9, nesterov: 1 }),
  },
  {
    label: 'sgd with nesterov momentum and weight decay',
    config: { name: 'sgd', lr: 2e-4, momentum: 0.5, nesterov: true, weightDecay: 0.1 },
    reference: (g, s, n) =>
      torchSgd(g, s, n, { lr: 2e-4, momentum: 0.5, nesterov: 1, weightDecay: 0.1 }),
  },
  {
    label: 'adamw',
    config: { name: 'adamw', lr: 0.01 },
    reference: (g, s, n) => torchAdam(g, s, n, { lr: 0.01, weightDecay: 0.01, decoupled: 1 }),
  },
  {
    label: 'adamw with betas, eps and a large weight decay',
    config: { name: 'adamw', lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-3, weightDecay: 0.5 },
    reference: (g, s, n) =>
      torchAdam(g, s, n, {
        lr: 0.02,
        beta1: 0.8,
        beta2: 0.99,
        eps: 1e-3,
        weightDecay: 0.5,
        decoupled: 1,
      }),
  },
];

/** Scheduled runs: the reference gets the rates from torchSchedule, the library only the schedule. */
const scheduledCases: Case[] = [
  {
    label: 'sgd, step schedule',
    config: { name: 'sgd', lr: 2e-4, schedule: { name: 'step', stepSize: 30, gamma: 0.5 } },
    reference: (g, s, n) =>
      torchSgd(g, s, n, { lr: 2e-4 }, torchSchedule('step', 2e-4, n, { stepSize: 30, gamma: 0.5 })),
  },
  {
    label: 'sgd with nesterov momentum, cosine schedule',
    config: {
      name: 'sgd',
      lr: 1e-4,
      momentum: 0.9,
      nesterov: true,
      schedule: { name: 'cosine', tMax: 150, etaMin: 1e-5 },
    },
    reference: (g, s, n) =>
      torchSgd(
        g,
        s,
        n,
        { lr: 1e-4, momentum: 0.9, nesterov: 1 },
        torchSchedule('cosine', 1e-4, n, { tMax: 150, etaMin: 1e-5 }),
      ),
  },
  {
    label: 'adagrad, exponential schedule',
    config: { name: 'adagrad', lr: 0.05, schedule: { name: 'exponential', gamma: 0.99 } },
    reference: (g, s, n) =>
      torchAdagrad(g, s, n, { lr: 0.05 }, torchSchedule('exponential', 0.05, n, { gamma: 0.99 })),
  },
  {
    label: 'rmsprop, warmup-cosine schedule',
    config: {
      name: 'rmsprop',
      lr: 1e-3,
      schedule: { name: 'warmup-cosine', warmupSteps: 20, tMax: 120 },
    },
    reference: (g, s, n) =>
      torchRmsprop(
        g,
        s,
        n,
        { lr: 1e-3 },
        torchSchedule('warmup-cosine', 1e-3, n, { warmup: 20, tMax: 120 }),
      ),
  },
  {
    label: 'adam, warmup-cosine schedule',
    config: {
      name: 'adam',
      lr: 0.02,
      schedule: { name: 'warmup-cosine', warmupSteps: 10, tMax: 150, etaMin: 1e-3 },
    },
    reference: (g, s, n) =>
      torchAdam(
        g,
        s,
        n,
        { lr: 0.02 },
        torchSchedule('warmup-cosine', 0.02, n, { warmup: 10, tMax: 150, etaMin: 1e-3 }),
      ),
  },
  {
    label: 'adamw, cosine schedule (the decay follows the scheduled rate)',
    config: {
      name: 'adamw',
      lr: 0.02,
      weightDecay: 0.3,
      schedule: { name: 'cosine', tMax: 100 },
    },
    reference: (g, s, n) =>
      torchAdam(
        g,
        s,
        n,
        { lr: 0.02, weightDecay: 0.3, decoupled: 1 },
        torchSchedule('cosine', 0.02, n, { tMax: 100 }),
      ),
  },
  {
    label: 'adamw, constant schedule',
    config: { name: 'adamw', lr: 0.01, schedule: { name: 'constant' } },
    reference: (g, s, n) => torchAdam(g, s, n, { lr: 0.01, weightDecay: 0.01, decoupled: 1 }),
  },
];

describe('minimize against torch.optim reference loops', () => {
  it.each(cases)('minimize($label) follows the reference for 200 steps on Rosenbrock', (c) => {
    const start = [-1.5, 2];
    const trajectory = minimize(c.config, rosenbrockGrad, start, 200);
    const expected = c.reference(rosenbrockGrad, start, 200);
    expect(trajectory).toHaveLength(201);
    expectAllClose(trajectory, expected, { rel: 1e-7, abs: 1e-12 });
    // The run must have moved: a reference that stands still would prove nothing.
    expect(
      Math.abs(trajectory[200][0] - start[0]) + Math.abs(trajectory[200][1] - start[1]),
    ).toBeGreaterThan(0.01);
  });

  it.each(cases)('minimize($label) follows the reference for 200 steps on a quadratic', (c) => {
    const start = [2, -3, 0.5];
    const trajectory = minimize(c.config, quadraticGrad, start, 200);
    const expected = c.reference(quadraticGrad, start, 200);
    expect(trajectory).toHaveLength(201);
    expectAllClose(trajectory, expected, { rel: 1e-7, abs: 1e-12 });
  });

  it.each(cases)('optimizerStep($label) repeated 30 times follows the reference', (c) => {
    const start = [-1.5, 2];
    const expected = c.reference(rosenbrockGrad, start, 30);
    let state: OptimizerState = initialOptimizerState(2);
    let p = [...start];
    for (let t = 1; t <= 30; t++) {
      const next = optimizerStep(c.config, p, rosenbrockGrad(p), state);
      p = next.point;
      state = next.state;
      expectAllClose(p, expected[t], { rel: 1e-7, abs: 1e-12 });
    }
    expect(state.t).toBe(30);
  });
});

describe('scheduled runs against torch.optim with lr_scheduler', () => {
  it.each(scheduledCases)('minimize($label) follows the reference for 200 steps', (c) => {
    for (const [grad, start] of [
      [rosenbrockGrad, [-1.5, 2]],
      [quadraticGrad, [2, -3, 0.5]],
    ] as const) {
      const trajectory = minimize(c.config, grad, start, 200);
      expectAllClose(trajectory, c.reference(grad, [...start], 200), { rel: 1e-7, abs: 1e-12 });
    }
  });

  it.each(scheduledCases)(
    'optimizerStep($label) repeated 40 times follows the reference, k = state.t',
    (c) => {
      const start = [-1.5, 2];
      const expected = c.reference(rosenbrockGrad, start, 40);
      let state: OptimizerState = initialOptimizerState(2);
      let p = [...start];
      for (let t = 1; t <= 40; t++) {
        const next = optimizerStep(c.config, p, rosenbrockGrad(p), state);
        p = next.point;
        state = next.state;
        expectAllClose(p, expected[t], { rel: 1e-7, abs: 1e-12 });
      }
    },
  );

  it('torchSchedule (the test reference) matches hand values of each schedule', () => {
    expectAllClose(
      torchSchedule('step', 1, 7, { stepSize: 3, gamma: 0.5 }),
      [1, 1, 1, 0.5, 0.5, 0.5, 0.25],
    );
    const c1 = (1 + Math.SQRT1_2) / 2;
    const c3 = (1 - Math.SQRT1_2) / 2;
    expectAllClose(torchSchedule('cosine', 1, 6, { tMax: 4 }), [1, c1, 0.5, c3, 0, 0]);
    expectAllClose(torchSchedule('warmup-cosine', 1, 8, { warmup: 2, tMax: 6 }), [
      0.5,
      1,
      1,
      c1,
      0.5,
      c3,
      0,
      0,
    ]);
  });
});

describe('minimize with nesterov and adamw, closed forms', () => {
  it('minimize(sgd, nesterov) on f(x) = x²/2 follows the hand-derived recurrence', () => {
    // v1 = g0 = 1, x1 = 1 − lr(g0 + μv1) = 0.85; v2 = μv1 + x1 = 1.35, x2 = x1 − lr(x1 + μv2) = 0.6975.
    const trajectory = minimize(
      { name: 'sgd', lr: 0.1, momentum: 0.5, nesterov: true },
      ([x]) => [x],
      [1],
      2,
    );
    expectAllClose(trajectory, [[1], [0.85], [0.6975]], { rel: 1e-14 });
  });

  it('minimize(sgd, nesterov) on f(x) = a x²/2 follows x_{t+1} = x_t − lr(a x_t + μ v_{t+1})', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (a, lr, mu) => {
          const trajectory = minimize(
            { name: 'sgd', lr, momentum: mu, nesterov: true },
            ([x]) => [a * x],
            [1],
            15,
          );
          // Linear recurrence on (x, v), v₀ = 0 reproduces PyTorch's v₁ = g₀.
          let x = 1;
          let v = 0;
          for (let t = 1; t <= 15; t++) {
            const g = a * x;
            v = mu * v + g;
            x = x - lr * (g + mu * v);
            expectClose(trajectory[t][0], x, { rel: 1e-12, abs: 1e-15 });
          }
        },
      ),
    );
  });

  it('minimize(adamw) on a zero gradient shrinks p by (1 − lr·wd) per step', () => {
    const trajectory = minimize(
      { name: 'adamw', lr: 0.1, weightDecay: 0.5 },
      () => [0, 0],
      [8, -2],
      5,
    );
    for (let t = 0; t <= 5; t++) {
      expectAllClose(trajectory[t], [8 * 0.95 ** t, -2 * 0.95 ** t], { rel: 1e-14 });
    }
    // Its default weight decay is 0.01.
    const [, p1] = minimize({ name: 'adamw', lr: 0.1 }, () => [0], [1], 1);
    expectClose(p1[0], 1 - 0.1 * 0.01, { rel: 1e-15 });
  });

  it('minimize(adamw) with weightDecay 0 is minimize(adam)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.05, noNaN: true }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 2 }),
        (lr, start) => {
          const a = minimize({ name: 'adam', lr }, rosenbrockGrad, start, 30);
          const w = minimize({ name: 'adamw', lr, weightDecay: 0 }, rosenbrockGrad, start, 30);
          expect(w).toEqual(a);
        },
      ),
    );
  });

  it("minimize(adamw)'s first step is p(1 − lr·wd) − lr·sign(g), unlike adam's L2 decay", () => {
    const g = [3, -0.5];
    const [, w1] = minimize({ name: 'adamw', lr: 0.1, weightDecay: 0.2 }, () => g, [2, 1], 1);
    expectAllClose(w1, [2 * 0.98 - 0.1, 1 * 0.98 + 0.1], { rel: 1e-8 });
    // Adam with L2 decay: g + wd·p = [3.4, −0.3], a sign step of lr and no shrink.
    const [, a1] = minimize({ name: 'adam', lr: 0.1, weightDecay: 0.2 }, () => g, [2, 1], 1);
    expectAllClose(a1, [1.9, 1.1], { rel: 1e-8 });
  });

  it('minimize(sgd) with an exponential schedule on f(x) = a x²/2 gives x_t = x₀ ∏ (1 − a·lr·γ^k)', () => {
    const a = 2;
    const lr = 0.2;
    const gamma = 0.9;
    const trajectory = minimize(
      { name: 'sgd', lr, schedule: { name: 'exponential', gamma } },
      ([x]) => [a * x],
      [3],
      40,
    );
    let x = 3;
    for (let k = 0; k < 40; k++) {
      x *= 1 - a * lr * gamma ** k;
      expectClose(trajectory[k + 1][0], x, { rel: 1e-12, abs: 1e-15 });
    }
  });

  it('a constant schedule, or a schedule carrying its own lr, changes nothing but takes config.lr', () => {
    const plain = minimize({ name: 'adam', lr: 0.01 }, rosenbrockGrad, [-1.5, 2], 50);
    const constant = minimize(
      { name: 'adam', lr: 0.01, schedule: { name: 'constant' } },
      rosenbrockGrad,
      [-1.5, 2],
      50,
    );
    expect(constant).toEqual(plain);
    const withLr = { name: 'constant', lr: 5 } as unknown as OptimizerSchedule;
    expect(
      minimize({ name: 'adam', lr: 0.01, schedule: withLr }, rosenbrockGrad, [-1.5, 2], 50),
    ).toEqual(plain);
  });

  it('stepResolved in place equals optimizerStep, which leaves its arguments unchanged', () => {
    const configs: OptimizerConfig[] = [
      { name: 'sgd', lr: 1e-3, momentum: 0.9, nesterov: true, weightDecay: 0.1 },
      { name: 'adagrad', lr: 0.05, schedule: { name: 'step', stepSize: 3 } },
      { name: 'rmsprop', lr: 1e-3, weightDecay: 0.01 },
      { name: 'adamw', lr: 0.01, schedule: { name: 'warmup-cosine', warmupSteps: 3, tMax: 10 } },
    ];
    for (const config of configs) {
      const resolved = resolveOptimizer(config);
      const inPlace = initialOptimizerState(2);
      const p = [-1.5, 2];
      let q: number[] = [-1.5, 2];
      let state: OptimizerState = initialOptimizerState(2);
      for (let t = 0; t < 12; t++) {
        const g = rosenbrockGrad(p);
        stepResolved(resolved, p, g, inPlace);
        const frozenQ = [...q];
        const frozenState = JSON.stringify(state);
        const next = optimizerStep(config, q, rosenbrockGrad(q), state);
        expect(q).toEqual(frozenQ);
        expect(JSON.stringify(state)).toBe(frozenState);
        q = next.point;
        state = next.state;
        expect(p).toEqual(q);
        expect(inPlace.t).toBe(state.t);
      }
    }
  });
});

describe('minimize closed forms', () => {
  it('minimize(sgd) on f(x) = a x²/2 gives x_t = x0 (1 − lr·a)^t', () => {
    const a = 3;
    const lr = 0.1;
    const x0 = 5;
    const trajectory = minimize({ name: 'sgd', lr }, ([x]) => [a * x], [x0], 60);
    for (let t = 0; t <= 60; t++) {
      expectClose(trajectory[t][0], x0 * (1 - lr * a) ** t, { rel: 1e-12, abs: 1e-15 });
    }
  });

  it('minimize(sgd, momentum) on f(x) = x²/2 follows the heavy-ball recurrence v₁ = g₁', () => {
    // Hand-derived: x1 = x0 − lr·x0; v2 = μ·x0 + x1; x2 = x1 − lr·v2.
    const lr = 0.1;
    const mu = 0.5;
    const x0 = 1;
    const x1 = x0 - lr * x0;
    const x2 = x1 - lr * (mu * x0 + x1);
    const trajectory = minimize({ name: 'sgd', lr, momentum: mu }, ([x]) => [x], [x0], 2);
    expectAllClose(trajectory, [[1], [x1], [x2]], { rel: 1e-15 });
    expectAllClose(trajectory, [[1], [0.9], [0.76]], { rel: 1e-14 });
  });

  it("minimize(adam)'s first step moves each coordinate by lr·sign(g)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
        (start, mags, signs, lr) => {
          const g = start.map((_, i) => (signs[i] ? mags[i] : -mags[i]));
          const [, p1] = minimize({ name: 'adam', lr }, () => g, start, 1);
          for (let i = 0; i < start.length; i++) {
            expectClose(p1[i] - start[i], -lr * Math.sign(g[i]), { rel: 1e-4 });
          }
        },
      ),
    );
  });

  it("minimize(adagrad)'s and minimize(rmsprop)'s first steps are lr·sign(g) and lr·sign(g)/√(1−α)", () => {
    const g = [4, -0.25];
    const [, a1] = minimize({ name: 'adagrad', lr: 0.1 }, () => g, [0, 0], 1);
    expectAllClose(a1, [-0.1, 0.1], { rel: 1e-8 });
    const [, r1] = minimize({ name: 'rmsprop', lr: 0.1, alpha: 0.75 }, () => g, [0, 0], 1);
    expectAllClose(r1, [-0.2, 0.2], { rel: 1e-7 });
  });

  it('minimize returns steps + 1 points starting with a copy of start', () => {
    const start = [1, 2];
    const trajectory = minimize({ name: 'sgd', lr: 0.5 }, (p) => p.map((x) => 2 * x), start, 3);
    expect(trajectory).toEqual([
      [1, 2],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(trajectory[0]).not.toBe(start);
    trajectory[0][0] = 99;
    expect(start).toEqual([1, 2]);
  });

  it('minimize with weight decay on a zero gradient shrinks p by (1 − lr·wd) per SGD step', () => {
    const trajectory = minimize({ name: 'sgd', lr: 0.1, weightDecay: 0.5 }, () => [0], [8], 4);
    expectAllClose(
      trajectory.map(([x]) => [x]),
      [0, 1, 2, 3, 4].map((t) => [8 * 0.95 ** t]),
      { rel: 1e-14 },
    );
  });
});

describe('minimize on convex quadratics', () => {
  const configArb: fc.Arbitrary<OptimizerConfig> = fc
    .tuple(
      fc.constantFrom('sgd', 'sgd-momentum', 'sgd-nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'),
      fc.double({ min: 1e-4, max: 1e-3, noNaN: true }),
    )
    .map(([name, lr]): OptimizerConfig => {
      if (name === 'sgd-momentum') return { name: 'sgd', lr, momentum: 0.9 };
      if (name === 'sgd-nesterov') return { name: 'sgd', lr, momentum: 0.9, nesterov: true };
      return { name, lr } as OptimizerConfig;
    });

  it('every optimizer decreases f(p) = ½ Σ a_i p_i² at every step for a small lr', () => {
    fc.assert(
      fc.property(
        configArb,
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(
              fc.oneof(
                fc.double({ min: 0.5, max: 5, noNaN: true }),
                fc.double({ min: -5, max: -0.5, noNaN: true }),
              ),
              { minLength: n, maxLength: n },
            ),
          ),
        ),
        (config, [a, start]) => {
          const f = (p: readonly number[]) => p.reduce((s, x, i) => s + 0.5 * a[i] * x * x, 0);
          const trajectory = minimize(config, (p) => p.map((x, i) => a[i] * x), start, 20);
          for (let t = 1; t < trajectory.length; t++) {
            expect(f(trajectory[t])).toBeLessThan(f(trajectory[t - 1]));
          }
        },
      ),
    );
  });
});

describe('bad input', () => {
  const grad = (p: readonly number[]) => p.map((x) => 2 * x);

  it('minimize rejects an unknown optimizer name naming config.name', () => {
    const bad = { name: 'lbfgs', lr: 0.1 } as unknown as OptimizerConfig;
    expect(() => minimize(bad, grad, [1], 1)).toThrow(RangeError);
    expect(() => minimize(bad, grad, [1], 1)).toThrow(/minimize: config\.name must be one of/);
    const none = null as unknown as OptimizerConfig;
    expect(() => minimize(none, grad, [1], 1)).toThrow(/minimize: config must be/);
  });

  it.each(['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const)(
    'minimize(%s) rejects a learning rate ≤ 0, NaN or infinite naming config.lr',
    (name) => {
      for (const lr of [0, -0.1, NaN, Infinity, -Infinity]) {
        expect(() => minimize({ name, lr }, grad, [1], 1)).toThrow(RangeError);
        expect(() => minimize({ name, lr }, grad, [1], 1)).toThrow(
          /minimize: config\.lr must be > 0/,
        );
      }
    },
  );

  it.each(['adagrad', 'rmsprop', 'adam', 'adamw'] as const)(
    'minimize(%s) rejects eps ≤ 0 or NaN naming config.eps',
    (name) => {
      for (const eps of [0, -1e-8, NaN, Infinity]) {
        expect(() => minimize({ name, lr: 0.1, eps }, grad, [1], 1)).toThrow(RangeError);
        expect(() => minimize({ name, lr: 0.1, eps }, grad, [1], 1)).toThrow(
          /minimize: config\.eps must be > 0/,
        );
      }
    },
  );

  it.each(['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw'] as const)(
    'minimize(%s) rejects a negative or NaN weight decay naming config.weightDecay',
    (name) => {
      for (const weightDecay of [-0.1, NaN, Infinity]) {
        expect(() => minimize({ name, lr: 0.1, weightDecay }, grad, [1], 1)).toThrow(
          /minimize: config\.weightDecay must be >= 0/,
        );
      }
    },
  );

  it('minimize rejects momentum, alpha, beta1 and beta2 out of range, naming them', () => {
    expect(() => minimize({ name: 'sgd', lr: 0.1, momentum: -0.5 }, grad, [1], 1)).toThrow(
      /minimize: config\.momentum must be >= 0/,
    );
    expect(() => minimize({ name: 'sgd', lr: 0.1, momentum: NaN }, grad, [1], 1)).toThrow(
      /config\.momentum/,
    );
    for (const alpha of [-0.1, 1.5, NaN]) {
      expect(() => minimize({ name: 'rmsprop', lr: 0.1, alpha }, grad, [1], 1)).toThrow(
        /minimize: config\.alpha must be in \[0, 1\]/,
      );
    }
    for (const beta of [-0.1, 1, NaN]) {
      expect(() => minimize({ name: 'adam', lr: 0.1, beta1: beta }, grad, [1], 1)).toThrow(
        /minimize: config\.beta1 must be in \[0, 1\)/,
      );
      expect(() => minimize({ name: 'adam', lr: 0.1, beta2: beta }, grad, [1], 1)).toThrow(
        /minimize: config\.beta2 must be in \[0, 1\)/,
      );
    }
  });

  it('minimize rejects nesterov without momentum or not a boolean, naming config.nesterov', () => {
    expectRangeError(
      () => minimize({ name: 'sgd', lr: 0.1, nesterov: true }, grad, [1], 1),
      /minimize: config\.nesterov needs momentum > 0/,
    );
    expectRangeError(
      () => minimize({ name: 'sgd', lr: 0.1, momentum: 0, nesterov: true }, grad, [1], 1),
      /minimize: config\.nesterov/,
    );
    const notBool = {
      name: 'sgd',
      lr: 0.1,
      momentum: 0.9,
      nesterov: 1,
    } as unknown as OptimizerConfig;
    expectRangeError(
      () => minimize(notBool, grad, [1], 1),
      /minimize: config\.nesterov must be a boolean/,
    );
  });

  it('minimize(adamw) rejects beta1, beta2 out of [0, 1), naming them', () => {
    for (const beta of [-0.1, 1, NaN]) {
      expectRangeError(
        () => minimize({ name: 'adamw', lr: 0.1, beta1: beta }, grad, [1], 1),
        /minimize: config\.beta1 must be in \[0, 1\)/,
      );
      expectRangeError(
        () => minimize({ name: 'adamw', lr: 0.1, beta2: beta }, grad, [1], 1),
        /minimize: config\.beta2 must be in \[0, 1\)/,
      );
    }
  });

  it('minimize and optimizerStep reject a bad schedule, naming config.schedule and its field', () => {
    const sgd = (schedule: unknown): OptimizerConfig =>
      ({ name: 'sgd', lr: 0.1, schedule }) as unknown as OptimizerConfig;
    const cases: [unknown, RegExp][] = [
      ['cosine', /config\.schedule must be a schedule object/],
      [null, /config\.schedule must be a schedule object/],
      [{ name: 'linear' }, /config\.schedule\.name must be one of/],
      [{ name: 'step', stepSize: 0 }, /config\.schedule\.stepSize must be a positive integer/],
      [{ name: 'step', stepSize: 2, gamma: 0 }, /config\.schedule\.gamma must be > 0/],
      [{ name: 'exponential' }, /config\.schedule\.gamma must be > 0/],
      [{ name: 'cosine', tMax: 1.5 }, /config\.schedule\.tMax must be a positive integer/],
      // etaMin is checked against config.lr = 0.1.
      [{ name: 'cosine', tMax: 10, etaMin: 0.2 }, /config\.schedule\.etaMin must be <= lr/],
      [
        { name: 'warmup-cosine', tMax: 10, warmupSteps: 10 },
        /config\.schedule\.warmupSteps must be an integer in 0…9/,
      ],
    ];
    for (const [schedule, message] of cases) {
      expectRangeError(
        () => minimize(sgd(schedule), grad, [1], 1),
        new RegExp(`minimize: ${message.source}`),
      );
      expectRangeError(
        () => optimizerStep(sgd(schedule), [1], [1], initialOptimizerState(1)),
        new RegExp(`optimizerStep: ${message.source}`),
      );
    }
  });

  it('resolveOptimizer names the caller and parameter it is given', () => {
    expectRangeError(
      () => resolveOptimizer({ name: 'adamw', lr: 0 }, 'mlpTrain', 'optimizer'),
      /^mlpTrain: optimizer\.lr must be > 0/,
    );
    expectRangeError(
      () => resolveOptimizer({ name: 'sgd', lr: 1, nesterov: true }),
      /^resolveOptimizer: config\.nesterov/,
    );
  });

  it('minimize rejects steps that are not a positive integer naming steps', () => {
    for (const steps of [0, -1, 2.5, NaN, Infinity]) {
      expect(() => minimize({ name: 'sgd', lr: 0.1 }, grad, [1], steps)).toThrow(RangeError);
      expect(() => minimize({ name: 'sgd', lr: 0.1 }, grad, [1], steps)).toThrow(
        /minimize: steps must be a positive integer/,
      );
    }
  });

  it('minimize rejects an empty or non-finite start naming start', () => {
    expect(() => minimize({ name: 'sgd', lr: 0.1 }, grad, [], 1)).toThrow(
      /minimize: start must not be empty/,
    );
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => minimize({ name: 'sgd', lr: 0.1 }, grad, [0, bad], 1)).toThrow(
        /minimize: start\[1\]/,
      );
    }
  });

  it('minimize rejects a gradient of the wrong length, non-finite, or not a function, naming gradient', () => {
    const sgd: OptimizerConfig = { name: 'sgd', lr: 0.1 };
    expect(() => minimize(sgd, () => [1], [1, 2], 1)).toThrow(RangeError);
    expect(() => minimize(sgd, () => [1], [1, 2], 1)).toThrow(
      /minimize: gradient must return an array of length 2/,
    );
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => minimize(sgd, () => [0, bad], [1, 2], 1)).toThrow(
        /minimize: gradient returned a non-finite/,
      );
    }
    const notArray = (() => 3) as unknown as (p: readonly number[]) => number[];
    expect(() => minimize(sgd, notArray, [1], 1)).toThrow(
      /minimize: gradient must return an array/,
    );
    const notFn = 'x' as unknown as (p: readonly number[]) => number[];
    expect(() => minimize(sgd, notFn, [1], 1)).toThrow(/minimize: gradient must be a function/);
  });

  it('minimize reports a gradient that turns non-finite as the run diverges', () => {
    // lr·a = 3 > 2: |x| grows by 2 per step until x² overflows.
    expect(() => minimize({ name: 'sgd', lr: 3 }, ([x]) => [x ** 3], [1], 5000)).toThrow(
      /minimize: gradient/,
    );
  });

  it('optimizerStep and initialOptimizerState reject bad points, gradients, states and dims', () => {
    const state = initialOptimizerState(2);
    const sgd: OptimizerConfig = { name: 'sgd', lr: 0.1 };
    expect(() => optimizerStep(sgd, [1, 2], [1], state)).toThrow(
      /optimizerStep: grad must have the length of point/,
    );
    expect(() => optimizerStep(sgd, [1, NaN], [1, 1], state)).toThrow(/optimizerStep: point\[1\]/);
    expect(() => optimizerStep(sgd, [1, 2], [Infinity, 1], state)).toThrow(
      /optimizerStep: grad\[0\]/,
    );
    expect(() => optimizerStep(sgd, [1, 2, 3], [1, 1, 1], state)).toThrow(
      /optimizerStep: state must be/,
    );
    expect(() => optimizerStep({ name: 'adam', lr: -1 }, [1, 2], [1, 1], state)).toThrow(
      /optimizerStep: config\.lr must be > 0/,
    );
    for (const dim of [0, 1.5, -2, NaN]) {
      expect(() => initialOptimizerState(dim)).toThrow(
        /initialOptimizerState: dim must be a positive integer/,
      );
    }
  });
});
