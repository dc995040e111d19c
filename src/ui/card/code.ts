/**
 * Numbers and arrays written as Python source, for the code a card shows (`FormulaDef.code`).
 * A float is written with the shortest digits that read back as the same double (what both
 * JavaScript's `String` and Python's `repr` give), so a snippet reproduces the card's numbers
 * exactly; it always reads as a float in Python (`2.0`, not `2`), so NumPy arrays are float64.
 */

/** `x` as a Python float literal: `0.1`, `2.0`, `-0.0`, `1e-07`, `float("inf")`. */
export function py(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '-float("inf")';
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** `n` as a Python int literal (rounded). */
export function pyInt(n: number): string {
  return String(Math.round(n));
}

/** A list of floats: `[2.5, 1.2, 0.8]`. */
export function pyList(xs: readonly number[]): string {
  return `[${xs.map(py).join(', ')}]`;
}

/** A list of lists of floats, one row a line when it has more than one row. */
export function pyMatrix(rows: readonly (readonly number[])[], indent = '    '): string {
  if (rows.length <= 1) return `[${rows.map(pyList).join(', ')}]`;
  return `[\n${rows.map((r) => `${indent}${pyList(r)},`).join('\n')}\n]`;
}

/** A Python bool literal. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** A Python string literal (JSON's escapes are Python's too). */
export function pyStr(s: string): string {
  return JSON.stringify(s);
}

/** Joins the lines of a snippet, ending it with a newline. */
export function lines(...ls: readonly (string | false | null | undefined)[]): string {
  return `${ls.filter((l): l is string => typeof l === 'string').join('\n')}\n`;
}
