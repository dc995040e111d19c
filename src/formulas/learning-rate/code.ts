import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyInt, pyList, pyStr } from '../../ui/card/code';
import { DIVERGE_BOUND } from '../optimization/run';
import type { LrResult, LrValues } from './model';

/**
 * NumPy and PyTorch code of the card: gradient descent on L·θ²/2 with three learning rates
 * and the chosen schedule, θ after k steps of each.
 */
export function lrCode(values: LrValues, r: LrResult): CodeSnippets {
  const n = Math.round(values.n);
  const given = [
    `L = ${py(r.L)}  # curvature of the loss L * theta**2 / 2`,
    `theta0 = ${py(r.start)}`,
    `rates = ${pyList(r.runs.map((run) => run.lr))}  # eta_1, eta_2, eta_3`,
    `schedule = ${pyStr(r.schedule)}  # constant, step, exponential, cosine or warmup-cosine`,
    `gamma, s, warm = ${py(values.gamma)}, ${pyInt(Math.max(1, values.s))}, ${pyInt(values.warm)}`,
    `n = ${pyInt(n)}  # steps of the schedule`,
    `k = ${pyInt(values.k)}  # steps taken`,
  ];
  const body = (lib: string, sin: string, pi: string, tensor: (x: string) => string) => [
    'def rate(lr, t):  # the learning rate at step t',
    '    if schedule == "step":',
    '        return lr * gamma ** (t // s)',
    '    if schedule == "exponential":',
    '        return lr * (gamma ** (1 / s)) ** t  # gamma spread over s steps',
    '    if schedule in ("cosine", "warmup-cosine"):',
    '        w = min(n - 1, warm) if schedule == "warmup-cosine" else 0',
    '        if t < w:',
    '            return lr * (t + 1) / w  # warm-up',
    '        if t >= n:',
    '            return 0.0',
    `        sine = ${sin}(${pi} * (n - t) / (2 * (n - w)))`,
    '        return lr * sine * sine  # (1 + cos(pi (t - w) / (n - w))) / 2',
    '    return lr',
    '',
    'thetas = []',
    'for lr in rates:',
    `    theta = ${tensor('theta0')}`,
    '    for t in range(k):',
    '        new = theta - rate(lr, t) * (L * theta)  # the gradient of L theta^2 / 2 is L theta',
    `        if not ${lib}.isfinite(0.5 * L * new * new) or abs(new) > ${py(DIVERGE_BOUND)}:`,
    '            break  # diverged: the card stops here too',
    '        theta = new',
    '    thetas.append(float(theta))',
  ];
  const print = 'print(json.dumps({"thetas": thetas}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given,
      '',
      ...body('np', 'np.sin', 'np.pi', (x) => `np.float64(${x})`),
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import math',
      'import torch',
      '',
      ...given,
      '',
      ...body('torch', 'math.sin', 'math.pi', (x) => `torch.tensor(${x}, dtype=torch.float64)`),
      '',
      print,
    ),
  };
}
