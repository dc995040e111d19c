import type { SymbolSlot } from '../card/types';

/**
 * Colours a TeX symbol with its slot: `sym(1, 'T')` → `\textcolor{#000001}{T}`
 * (`\textcolor` takes the symbol as its argument, so the colour stops there).
 * `<Tex>` rewrites the placeholder colour `#00000N` into `var(--sym-N)` and a
 * `data-sym="N"` attribute, so the colour follows the theme and hovering the
 * symbol highlights its slider and its plot mark. The placeholder keeps the
 * TeX valid for KaTeX in strict mode.
 */
export function sym(slot: SymbolSlot, tex: string): string {
  return `\\textcolor{#00000${slot}}{${tex}}`;
}

/** Formats a number for TeX: fixed digits, a true minus sign, no "-0". */
export function texNum(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '\\text{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  const abs = Math.abs(x);
  let s: string;
  if (abs !== 0 && (abs >= 1e6 || abs < 10 ** -digits)) {
    const [m, e] = x.toExponential(digits).split('e');
    s = `${m}\\times 10^{${Number(e)}}`;
  } else {
    s = x.toFixed(digits);
  }
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s;
}
