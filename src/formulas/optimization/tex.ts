/** A number for TeX to `digits` significant digits: a true minus, a power of ten when tiny or huge. */
export function texSig(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '\\text{—}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs < 1e-3 || abs >= 1e6) {
    const [m, e] = x.toExponential(digits - 1).split('e');
    return `${m}\\times 10^{${Number(e)}}`;
  }
  const s = x.toPrecision(digits);
  // toPrecision may answer in exponent form for values like 123456 at 3 digits
  return s.includes('e') ? String(Number(s)) : s;
}

/** `texSig` in parentheses when negative, for a factor of a product: 0.9 · (−1.5). */
export function texFactor(x: number, digits = 3): string {
  const s = texSig(x, digits);
  return x < 0 ? `(${s})` : s;
}
