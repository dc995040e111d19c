import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyList } from '../../ui/card/code';
import { TOKENS } from './model';
import type { SoftmaxResult, SoftmaxValues } from './model';

/** NumPy and PyTorch code of the card: the probabilities and their entropy (the draws use the app's own generator, left out). */
export function softmaxCode(values: SoftmaxValues, _r: SoftmaxResult): CodeSnippets {
  const tokens = `# logits of: ${TOKENS.en.join(', ')}`;
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      tokens,
      `z = np.array(${pyList(values.z)})`,
      `T = ${py(values.T)}  # temperature`,
      `c = ${py(values.c)}  # shift added to every logit (it cancels)`,
      '',
      's = (z + c) / T',
      'e = np.exp(s - s.max())  # subtract the maximum first: no overflow',
      'p = e / e.sum()',
      'H = -np.sum(p[p > 0] * np.log(p[p > 0]))  # entropy in nats',
      '',
      'print(json.dumps({"p": p.tolist(), "entropy": float(H)}))',
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      tokens,
      `z = torch.tensor(${pyList(values.z)}, dtype=torch.float64)`,
      `T = ${py(values.T)}  # temperature`,
      `c = ${py(values.c)}  # shift added to every logit (it cancels)`,
      '',
      's = (z + c) / T',
      'p = torch.softmax(s, dim=0)  # subtracts the maximum itself',
      'H = -torch.sum(p[p > 0] * torch.log(p[p > 0]))  # entropy in nats',
      '',
      'print(json.dumps({"p": p.tolist(), "entropy": H.item()}))',
    ),
  };
}
