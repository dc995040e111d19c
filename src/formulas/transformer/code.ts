import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyBool, pyInt, pyList, pyMatrix, pyStr } from '../../ui/card/code';
import { EPS, VOCAB } from './model';
import type { TransformerResult, TransformerValues } from './model';

/**
 * NumPy and PyTorch code of the card: the tiny model's whole forward pass, its weights (drawn
 * with the app's generator from the seed) filled in: embedding and positional encoding, one
 * pre-norm block (multi-head attention, feed-forward with exact GELU), final layer norm,
 * logits through the tied embedding and softmax.
 */
export function transformerCode(_values: TransformerValues, r: TransformerResult): CodeSnippets {
  const w = r.weights;
  const { ln1, attn, ln2, ffn } = w.block;
  const weights = (
    m: (rows: readonly (readonly number[])[]) => string,
    v: (xs: readonly number[]) => string,
  ) => [
    `# the weights of seed ${r.seed}`,
    `E = ${m(w.E)}  # one row per word; also the output layer (tied)`,
    `ln1_g, ln1_b = ${v(ln1.gamma)}, ${v(ln1.beta)}`,
    `Wq = ${m(attn.Wq)}`,
    `Wk = ${m(attn.Wk)}`,
    `Wv = ${m(attn.Wv)}`,
    `Wo = ${m(attn.Wo)}`,
    `bq, bk, bv, bo = ${v(attn.bq)}, ${v(attn.bk)}, ${v(attn.bv)}, ${v(attn.bo)}`,
    `ln2_g, ln2_b = ${v(ln2.gamma)}, ${v(ln2.beta)}`,
    `W1 = ${m(ffn.W1)}`,
    `b1 = ${v(ffn.b1)}`,
    `W2 = ${m(ffn.W2)}`,
    `b2 = ${v(ffn.b2)}`,
    `lnf_g, lnf_b = ${v(w.lnf.gamma)}, ${v(w.lnf.beta)}`,
  ];
  const setting = [
    `vocab = [${VOCAB.en.map(pyStr).join(', ')}]`,
    `tokens = [${r.run.tokens.map(pyInt).join(', ')}]  # ${r.run.tokens.map((t) => VOCAB.en[t]).join(' ')}`,
    `heads, causal, use_pe = ${pyInt(r.heads)}, ${pyBool(r.causal)}, ${pyBool(r.pe)}`,
    `eps = ${py(EPS)}  # of the layer norms`,
  ];
  const print = 'print(json.dumps({"output": y.tolist(), "probs": probs.tolist()}))';
  const forward = (lib: 'np' | 'torch') => {
    const t = lib === 'torch';
    const keep = t ? 'keepdim=True' : 'keepdims=True';
    const f64 = t ? ', dtype=torch.float64' : '';
    return [
      'def layer_norm(x, g, b):',
      `    mu = x.mean(-1, ${keep})`,
      `    var = ((x - mu) ** 2).mean(-1, ${keep})`,
      `    return (x - mu) / ${lib}.sqrt(var + eps) * g + b`,
      '',
      'def softmax(s):',
      t
        ? '    return torch.softmax(s, dim=-1)'
        : '    e = np.exp(s - s.max(-1, keepdims=True))\n    return e / e.sum(-1, keepdims=True)',
      '',
      'def gelu(x):  # exact: x Phi(x)',
      t
        ? '    return torch.nn.functional.gelu(x)'
        : '    return x * 0.5 * np.vectorize(math.erfc)(-x / math.sqrt(2))',
      '',
      'n, d = len(tokens), E.shape[1]',
      `pos = ${lib}.arange(n${f64})[:, None]`,
      `c = ${lib}.arange(d${f64})[None, :]`,
      'angle = pos / 10000 ** ((c - c % 2) / d)',
      `pe = ${lib}.where(c % 2 == 0, ${lib}.sin(angle), ${lib}.cos(angle))  # sinusoidal positions`,
      'x = E[tokens] + (pe if use_pe else 0)',
      '',
      '# attention on the normalized rows, then the residual',
      'h = layer_norm(x, ln1_g, ln1_b)',
      'Q, K, V = h @ Wq.T + bq, h @ Wk.T + bk, h @ Wv.T + bv',
      'dh = d // heads',
      `out = ${t ? 'torch.zeros(n, d, dtype=torch.float64)' : 'np.zeros((n, d))'}`,
      'for i in range(heads):',
      '    s = slice(i * dh, (i + 1) * dh)',
      '    scores = Q[:, s] @ K[:, s].T / math.sqrt(dh)',
      '    if causal:',
      t
        ? '        scores = scores.masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))'
        : '        scores = np.where(np.triu(np.ones((n, n), dtype=bool), k=1), -np.inf, scores)',
      '    out[:, s] = softmax(scores) @ V[:, s]',
      'r1 = x + out @ Wo.T + bo',
      '',
      '# the feed-forward network on the normalized rows, then the residual',
      'h2 = layer_norm(r1, ln2_g, ln2_b)',
      'y = r1 + gelu(h2 @ W1.T + b1) @ W2.T + b2',
      '',
      '# the next-token distribution of every position',
      'logits = layer_norm(y, lnf_g, lnf_b) @ E.T',
      'probs = softmax(logits)',
    ];
  };
  return {
    numpy: lines(
      'import json',
      'import math',
      'import numpy as np',
      '',
      ...setting,
      ...weights(
        (rows) => `np.array(${pyMatrix(rows)})`,
        (xs) => `np.array(${pyList(xs)})`,
      ),
      '',
      ...forward('np'),
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import math',
      'import torch',
      '',
      ...setting,
      ...weights(
        (rows) => `torch.tensor(${pyMatrix(rows)}, dtype=torch.float64)`,
        (xs) => `torch.tensor(${pyList(xs)}, dtype=torch.float64)`,
      ),
      '',
      ...forward('torch'),
      '',
      print,
    ),
  };
}
