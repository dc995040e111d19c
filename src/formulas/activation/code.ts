import type { CodeSnippets } from '../../ui/card/types';
import { lines, py } from '../../ui/card/code';

/** One activation's lines: f(x) and f′(x) in NumPy and in PyTorch (x a float64 tensor). */
interface ActivationLines {
  numpy: readonly string[];
  torch: readonly string[];
}

const LINES: Record<'sigmoid' | 'tanh' | 'relu', ActivationLines> = {
  sigmoid: {
    numpy: ['y = 1 / (1 + np.exp(-x))  # sigma(x)', "dy = y * (1 - y)  # sigma'(x)"],
    torch: ['y = torch.sigmoid(x)'],
  },
  tanh: {
    numpy: ['y = np.tanh(x)', "dy = 1 - y ** 2  # tanh'(x)"],
    torch: ['y = torch.tanh(x)'],
  },
  relu: {
    numpy: ['y = np.maximum(0.0, x)', "dy = np.where(x > 0, 1.0, 0.0)  # ReLU'(x), 0 at x = 0"],
    torch: ['y = torch.relu(x)'],
  },
};

/**
 * NumPy and PyTorch code of an activation page at input `x`: the value and the slope of the
 * tangent; PyTorch's slope comes from autograd (`y.backward()`).
 */
export function activationCode(id: keyof typeof LINES, x: number): CodeSnippets {
  const l = LINES[id];
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      `x = np.float64(${py(x)})`,
      ...l.numpy,
      '',
      'print(json.dumps({"y": float(y), "dy": float(dy)}))',
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      `x = torch.tensor(${py(x)}, dtype=torch.float64, requires_grad=True)`,
      ...l.torch,
      'y.backward()',
      'dy = x.grad  # the slope of the tangent, by autograd',
      '',
      'print(json.dumps({"y": y.item(), "dy": dy.item()}))',
    ),
  };
}
