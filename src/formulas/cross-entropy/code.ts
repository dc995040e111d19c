import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyInt, pyList } from '../../ui/card/code';
import { TOKENS } from './model';
import type { CrossEntropyResult, CrossEntropyValues } from './model';

/** NumPy and PyTorch code of the card: softmax, the loss of the true token, its gradient, and the binary loss. */
export function crossEntropyCode(values: CrossEntropyValues, r: CrossEntropyResult): CodeSnippets {
  const tokens = `# logits of: ${TOKENS.en.join(', ')}`;
  const y = `y = ${pyInt(r.y)}  # index of the true next token, "${TOKENS.en[r.y]}"`;
  const binary = [
    `t = ${py(values.by)}  # binary label`,
    `p = ${py(values.bp)}  # predicted probability of 1`,
  ];
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      tokens,
      `z = np.array(${pyList(values.z)})`,
      y,
      '',
      'q = np.exp(z - z.max())',
      'q = q / q.sum()  # softmax',
      'loss = np.log(np.sum(np.exp(z - z.max()))) + z.max() - z[y]  # -log q[y], stably',
      'grad = q - np.eye(len(z))[y]  # d loss / d z = q - one_hot(y)',
      '',
      ...binary,
      'bce = -(t * np.log(p) + (1 - t) * np.log1p(-p))',
      '',
      'print(json.dumps({"q": q.tolist(), "loss": float(loss), "grad": grad.tolist(), "bce": float(bce)}))',
    ),
    torch: lines(
      'import json',
      'import torch',
      'import torch.nn.functional as F',
      '',
      tokens,
      `z = torch.tensor(${pyList(values.z)}, dtype=torch.float64, requires_grad=True)`,
      y,
      '',
      'q = torch.softmax(z, dim=0)',
      'loss = F.cross_entropy(z.unsqueeze(0), torch.tensor([y]))  # -log q[y]',
      'loss.backward()',
      'grad = z.grad  # q - one_hot(y)',
      '',
      ...binary,
      'bce = F.binary_cross_entropy(torch.tensor(p, dtype=torch.float64), torch.tensor(t, dtype=torch.float64))',
      '',
      'print(json.dumps({"q": q.tolist(), "loss": loss.item(), "grad": grad.tolist(), "bce": bce.item()}))',
    ),
  };
}
