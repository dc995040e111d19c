const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * Formats a number for plain text (plot labels, summaries, data tables): fixed
 * digits, a true minus sign "−", no "−0", and words instead of NaN/Infinity so
 * that "NaN" never reaches the screen.
 */
export function formatNumber(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  const abs = Math.abs(x);
  let s: string;
  if (abs !== 0 && abs < 10 ** -digits) {
    const [m, e] = x.toExponential(Math.max(digits - 1, 1)).split('e');
    s = `${m}×10${superscript(Number(e))}`;
  } else {
    s = x.toFixed(digits);
  }
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s.replace('-', '−');
}

/** Fixed-point text with a true minus sign and no "−0" (heatmap cells: 0.004 reads "0.00"). */
export function formatFixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return formatNumber(x, digits);
  let s = x.toFixed(digits);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s.replace('-', '−');
}
