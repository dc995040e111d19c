import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyList, pyMatrix } from '../../ui/card/code';
import type { NeuralNetworkResult, NeuralNetworkValues } from './model';

const F: Record<string, { np: string; torch: string }> = {
  sigmoid: { np: 'lambda z: 1 / (1 + np.exp(-z))', torch: 'torch.sigmoid' },
  tanh: { np: 'np.tanh', torch: 'torch.tanh' },
  relu: { np: 'lambda z: np.maximum(0.0, z)', torch: 'torch.relu' },
};

/**
 * NumPy and PyTorch code of the card's single neuron: z = w·x + b and y = f(z) at the
 * current input and at the four corners of the logic gate. (The network's training starts
 * from weights drawn with the app's own generator, so it is not reproduced here.)
 */
export function neuronCode(values: NeuralNetworkValues, r: NeuralNetworkResult): CodeSnippets {
  const f = F[r.activation] ?? F.sigmoid;
  const given = (v: (xs: readonly number[]) => string, m: (rows: number[][]) => string) => [
    `w = ${v(values.w.slice(0, 2))}  # weights`,
    `b = ${py(values.b)}  # bias`,
    `x = ${v(values.x.slice(0, 2))}  # the input`,
    `corners = ${m(r.truth.map((t) => t.x))}  # the inputs of the ${r.gate.toUpperCase()} gate`,
  ];
  const print =
    'print(json.dumps({"z": float(z), "y": float(y), "truth": [float(v) for v in y_corners]}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given(
        (xs) => `np.array(${pyList(xs)})`,
        (rows) => `np.array(${pyMatrix(rows)})`,
      ),
      `f = ${f.np}  # ${r.activation}`,
      '',
      'z = w @ x + b',
      'y = f(z)',
      'y_corners = f(corners @ w + b)  # one output per row of the truth table',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...given(
        (xs) => `torch.tensor(${pyList(xs)}, dtype=torch.float64)`,
        (rows) => `torch.tensor(${pyMatrix(rows)}, dtype=torch.float64)`,
      ),
      `f = ${f.torch}  # ${r.activation}`,
      '',
      'z = w @ x + b',
      'y = f(z)',
      'y_corners = f(corners @ w + b)  # one output per row of the truth table',
      '',
      print,
    ),
  };
}
