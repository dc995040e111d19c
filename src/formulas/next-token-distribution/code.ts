import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyInt, pyList } from '../../ui/card/code';
import { TOKENS } from './model';
import type { NextTokenResult, NextTokenValues } from './model';

/**
 * NumPy and PyTorch code of the card: temperature, softmax, top-k, top-p and greedy, each
 * stage's distribution (the draws and the sentence use the app's own generator, left out).
 */
export function nextTokenCode(values: NextTokenValues, r: NextTokenResult): CodeSnippets {
  const given = [
    `# logits of the next token after "The weather today is": ${TOKENS.en.join(', ')}`,
    `T = ${py(values.T)}  # temperature`,
    `use_k, k = ${pyBool(values.useK)}, ${pyInt(r.pipe.k)}  # top-k: keep the k most likely`,
    `use_p, top_p = ${pyBool(values.useP)}, ${py(values.p)}  # top-p: the smallest set reaching top_p`,
    `greedy = ${pyBool(values.greedy)}  # always the most likely`,
  ];
  const print =
    'print(json.dumps({"softmax": probs.tolist(), "after_k": after_k.tolist(), "after_p": after_p.tolist(), "final": final.tolist()}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      `z = np.array(${pyList(values.z)})`,
      ...given,
      '',
      'def keep(p, kept):  # zero the rest, renormalize what is kept',
      '    q = np.where(kept, p, 0.0)',
      '    return q / q.sum()',
      '',
      'e = np.exp((z - z.max()) / T)',
      'probs = e / e.sum()',
      'order = np.argsort(-probs, kind="stable")  # most likely first',
      'rank = np.empty(len(z), dtype=int)',
      'rank[order] = np.arange(len(z))',
      'after_k = keep(probs, rank < k) if use_k else probs',
      'before = np.concatenate([[0.0], np.cumsum(after_k[order])[:-1]])  # mass ranked before each',
      'after_p = keep(after_k, (before < top_p)[rank]) if use_p else after_k',
      'final = np.eye(len(z))[np.argmax(z)] if greedy else after_p',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      `z = torch.tensor(${pyList(values.z)}, dtype=torch.float64)`,
      ...given,
      '',
      'def keep(p, kept):  # zero the rest, renormalize what is kept',
      '    q = torch.where(kept, p, torch.zeros_like(p))',
      '    return q / q.sum()',
      '',
      'probs = torch.softmax(z / T, dim=0)',
      'order = torch.argsort(-probs, stable=True)  # most likely first',
      'rank = torch.empty(len(z), dtype=torch.long)',
      'rank[order] = torch.arange(len(z))',
      'after_k = keep(probs, rank < k) if use_k else probs',
      'before = torch.cat([torch.zeros(1, dtype=torch.float64), torch.cumsum(after_k[order], 0)[:-1]])',
      'after_p = keep(after_k, (before < top_p)[rank]) if use_p else after_k',
      'final = torch.eye(len(z), dtype=torch.float64)[torch.argmax(z)] if greedy else after_p',
      '',
      print,
    ),
  };
}
