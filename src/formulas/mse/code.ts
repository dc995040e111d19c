import type { CodeSnippets } from '../../ui/card/types';
import { lines, pyList } from '../../ui/card/code';
import type { MseResult, MseValues } from './model';

/** NumPy and PyTorch code of the card: residuals, their squares, MSE, RMSE and MAE. */
export function mseCode(_values: MseValues, r: MseResult): CodeSnippets {
  return {
    numpy: lines(
      'import json',
      'import numpy as np',
      '',
      `y = np.array(${pyList(r.y)})  # targets`,
      `y_hat = np.array(${pyList(r.yhat)})  # predictions`,
      '',
      'residuals = y - y_hat',
      'mse = np.mean(residuals ** 2)',
      'rmse = np.sqrt(mse)',
      'mae = np.mean(np.abs(residuals))',
      '',
      'print(json.dumps({"residuals": residuals.tolist(), "mse": float(mse), "rmse": float(rmse), "mae": float(mae)}))',
    ),
    torch: lines(
      'import json',
      'import torch',
      'import torch.nn.functional as F',
      '',
      `y = torch.tensor(${pyList(r.y)}, dtype=torch.float64)  # targets`,
      `y_hat = torch.tensor(${pyList(r.yhat)}, dtype=torch.float64)  # predictions`,
      '',
      'residuals = y - y_hat',
      'mse = F.mse_loss(y_hat, y)',
      'rmse = torch.sqrt(mse)',
      'mae = F.l1_loss(y_hat, y)',
      '',
      'print(json.dumps({"residuals": residuals.tolist(), "mse": mse.item(), "rmse": rmse.item(), "mae": mae.item()}))',
    ),
  };
}
