import type { CodeSnippets } from '../../ui/card/types';
import { lines, pyList, pyMatrix } from '../../ui/card/code';
import type { MatmulResult, MatmulValues } from './model';

/** NumPy and PyTorch code of the card: C = AB, and the plane's Mx and det M. */
export function matmulCode(_values: MatmulValues, r: MatmulResult): CodeSnippets {
  const { M, x } = r.plane;
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      `A = np.array(${pyMatrix(r.A)})  # ${r.m}×${r.k}`,
      `B = np.array(${pyMatrix(r.B)})  # ${r.k}×${r.n}`,
      'C = A @ B  # C[i, j] = row i of A · column j of B',
      '',
      '# the plane: M maps x to Mx; det M scales areas (negative: flips them)',
      `M = np.array(${pyMatrix(M)})`,
      `x = np.array(${pyList(x)})`,
      'image = M @ x',
      'det = np.linalg.det(M)',
      '',
      'print(json.dumps({"C": C.tolist(), "image": image.tolist(), "det": float(det)}))',
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      `A = torch.tensor(${pyMatrix(r.A)}, dtype=torch.float64)  # ${r.m}×${r.k}`,
      `B = torch.tensor(${pyMatrix(r.B)}, dtype=torch.float64)  # ${r.k}×${r.n}`,
      'C = A @ B  # C[i, j] = row i of A · column j of B',
      '',
      '# the plane: M maps x to Mx; det M scales areas (negative: flips them)',
      `M = torch.tensor(${pyMatrix(M)}, dtype=torch.float64)`,
      `x = torch.tensor(${pyList(x)}, dtype=torch.float64)`,
      'image = M @ x',
      'det = torch.linalg.det(M)',
      '',
      'print(json.dumps({"C": C.tolist(), "image": image.tolist(), "det": det.item()}))',
    ),
  };
}
