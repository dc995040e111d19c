import type { CodeSnippets } from '../../ui/card/types';
import { lines, pyBool, pyMatrix } from '../../ui/card/code';
import { TOKENS } from './compute';
import type { AttentionPageResult } from './compute';

/** NumPy and PyTorch code of the card: the attention weights of every query and the output. */
export function attentionCode(_values: unknown, r: AttentionPageResult): CodeSnippets {
  const tokens = `# one row per token: ${TOKENS.en.slice(0, r.n).join(', ')}`;
  const flags = [
    `scaled = ${pyBool(r.scaled)}  # divide the scores by sqrt(d_k)`,
    `causal = ${pyBool(r.causal)}  # a token sees only itself and the tokens before it`,
  ];
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      tokens,
      `Q = np.array(${pyMatrix(r.Q)})  # queries`,
      `K = np.array(${pyMatrix(r.K)})  # keys`,
      `V = np.array(${pyMatrix(r.V)})  # values`,
      ...flags,
      '',
      'n, d_k = Q.shape',
      'scores = Q @ K.T',
      'if scaled:',
      '    scores = scores / np.sqrt(d_k)',
      'if causal:',
      '    scores = np.where(np.triu(np.ones((n, n), dtype=bool), k=1), -np.inf, scores)',
      'w = np.exp(scores - scores.max(axis=1, keepdims=True))',
      'w = w / w.sum(axis=1, keepdims=True)  # softmax of each row',
      'out = w @ V',
      '',
      'print(json.dumps({"weights": w.tolist(), "output": out.tolist()}))',
    ),
    torch: lines(
      'import json',
      'import math',
      'import torch',
      '',
      tokens,
      `Q = torch.tensor(${pyMatrix(r.Q)}, dtype=torch.float64)  # queries`,
      `K = torch.tensor(${pyMatrix(r.K)}, dtype=torch.float64)  # keys`,
      `V = torch.tensor(${pyMatrix(r.V)}, dtype=torch.float64)  # values`,
      ...flags,
      '',
      'n, d_k = Q.shape',
      'scores = Q @ K.T',
      'if scaled:',
      '    scores = scores / math.sqrt(d_k)',
      'if causal:',
      '    scores = scores.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))',
      'w = torch.softmax(scores, dim=-1)  # softmax of each row',
      'out = w @ V',
      '',
      'print(json.dumps({"weights": w.tolist(), "output": out.tolist()}))',
    ),
  };
}
