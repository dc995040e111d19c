import type { CodeSnippets } from '../../ui/card/types';
import { lines, pyList } from '../../ui/card/code';
import type { EntropyResult, EntropyValues } from './model';

/** NumPy and PyTorch code of the card: entropy in bits and nats, perplexity, cross-entropy and KL. */
export function entropyCode(values: EntropyValues, r: EntropyResult): CodeSnippets {
  const w = values.w.slice(0, r.n);
  const v = values.v.slice(0, r.n);
  const print =
    'print(json.dumps({"p": p.tolist(), "q": q.tolist(), "bits": float(bits), "nats": float(nats), "perplexity": float(perplexity), "cross": float(cross), "kl": float(kl)}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      '# the weights as set; each is divided by its sum (all zero: uniform)',
      `w = np.array(${pyList(w)})`,
      `v = np.array(${pyList(v)})`,
      'p = w / w.sum() if w.sum() > 0 else np.full(len(w), 1 / len(w))',
      'q = v / v.sum() if v.sum() > 0 else np.full(len(v), 1 / len(v))',
      '',
      'm = p > 0  # 0 log 0 = 0',
      'bits = -np.sum(p[m] * np.log2(p[m]))',
      'nats = -np.sum(p[m] * np.log(p[m]))',
      'perplexity = np.exp(nats)',
      'possible = np.all(q[m] > 0)  # q gives every outcome of p a chance',
      'cross = -np.sum(p[m] * np.log2(q[m])) if possible else np.inf',
      'with np.errstate(divide="ignore", over="ignore"):',
      '    ratio = p[m] / q[m]  # may overflow when q is tiny: then log p - log q',
      '    log_ratio = np.where(np.isfinite(ratio), np.log2(ratio), np.log2(p[m]) - np.log2(q[m]))',
      'kl = np.sum(p[m] * log_ratio) if possible else np.inf',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      '# the weights as set; each is divided by its sum (all zero: uniform)',
      `w = torch.tensor(${pyList(w)}, dtype=torch.float64)`,
      `v = torch.tensor(${pyList(v)}, dtype=torch.float64)`,
      'p = w / w.sum() if w.sum() > 0 else torch.full((len(w),), 1 / len(w), dtype=torch.float64)',
      'q = v / v.sum() if v.sum() > 0 else torch.full((len(v),), 1 / len(v), dtype=torch.float64)',
      '',
      'm = p > 0  # 0 log 0 = 0',
      'bits = -torch.sum(p[m] * torch.log2(p[m]))',
      'nats = -torch.sum(p[m] * torch.log(p[m]))',
      'perplexity = torch.exp(nats)',
      'possible = bool(torch.all(q[m] > 0))  # q gives every outcome of p a chance',
      'cross = -torch.sum(p[m] * torch.log2(q[m])) if possible else torch.tensor(float("inf"))',
      'ratio = p[m] / q[m]  # may overflow when q is tiny: then log p - log q',
      'log_ratio = torch.where(torch.isfinite(ratio), torch.log2(ratio), torch.log2(p[m]) - torch.log2(q[m]))',
      'kl = torch.sum(p[m] * log_ratio) if possible else torch.tensor(float("inf"))',
      '',
      print,
    ),
  };
}
