import type { Vector } from './types';
import { checkIndex, checkProbability, checkSameLength, checkVector, fail } from './validate';

/** Loss functions: softmax cross-entropy from logits, binary cross-entropy and mean squared error. */

/** Softmax cross-entropy from logits, $-\log \operatorname{softmax}(z)_t = \log\sum_j e^{z_j} - z_t$, stable for any finite logits. */
export function softmaxCrossEntropy(logits: Vector, targetIndex: number): number {
  const fn = 'softmaxCrossEntropy';
  checkVector(fn, 'logits', logits, { allowNegativeInfinity: true });
  checkIndex(fn, 'targetIndex', targetIndex, logits.length);
  if (logits[targetIndex] === -Infinity) {
    fail(
      fn,
      `logits[${targetIndex}]`,
      'must be finite at targetIndex (only other logits may be -Infinity)',
    );
  }
  let max = -Infinity;
  let at = -1;
  for (let i = 0; i < logits.length; i++) {
    if (logits[i] > max) {
      max = logits[i];
      at = i;
    }
  }
  let rest = 0; // Σ_{j ≠ argmax} e^{z_j − max}
  for (let j = 0; j < logits.length; j++) if (j !== at) rest += Math.exp(logits[j] - max);
  return max - logits[targetIndex] + Math.log1p(rest);
}

/** Binary cross-entropy, $-(y \log p + (1-y)\log(1-p))$ with $0 \log 0 = 0$ and no clamping. */
export function binaryCrossEntropy(y: number, p: number): number {
  checkProbability('binaryCrossEntropy', 'y', y);
  checkProbability('binaryCrossEntropy', 'p', p);
  let loss = 0;
  if (y > 0) loss += p === 0 ? Infinity : -y * Math.log(p);
  if (y < 1) loss += p === 1 ? Infinity : -(1 - y) * Math.log1p(-p);
  return loss;
}

/** Mean squared error, $\frac1n\sum_i (y_i - \hat y_i)^2$. */
export function mse(target: Vector, predicted: Vector): number {
  checkVector('mse', 'target', target);
  checkVector('mse', 'predicted', predicted);
  checkSameLength('mse', 'target', target, 'predicted', predicted);
  const n = target.length;
  let sum = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const d = target[i] - predicted[i];
    sum += d * d;
    scale = Math.max(scale, Math.abs(d));
  }
  if (Number.isFinite(sum)) return sum / n;
  // Squares overflowed: scale by the largest |difference|, which may itself be Infinity.
  if (!Number.isFinite(scale)) return Infinity;
  let scaled = 0;
  for (let i = 0; i < n; i++) {
    const d = (target[i] - predicted[i]) / scale;
    scaled += d * d;
  }
  return scale * (scale * (scaled / n));
}
