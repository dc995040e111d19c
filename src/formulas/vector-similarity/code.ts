import type { CodeSnippets } from '../../ui/card/types';
import { lines, pyList } from '../../ui/card/code';
import type { SimilarityResult, SimilarityValues } from './model';

/** NumPy and PyTorch code of the card: dot product, lengths, cosine, angle and distance of a and b. */
export function similarityCode(values: SimilarityValues, r: SimilarityResult): CodeSnippets {
  const { a, b } = r.raw;
  const unit = values.unit && r.unit !== null;
  const print =
    'print(json.dumps({"dot": float(dot), "norm_a": float(norm_a), "norm_b": float(norm_b), "cos": cos, "angle": angle, "distance": float(distance)}))';
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      `a = np.array(${pyList(a)})`,
      `b = np.array(${pyList(b)})`,
      'norm = lambda v: np.hypot(v[0], v[1])  # the length, without underflow or overflow',
      unit && 'a, b = a / norm(a), b / norm(b)  # each normalized to length 1',
      '',
      'dot = a @ b',
      'norm_a, norm_b = norm(a), norm(b)',
      'distance = norm(a - b)',
      'cos = angle = None  # undefined when a vector is zero',
      'if norm_a > 0 and norm_b > 0:',
      '    u, w = a / norm_a, b / norm_b',
      '    cos = float(u @ w)',
      '    angle = float(np.arctan2(abs(u[0] * w[1] - u[1] * w[0]), u @ w))  # radians; exact near 0',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      `a = torch.tensor(${pyList(a)}, dtype=torch.float64)`,
      `b = torch.tensor(${pyList(b)}, dtype=torch.float64)`,
      'norm = lambda v: torch.hypot(v[0], v[1])  # the length, without underflow or overflow',
      unit && 'a, b = a / norm(a), b / norm(b)  # each normalized to length 1',
      '',
      'dot = a @ b',
      'norm_a, norm_b = norm(a), norm(b)',
      'distance = norm(a - b)',
      'cos = angle = None  # undefined when a vector is zero',
      'if norm_a > 0 and norm_b > 0:',
      '    u, w = a / norm_a, b / norm_b',
      '    cos = (u @ w).item()',
      '    angle = torch.atan2((u[0] * w[1] - u[1] * w[0]).abs(), u @ w).item()  # radians; exact near 0',
      '',
      print,
    ),
  };
}
