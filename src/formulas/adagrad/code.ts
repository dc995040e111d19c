import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyInt, pyList } from '../../ui/card/code';
import { problemPython } from '../optimization/code';
import { DIVERGE_BOUND } from '../optimization/run';
import { ADAGRAD_EPS, RARE_CURVATURE } from './model';
import type { AdagradResult, AdagradValues } from './model';

/** The sparse problem's loss and gradient in Python (the gradient of θ₂ is dropped in the loop). */
function sparsePython(lib: 'np' | 'torch'): string[] {
  const arr = lib === 'np' ? 'np.array' : 'torch.stack';
  const c = py(RARE_CURVATURE);
  return [
    'def f(t):  # theta_1 a frequent feature, theta_2 a rare and weak one',
    '    x, y = t',
    `    return 0.5 * x * x + 0.5 * ${c} * y * y`,
    '',
    'def grad(t):',
    '    x, y = t',
    `    return ${arr}([x, ${c} * y])`,
  ];
}

/** NumPy and PyTorch code of the card: k steps of AdaGrad, the point reached. */
export function adagradCode(_values: AdagradValues, r: AdagradResult): CodeSnippets {
  const given = [
    `lr, eps = ${py(r.lr)}, ${py(ADAGRAD_EPS)}`,
    `sparse, P = ${pyBool(r.sparse)}, ${pyInt(r.P)}  # sparse: theta_2's gradient appears every P steps`,
    `k = ${pyInt(r.k)}  # steps taken`,
  ];
  const loop = (lib: string, zeros: string, finite: string) => [
    `s = ${zeros}  # running sum of squared gradients, per coordinate`,
    'for t in range(k):',
    '    g = grad(theta)',
    '    if sparse and t % P != 0:',
    '        g[1] = 0.0',
    '    s = s + g * g',
    `    new = theta - (lr * g) / (${lib}.sqrt(s) + eps)  # each coordinate its own rate`,
    `    if not ${finite} or abs(new).max() > ${py(DIVERGE_BOUND)}:`,
    '        break  # diverged: the card stops here too',
    '    theta = new',
  ];
  const print = 'print(json.dumps({"theta": theta.tolist()}))';
  const problem = (lib: 'np' | 'torch') =>
    r.sparse ? sparsePython(lib) : problemPython(r.problem, lib);
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...problem('np'),
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
      ...problem('torch'),
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
