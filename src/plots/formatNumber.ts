/**
 * The one number formatter of the app's plain text (plot labels, ticks, legends,
 * summaries, data tables): a true minus sign "−", never "−0", words instead of
 * NaN/Infinity so that "NaN" never reaches the screen, powers of ten as
 * "3×10⁻⁴" when fixed digits would read 0 or run long, and the reader's locale
 * (en, zh-TW). Both locales write numbers alike (ASCII digits, "." and ","), so the digits
 * come from `toFixed`/`toPrecision` rather than Intl.NumberFormat, whose first use in a
 * page loads ICU's number data: 50 ms on the main thread, 200 ms on a slow phone, in the
 * middle of hydration. tests/plots/formatNumber.test.ts checks the output against Intl.
 * TeX numbers are `texNum` (src/ui/tex/sym.ts).
 */

/** Locales the app formats numbers for. */
export type NumberLocale = 'en' | 'zh-TW';

/** How `formatNumber` writes a number. */
export interface FormatOptions {
  /** Decimals (`fixed`) or significant digits (`significant`); default 2. */
  digits?: number;
  /** `fixed`: exactly `digits` decimals; `significant`: `digits` significant digits, trailing zeros dropped. */
  notation?: 'fixed' | 'significant';
  /** Locale of the digits and separators; default 'en'. */
  lang?: NumberLocale;
  /** Thousands separators (1,234.5); off by default. */
  group?: boolean;
  /** Text for NaN; default "—". */
  nan?: string;
}

/** The true minus sign. */
export const MINUS = '−';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '+': '',
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
 * |x| rounded to `n` significant digits as Intl rounds: on the shortest decimal that reads
 * back as x (1.005 → 1.01, though the double is 1.00499…), ties away from zero. The digits
 * `ds` stand for ds[0].ds[1…] × 10^exp; n ≤ 0 keeps no digit (a zero or a carried 1).
 */
function roundDecimal(x: number, n: number): { ds: string; exp: number } {
  const [m = '0', e = '0'] = Math.abs(x).toExponential().split('e');
  const all = m.replace('.', '');
  let exp = Number(e);
  if (n >= all.length) return { ds: all, exp };
  if (n < 0) return { ds: '0', exp: 0 };
  let ds = all.slice(0, n);
  if ((all[n] ?? '0') >= '5') {
    let i = ds.length - 1;
    while (i >= 0 && ds[i] === '9') i--;
    ds =
      i < 0
        ? `1${'0'.repeat(ds.length)}`
        : ds.slice(0, i) + String(Number(ds[i]) + 1) + '0'.repeat(ds.length - i - 1);
    if (i < 0) exp += 1;
  }
  return ds === '' ? { ds: '0', exp: 0 } : { ds, exp };
}

/** A plain decimal (sign, digits, exactly `f` decimals) from `roundDecimal`'s digits. */
function plain(negative: boolean, { ds, exp }: { ds: string; exp: number }, f: number): string {
  const digits = exp >= 0 ? ds.padEnd(exp + 1, '0') : '0'.repeat(-exp) + ds;
  const point = Math.max(exp, 0) + 1;
  const int = digits.slice(0, point);
  const frac = digits.slice(point).padEnd(f, '0').slice(0, f);
  return `${negative ? '-' : ''}${int}${f > 0 ? `.${frac}` : ''}`;
}

/** `digits` decimals, optionally grouped. */
function fixed(x: number, digits: number, group = false): string {
  const exp = Number(Math.abs(x).toExponential().split('e')[1]);
  return grouped(plain(x < 0, roundDecimal(x, exp + 1 + digits), digits), group);
}

/** At most `sig` significant digits, trailing zeros dropped. */
function significant(x: number, sig: number, group = false): string {
  const r = roundDecimal(x, sig);
  const ds = r.ds.replace(/0+$/, '') || '0';
  return grouped(plain(x < 0, { ds, exp: r.exp }, Math.max(0, ds.length - r.exp - 1)), group);
}

/** Thousands separators in the integer part of a plain decimal string. */
function grouped(s: string, group: boolean): string {
  if (!group) return s;
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  return int.replace(/\B(?=(\d{3})+$)/g, ',') + (dot < 0 ? '' : s.slice(dot));
}

/** Hyphen-minus and Intl's minus forms become "−"; a zero that lost its digits loses its sign. */
function cleanSign(s: string): string {
  const t = s.replace(/[-\u2212\u2012]/g, MINUS);
  return t.startsWith(MINUS) && !/[1-9]/.test(t) ? t.slice(1) : t;
}

/** Fixed decimals or significant digits below this magnitude turn into a power of ten. */
const LARGE = 1e9;

/** A mantissa×10ⁿ form: `3×10⁻⁴`, `1.5×10⁹`. */
function scientific(x: number, digits: number, trim = false): string {
  const [m = '', e] = x.toExponential(Math.max(digits - 1, 0)).split('e');
  const mantissa = trim ? String(Number(m)) : m;
  return cleanSign(`${mantissa}×10${superscript(Number(e))}`);
}

/**
 * Formats a number for plain text. `formatNumber(x, 2)` keeps two decimals
 * (0.004 → "4.0×10⁻³" rather than "0.00"); options choose significant digits,
 * the locale and grouping. NaN → "—", ±Infinity → "∞"/"−∞", −0 → "0".
 */
export function formatNumber(x: number, options: number | FormatOptions = 2): string {
  const o: FormatOptions = typeof options === 'number' ? { digits: options } : options;
  const digits = Math.max(0, Math.min(20, Math.round(o.digits ?? 2)));
  if (Number.isNaN(x)) return o.nan ?? '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0 && o.notation === 'significant') return '0';
  const abs = Math.abs(x);
  if (o.notation === 'significant') {
    const sig = Math.max(1, digits);
    if (abs < 1e-4 || abs >= LARGE) return scientific(x, sig, true);
    return cleanSign(significant(x, sig, o.group));
  }
  if ((abs !== 0 && abs < 10 ** -digits) || abs >= LARGE) return scientific(x, Math.max(digits, 2));
  return cleanSign(fixed(x, digits, o.group));
}

/** Fixed-point text with a true minus sign and no "−0" (heatmap cells: 0.004 reads "0.00"). */
export function formatFixed(x: number, digits = 2, lang: NumberLocale = 'en'): string {
  if (!Number.isFinite(x)) return formatNumber(x, digits);
  if (Math.abs(x) >= LARGE) return formatNumber(x, { digits, lang });
  return cleanSign(fixed(x, digits));
}

/** A probability for a bar label: two decimals, a power of ten when it would read 0.00, a dash for NaN. */
export function formatProbability(p: number, lang: NumberLocale = 'en'): string {
  if (!Number.isFinite(p)) return formatNumber(p);
  if (p === 0) return '0';
  if (p >= 0.005) return formatFixed(p, 2, lang);
  return scientific(p, 1);
}

/** A data-table cell: 6 significant digits, a power of ten when tiny or huge. */
export function formatCell(v: number, lang: NumberLocale = 'en'): string {
  return formatNumber(v, { digits: 6, notation: 'significant', lang });
}

/**
 * A formatter for a run of axis ticks: as many decimals as the tick spacing
 * needs (0.1 apart → one decimal), the same for every tick so they line up;
 * powers of ten for ticks on a log scale spanning decades.
 */
export function tickFormatter(
  ticks: readonly number[],
  lang: NumberLocale = 'en',
): (d: number) => string {
  const finite = ticks.filter(Number.isFinite);
  let step = Infinity;
  for (let i = 1; i < finite.length; i++) {
    const d = Math.abs(finite[i] - finite[i - 1]);
    if (d > 0) step = Math.min(step, d);
  }
  if (!Number.isFinite(step)) step = Math.abs(finite[0] ?? 1) || 1;
  const max = Math.max(0, ...finite.map(Math.abs));
  const min = Math.min(...finite);
  const decades = min > 0 && max / min >= 100;
  if (decades || max >= LARGE || (max > 0 && max < 1e-3)) {
    return (d) => (d === 0 ? '0' : formatNumber(d, { digits: 3, notation: 'significant', lang }));
  }
  // a tick spacing of 2.5×10⁻ⁿ needs one decimal more than its power of ten
  const e = -Math.floor(Math.log10(step) + 1e-9);
  const needed = Math.abs(step * 10 ** e - Math.round(step * 10 ** e)) > 1e-6 ? e + 1 : e;
  const digits = Math.max(0, Math.min(12, needed));
  return (d) => formatFixed(d, digits, lang);
}
