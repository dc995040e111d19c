import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyList, pyMatrix } from '../../ui/card/code';
import type { BackpropResult, BackpropValues } from './model';

/** The hidden activation and its derivative, in NumPy and in PyTorch. */
const ACTIVATION: Record<string, { np: string[]; torch: string[] }> = {
  sigmoid: {
    np: ['f = lambda z: 1 / (1 + np.exp(-z))', 'df = lambda z: f(z) * (1 - f(z))'],
    torch: ['f = torch.sigmoid'],
  },
  tanh: {
    np: ['f = np.tanh', 'df = lambda z: 1 - np.tanh(z) ** 2'],
    torch: ['f = torch.tanh'],
  },
  relu: {
    np: ['f = lambda z: np.maximum(0.0, z)', 'df = lambda z: np.where(z > 0, 1.0, 0.0)'],
    torch: ['f = torch.relu'],
  },
};

/**
 * NumPy and PyTorch code of the card: the forward pass, the loss, every gradient by the chain
 * rule (PyTorch: autograd) and the loss after one step; the seeded weights are filled in.
 */
export function backpropCode(_values: BackpropValues, r: BackpropResult): CodeSnippets {
  const [L1, L2] = r.layers;
  const act = ACTIVATION[r.activation] ?? ACTIVATION.sigmoid;
  const given = (
    m: (rows: readonly (readonly number[])[]) => string,
    v: (xs: readonly number[]) => string,
  ) => [
    `# ${r.x.length} inputs, ${r.hidden} hidden neurons (${r.activation}), ${r.outputs} linear output${r.outputs > 1 ? 's' : ''}`,
    `W1 = ${m(L1.W)}`,
    `b1 = ${v(L1.b)}`,
    `W2 = ${m(L2.W)}`,
    `b2 = ${v(L2.b)}`,
    `x = ${v(r.x)}`,
    `y = ${v(r.y)}  # target`,
    `lr = ${py(r.lr)}  # learning rate`,
  ];
  const print =
    'print(json.dumps({"y_hat": y_hat.tolist(), "loss": float(loss), "gW1": gW1.tolist(), "gb1": gb1.tolist(), "gW2": gW2.tolist(), "gb2": gb2.tolist(), "loss_after": float(loss_after)}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given(
        (rows) => `np.array(${pyMatrix(rows)})`,
        (xs) => `np.array(${pyList(xs)})`,
      ),
      ...act.np,
      '',
      '# forward',
      'z1 = W1 @ x + b1',
      'a1 = f(z1)',
      'y_hat = W2 @ a1 + b2',
      'loss = np.mean((y_hat - y) ** 2)',
      '',
      '# backward: the chain rule, layer by layer',
      'd2 = 2 * (y_hat - y) / len(y)  # dL/dy_hat',
      'gW2, gb2 = np.outer(d2, a1), d2',
      'd1 = (W2.T @ d2) * df(z1)  # dL/dz1',
      'gW1, gb1 = np.outer(d1, x), d1',
      '',
      '# one step of gradient descent',
      'W1, b1, W2, b2 = W1 - lr * gW1, b1 - lr * gb1, W2 - lr * gW2, b2 - lr * gb2',
      'loss_after = np.mean((W2 @ f(W1 @ x + b1) + b2 - y) ** 2)',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...given(
        (rows) => `torch.tensor(${pyMatrix(rows)}, dtype=torch.float64, requires_grad=True)`,
        (xs) => `torch.tensor(${pyList(xs)}, dtype=torch.float64)`,
      ),
      'b1.requires_grad_()',
      'b2.requires_grad_()',
      ...act.torch,
      '',
      '# forward',
      'y_hat = W2 @ f(W1 @ x + b1) + b2',
      'loss = torch.mean((y_hat - y) ** 2)',
      '',
      '# backward: autograd applies the chain rule',
      'loss.backward()',
      'gW1, gb1, gW2, gb2 = W1.grad, b1.grad, W2.grad, b2.grad',
      '',
      '# one step of gradient descent',
      'with torch.no_grad():',
      '    W1, b1, W2, b2 = W1 - lr * gW1, b1 - lr * gb1, W2 - lr * gW2, b2 - lr * gb2',
      '    loss_after = torch.mean((W2 @ f(W1 @ x + b1) + b2 - y) ** 2)',
      '',
      'y_hat = y_hat.detach()',
      print,
    ),
  };
}
