import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyList } from '../../ui/card/code';
import type { SgdResult, SgdValues } from './model';

/**
 * NumPy and PyTorch code of the card's current step: the seeded data, θ_k and the minibatch
 * of step k are filled in (the app draws them with its own generator), then the minibatch and
 * full gradients, the loss and the next point, with momentum as PyTorch's SGD does it.
 */
export function sgdCode(_values: SgdValues, r: SgdResult): CodeSnippets {
  const [w, b] = r.theta;
  const v = r.velocity;
  const hasNext = r.next !== null;
  const given = (array: (xs: string) => string) => [
    `# the ${r.data.x.length} points of this seed, around y = 1.5 x - 1`,
    `x = ${array(pyList(r.data.x))}`,
    `y = ${array(pyList(r.data.y))}`,
    `w, b = ${py(w)}, ${py(b)}  # theta_k = (w, b) after ${r.k} steps`,
    `batch = [${r.batch.join(', ')}]  # the points of step ${r.k}'s minibatch`,
    `lr, mu, nesterov = ${py(r.lr)}, ${py(r.mu)}, ${pyBool(r.nesterov)}`,
    `v = ${v ? array(pyList(v)) : 'None'}  # the momentum buffer after step ${r.k - 1} (None: none yet)`,
  ];
  const body = (lib: string, vec: string, point: (xs: string) => string) => [
    'def grad(idx, w, b):  # the gradient of mean((w x + b - y)^2) / 2 over the points idx',
    '    gw = gb = 0.0',
    '    for i in idx:',
    '        r = w * x[i] + b - y[i]',
    '        gw += r * x[i]',
    '        gb += r',
    `    return ${vec}([gw / len(idx), gb / len(idx)])`,
    '',
    'def loss(w, b):  # over all points',
    '    r = w * x + b - y',
    `    return ${lib}.sum(r * r) / (2 * len(x))`,
    '',
    'g = grad(batch, w, b)  # the minibatch gradient: noisy',
    'full = grad(range(len(x)), w, b)  # the full gradient',
    'if mu > 0:',
    '    v = g if v is None else mu * v + g  # PyTorch SGD: the buffer starts as g',
    '    step = g + mu * v if nesterov else v',
    'else:',
    '    step = g',
    `theta_next = ${point('[w, b]')} - lr * step`,
  ];
  const out = `{"batch_grad": g.tolist(), "full_grad": full.tolist(), "loss": float(loss(w, b))${hasNext ? ', "next": theta_next.tolist()' : ''}}`;
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given((xs) => `np.array(${xs})`),
      '',
      ...body('np', 'np.array', (xs) => `np.array(${xs})`),
      '',
      `print(json.dumps(${out}))`,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...given((xs) => `torch.tensor(${xs}, dtype=torch.float64)`),
      '',
      ...body('torch', 'torch.stack', (xs) => `torch.tensor(${xs}, dtype=torch.float64)`),
      '',
      `print(json.dumps(${out}))`,
    ),
  };
}
