import type { CodeSnippets } from '../../ui/card/types';
import { lines, py, pyInt, pyList } from '../../ui/card/code';
import type { RegularizationResult, RegularizationValues } from './model';

/**
 * NumPy and PyTorch code of the card: the seeded points (the app draws them with its own
 * generator) and the polynomial's weights filled in; the errors, penalty and objective of that
 * fit; and, for L2, the fit solved again (ridge has a closed form; the lasso's coordinate
 * descent is the card's).
 */
export function regularizationCode(
  _values: RegularizationValues,
  r: RegularizationResult,
): CodeSnippets {
  const ridge = r.kind === 2;
  const given = (v: (xs: readonly number[]) => string) => [
    `x, y = ${v(r.x)}, ${v(r.y)}  # the training points (after any you moved)`,
    `x_test, y_test = ${v(r.testX)}, ${v(r.testY)}  # held out`,
    `degree, lam = ${pyInt(r.degree)}, ${py(r.lambda)}  # lambda, the strength of the ${ridge ? 'L2' : 'L1'} penalty`,
    `w = ${v(r.w)}  # the card's fit: w_0 (intercept, not penalized) ... w_${r.degree}`,
  ];
  const print = `print(json.dumps({"train": float(train), "test": float(test), "penalty": float(penalty), "objective": float(objective)${ridge ? ', "objective_refit": float(objective_refit)' : ''}}))`;
  const penalty = (lib: string) =>
    ridge ? `lam * ${lib}.sum(w[1:] ** 2)` : `lam * ${lib}.sum(${lib}.abs(w[1:]))`;
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      ...given((xs) => `np.array(${pyList(xs)})`),
      '',
      'def features(x):  # 1, x, x^2, ..., x^degree',
      '    return np.stack([x ** k for k in range(degree + 1)], axis=1)',
      '',
      'X, X_test = features(x), features(x_test)',
      'train = np.mean((y - X @ w) ** 2)',
      'test = np.mean((y_test - X_test @ w) ** 2)',
      `penalty = ${penalty('np')}`,
      'objective = train + penalty  # J(w) = mean squared error + lambda R(w)',
      ridge && '',
      ridge &&
        '# ridge again: least squares on [X; sqrt(n lam) D] w = [y; 0], D = diag(0, 1, ..., 1)',
      ridge && 'n = len(x)',
      ridge && 'D = np.sqrt(n * lam) * np.eye(degree + 1)[1:]',
      ridge &&
        'w_refit = np.linalg.lstsq(np.vstack([X, D]), np.concatenate([y, np.zeros(degree)]), rcond=None)[0]',
      ridge && 'objective_refit = np.mean((y - X @ w_refit) ** 2) + lam * np.sum(w_refit[1:] ** 2)',
      '',
      print,
    ),
    torch: lines(
      'import json',
      'import torch',
      '',
      ...given((xs) => `torch.tensor(${pyList(xs)}, dtype=torch.float64)`),
      '',
      'def features(x):  # 1, x, x^2, ..., x^degree',
      '    return torch.stack([x ** k for k in range(degree + 1)], dim=1)',
      '',
      'X, X_test = features(x), features(x_test)',
      'train = torch.mean((y - X @ w) ** 2)',
      'test = torch.mean((y_test - X_test @ w) ** 2)',
      `penalty = ${penalty('torch')}`,
      'objective = train + penalty  # J(w) = mean squared error + lambda R(w)',
      ridge && '',
      ridge &&
        '# ridge again: least squares on [X; sqrt(n lam) D] w = [y; 0], D = diag(0, 1, ..., 1)',
      ridge && 'n = len(x)',
      ridge && 'D = (n * lam) ** 0.5 * torch.eye(degree + 1, dtype=torch.float64)[1:]',
      ridge &&
        'w_refit = torch.linalg.lstsq(torch.cat([X, D]), torch.cat([y, torch.zeros(degree, dtype=torch.float64)]).unsqueeze(1)).solution.squeeze(1)',
      ridge &&
        'objective_refit = torch.mean((y - X @ w_refit) ** 2) + lam * torch.sum(w_refit[1:] ** 2)',
      '',
      print,
    ),
  };
}
