import type { OptimizerConfig } from '../../math';
import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyInt, pyList, pyStr } from '../../ui/card/code';
import { problemPython } from '../optimization/code';
import { DIVERGE_BOUND } from '../optimization/run';
import type { RaceResult, RaceValues } from './model';

/** A racer's settings as Python keyword arguments, the library's defaults written out. */
function settings(c: OptimizerConfig): string {
  const args = [`lr=${py(c.lr)}`];
  switch (c.name) {
    case 'sgd':
      args.push(`mu=${py(c.momentum ?? 0)}`, `nesterov=${pyBool(c.nesterov ?? false)}`);
      break;
    case 'adagrad':
      args.push(`eps=${py(c.eps ?? 1e-10)}`);
      break;
    case 'rmsprop':
      args.push(`alpha=${py(c.alpha ?? 0.99)}`, `eps=${py(c.eps ?? 1e-8)}`);
      break;
    case 'adam':
    case 'adamw':
      args.push(
        `beta1=${py(c.beta1 ?? 0.9)}`,
        `beta2=${py(c.beta2 ?? 0.999)}`,
        `eps=${py(c.eps ?? 1e-8)}`,
      );
      if (c.name === 'adamw') args.push(`wd=${py(c.weightDecay ?? 0.01)}`);
      break;
  }
  return `dict(name=${pyStr(c.name)}, ${args.join(', ')})`;
}

/**
 * NumPy and PyTorch code of the card: every racer switched on, k steps from the same start,
 * each update as in PyTorch's optimizers; where each one is.
 */
export function raceCode(_values: RaceValues, r: RaceResult): CodeSnippets {
  const racers = [
    'racers = {',
    ...r.runs.map((run) => `    ${pyStr(run.racer.id)}: ${settings(run.config)},`),
    '}',
  ];
  const body = (lib: string, zeros: string, finite: string, copy: string) => [
    'def race(name, lr, mu=0.0, nesterov=False, alpha=0.99, beta1=0.9, beta2=0.999, eps=1e-8, wd=0.0):',
    `    theta, m, s = ${copy}, None, ${zeros}`,
    '    for t in range(1, k + 1):',
    '        g = grad(theta)',
    '        if name == "sgd" and mu == 0:',
    '            step = lr * g',
    '        elif name == "sgd":  # momentum: the buffer starts as g',
    '            m = g if m is None else mu * m + g',
    '            step = lr * (g + mu * m if nesterov else m)',
    '        elif name == "adagrad":  # sum of squared gradients',
    '            s = s + g * g',
    `            step = (lr * g) / (${lib}.sqrt(s) + eps)`,
    '        elif name == "rmsprop":  # moving average of squared gradients',
    '            s = alpha * s + (1 - alpha) * g * g',
    `            step = (lr * g) / (${lib}.sqrt(s) + eps)`,
    '        else:  # adam, adamw: both moments, bias-corrected',
    '            m = (1 - beta1) * g if m is None else beta1 * m + (1 - beta1) * g',
    '            s = beta2 * s + (1 - beta2) * g * g',
    `            step = (lr * (m / (1 - beta1 ** t))) / (${lib}.sqrt(s / (1 - beta2 ** t)) + eps)`,
    '        new = theta * (1 - lr * wd) - step  # AdamW also shrinks theta (wd = 0 for the rest)',
    `        if not ${finite} or abs(new).max() > ${py(DIVERGE_BOUND)}:`,
    '            break  # diverged: the card stops this racer here too',
    '        theta = new',
    '    return theta',
  ];
  const print = 'print(json.dumps({name: race(**args).tolist() for name, args in racers.items()}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...problemPython(r.problem, 'np'),
      '',
      `theta0 = np.array(${pyList(r.start)})  # every racer starts here`,
      `k = ${pyInt(r.k)}  # steps taken`,
      ...racers,
      '',
      ...body(
        'np',
        'np.zeros(2)',
        '(np.all(np.isfinite(new)) and np.isfinite(f(new)))',
        'theta0.copy()',
      ),
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...problemPython(r.problem, 'torch'),
      '',
      `theta0 = torch.tensor(${pyList(r.start)}, dtype=torch.float64)  # every racer starts here`,
      `k = ${pyInt(r.k)}  # steps taken`,
      ...racers,
      '',
      ...body(
        'torch',
        'torch.zeros(2, dtype=torch.float64)',
        '(bool(torch.all(torch.isfinite(new))) and bool(torch.isfinite(f(new))))',
        'theta0.clone()',
      ),
      '',
      print,
    ),
  };
}
