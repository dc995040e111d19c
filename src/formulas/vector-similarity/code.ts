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
      unit && 'a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)  # each normalized to length 1',
      '',
      'dot = a @ b',
      'norm_a, norm_b = np.linalg.norm(a), np.linalg.norm(b)',
      'distance = np.linalg.norm(a - b)',
      'cos = angle = None  # undefined when a vector is zero',
      'if norm_a > 0 and norm_b > 0:',
      '    cos = float(dot / (norm_a * norm_b))',
      '    angle = float(np.arctan2(abs(a[0] * b[1] - a[1] * b[0]), dot))  # radians; exact near 0',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      `a = torch.tensor(${pyList(a)}, dtype=torch.float64)`,
      `b = torch.tensor(${pyList(b)}, dtype=torch.float64)`,
      unit && 'a, b = a / a.norm(), b / b.norm()  # each normalized to length 1',
      '',
      'dot = a @ b',
      'norm_a, norm_b = a.norm(), b.norm()',
      'distance = (a - b).norm()',
      'cos = angle = None  # undefined when a vector is zero',
      'if norm_a > 0 and norm_b > 0:',
      '    cos = torch.nn.functional.cosine_similarity(a, b, dim=0).item()',
      '    angle = torch.atan2((a[0] * b[1] - a[1] * b[0]).abs(), dot).item()  # radians; exact near 0',
      '',
      print,
    ),
  };
}
