import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyInt, pyList } from '../../ui/card/code';
import { problemPython } from '../optimization/code';
import { DIVERGE_BOUND } from '../optimization/run';
import type { AdamResult, AdamValues } from './model';

/** NumPy and PyTorch code of the card: k steps of Adam (or AdamW), the point and its loss. */
export function adamCode(_values: AdamValues, r: AdamResult): CodeSnippets {
  const given = [
    `lr, beta1, beta2, eps = ${py(r.lr)}, ${py(r.b1)}, ${py(r.b2)}, ${py(r.eps)}`,
    `bias_correction = ${pyBool(r.bias)}`,
    `weight_decay = ${py(r.adamw ? r.wd : 0)}  # AdamW: theta shrinks by (1 - lr * weight_decay) each step`,
    `k = ${pyInt(r.k)}  # steps taken`,
  ];
  const loop = (lib: string, zeros: string, finite: string) => [
    `m, v = ${zeros}, ${zeros}  # first and second moments`,
    'for t in range(1, k + 1):',
    '    g = grad(theta)',
    '    m = beta1 * m + (1 - beta1) * g',
    '    v = beta2 * v + (1 - beta2) * g * g',
    '    if bias_correction:',
    `        step = (lr * (m / (1 - beta1 ** t))) / (${lib}.sqrt(v / (1 - beta2 ** t)) + eps)`,
    '    else:',
    `        step = (lr * m) / (${lib}.sqrt(v) + eps)`,
    '    new = theta * (1 - lr * weight_decay) - step',
    `    if not ${finite} or abs(new).max() > ${py(DIVERGE_BOUND)}:`,
    '        break  # diverged: the card stops here too',
    '    theta = new',
  ];
  const print = 'print(json.dumps({"theta": theta.tolist(), "loss": float(f(theta))}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...problemPython(r.problem, 'np'),
      '',
      `theta = np.array(${pyList(r.start)})  # start, theta_0`,
      ...given,
      ...loop('np', 'np.zeros(2)', '(np.all(np.isfinite(new)) and np.isfinite(f(new)))'),
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...problemPython(r.problem, 'torch'),
      '',
      `theta = torch.tensor(${pyList(r.start)}, dtype=torch.float64)  # start, theta_0`,
      ...given,
      ...loop(
        'torch',
        'torch.zeros(2, dtype=torch.float64)',
        '(bool(torch.all(torch.isfinite(new))) and bool(torch.isfinite(f(new))))',
      ),
      '',
      print,
    ),
  };
}
