import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyInt, pyList } from '../../ui/card/code';
import { DIVERGE_BOUND } from '../optimization/run';
import { problemPython } from '../optimization/code';
import type { GdResult, GdValues } from './model';

/** NumPy and PyTorch code of the card: k steps of gradient descent, the point and its loss. */
export function gdCode(_values: GdValues, r: GdResult): CodeSnippets {
  const given = [`lr = ${py(r.lr)}  # learning rate, eta`, `k = ${pyInt(r.k)}  # steps taken`];
  const loop = (finite: string) => [
    'for step in range(k):',
    '    new = theta - lr * grad(theta)',
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
      ...loop('(np.all(np.isfinite(new)) and np.isfinite(f(new)))'),
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
      ...loop('(bool(torch.all(torch.isfinite(new))) and bool(torch.isfinite(f(new))))'),
      '',
      print,
    ),
  };
}
