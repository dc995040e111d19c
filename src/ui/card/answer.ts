import type { CardAnswer, FormulaDef, Lang, Values } from './types';

/**
 * "Predict, then reveal": the one number of a card a student guesses before it is shown.
 * A page may declare it (`def.answer`); otherwise it is read from the worked example's last
 * line, the number after its last `=` or `\approx`, labelled by the TeX left of that relation.
 */

/** A worked example cut into its lines: `head` and `tail` wrap them (`\begin{aligned}` …). */
export interface WorkedLines {
  head: string;
  lines: string[];
  tail: string;
}

/** The environment a worked example's lines are in; an array's column spec belongs to it. */
const ENVIRONMENT = /^\s*\\begin\{(?:(aligned|gathered|split|matrix)\}|(array)\}\{[^{}]*\})/;

/**
 * Splits display TeX into its top-level lines (`\\` outside braces and inner environments).
 * A worked example is `\begin{aligned} … \\ … \end{aligned}` (or an `array`); any other TeX
 * is one line.
 */
export function splitWorked(tex: string): WorkedLines {
  const open = ENVIRONMENT.exec(tex);
  const name = open ? (open[1] ?? open[2]) : '';
  const endTag = `\\end{${name}}`;
  const close = open ? tex.lastIndexOf(endTag) : -1;
  if (!open || close < open[0].length) return { head: '', lines: [tex.trim()], tail: '' };
  const head = open[0].trim();
  const tail = tex.slice(close).trim();
  const body = tex.slice(open[0].length, close);
  const lines: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\') {
      const next = body[i + 1];
      if (next === '\\' && depth === 0) {
        lines.push(body.slice(start, i));
        start = i + 2;
        i++;
      } else if (body.startsWith('begin{', i + 1)) depth++;
      else if (body.startsWith('end{', i + 1)) depth = Math.max(0, depth - 1);
      else if (next !== undefined && !/[a-zA-Z]/.test(next)) i++; // \{ \} \, \  …
    }
  }
  lines.push(body.slice(start));
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  return { head, lines: kept.length > 0 ? kept : [''], tail };
}

/** The lines put back together as display TeX. */
export function joinWorked({ head, lines, tail }: WorkedLines): string {
  return head ? `${head} ${lines.join(' \\\\ ')} ${tail}` : lines.join(' ');
}

/** Where a line's `hideFrom` points: an index into the lines, negative from the end, clamped. */
export function hideIndex(count: number, hideFrom: number | undefined): number {
  const from = hideFrom ?? -1;
  const i = from < 0 ? count + Math.round(from) : Math.round(from);
  return Math.max(0, Math.min(count - 1, Number.isFinite(i) ? i : count - 1));
}

/**
 * The worked example while predicting: the lines before the hidden one, or null when nothing
 * is left to show (the answer is on the first line).
 */
export function workedBefore(tex: string, hideFrom: number | undefined): string | null {
  const parts = splitWorked(tex);
  const cut = hideIndex(parts.lines.length, hideFrom);
  if (cut === 0) return null;
  return joinWorked({ ...parts, lines: parts.lines.slice(0, cut) });
}

interface Token {
  /** Offset in the line. */
  at: number;
  /** Length of the separator or relation. */
  length: number;
  kind: 'relation' | 'separator';
}

/**
 * Top-level relations (`=`, `\approx`) and clause separators (`,`, `\quad`, `\qquad`, `&`'s
 * are ignored) of one line: outside braces, parentheses, brackets and `\left … \right`.
 */
function topLevel(line: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === '\\') {
      const name = /^\\([a-zA-Z]+|.)/.exec(line.slice(i))?.[1] ?? '';
      if (depth === 0 && name === 'approx') out.push({ at: i, length: 7, kind: 'relation' });
      if (depth === 0 && (name === 'quad' || name === 'qquad'))
        out.push({ at: i, length: name.length + 1, kind: 'separator' });
      if (name === 'left') depth++;
      if (name === 'right') depth = Math.max(0, depth - 1);
      // \{ \} \, … and the delimiter after \left or \right are not brackets of the line
      const skip = name.length + (name === 'left' || name === 'right' ? 1 : 0);
      i += skip;
    } else if (depth === 0 && c === '=') out.push({ at: i, length: 1, kind: 'relation' });
    else if (depth === 0 && (c === ',' || c === ';'))
      out.push({ at: i, length: 1, kind: 'separator' });
  }
  return out;
}

/** A number as TeX writes it (texNum, texSig, a percent), read from the start of `s`. */
export interface TexNumber {
  value: number;
  /** Significant digits as written. */
  digits: number;
  /** A unit after it ("nats", "bits", "%"), or ''. */
  unit: string;
}

const COLOUR = /\\textcolor\{#[0-9a-fA-F]{6}\}/g;
/** What may stand around a lone number: spacing, braces, an `&`. */
const FILLER = /^(?:\s|[{}&]|\\[,;:! ]|\\quad|\\qquad)*/;

/**
 * The number `s` consists of, with an optional unit after it, or null when `s` is anything
 * else (a vector, a sum, words): `0.66`, `-1.2\times 10^{-3}`, `42.0\%`, `1.23\ \text{nats}`,
 * `\infty`, a coloured `\textcolor{#000004}{0.5}`.
 */
export function parseTexNumber(s: string): TexNumber | null {
  let rest = s.replace(COLOUR, '').replace(FILLER, '');
  let sign = 1;
  const minus = /^(?:-|−|\{-\})\s*/.exec(rest);
  if (minus) {
    sign = -1;
    rest = rest.slice(minus[0].length).replace(FILLER, '');
  }
  let value: number;
  let digits: number;
  const inf = /^\\infty\b/.exec(rest);
  if (inf) {
    value = sign * Infinity;
    digits = 1;
    rest = rest.slice(inf[0].length);
  } else {
    const m = /^(\d+(?:\.\d*)?|\.\d+)(?:\s*\\times\s*10\^\{?\s*([-−]?\d+)\s*\}?)?/.exec(rest);
    if (!m) return null;
    const mantissa = m[1];
    const exponent = m[2] === undefined ? '0' : m[2].replace('−', '-');
    value = sign * Number(`${mantissa}e${exponent}`);
    const significant = mantissa.replace('.', '').replace(/^0+/, '');
    digits = Math.max(1, significant.length);
    rest = rest.slice(m[0].length);
  }
  if (!Number.isFinite(value) && !inf) return null;
  rest = rest.replace(FILLER, '');
  let unit = '';
  const percent = /^\\%/.exec(rest);
  const text = /^\\(?:text|mathrm)\{\s*([A-Za-z%]{1,12})\s*\}/.exec(rest);
  if (percent) {
    unit = '%';
    rest = rest.slice(percent[0].length);
  } else if (text) {
    unit = text[1];
    rest = rest.slice(text[0].length);
  }
  if (rest.replace(FILLER, '').replace(/\s+/g, '') !== '') return null;
  return { value, digits, unit };
}

/** TeX's Greek letters as plain text (`\eta` → η), also read by the pin legend (pins.ts). */
export const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  Phi: 'Φ',
  omega: 'ω',
  Delta: 'Δ',
};

const PLAIN_SYMBOLS: Readonly<Record<string, string>> = {
  ...GREEK,
  nabla: '∇',
  partial: '∂',
  sum: 'Σ',
  prod: 'Π',
  infty: '∞',
  cdot: '·',
  times: '×',
  approx: '≈',
  le: '≤',
  ge: '≥',
  mid: '|',
  lVert: '‖',
  rVert: '‖',
  lvert: '|',
  rvert: '|',
  top: 'ᵀ',
  sqrt: '√',
  to: '→',
  propto: '∝',
};

/** Operator names, written with a space after them ("ln q"). */
const OPERATORS = new Set(['ln', 'log', 'exp', 'max', 'min', 'det', 'cos', 'sin', 'softmax']);

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '(': '₍',
  ')': '₎',
};
const SUP: Record<string, string> = {
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
  '-': '⁻',
  '−': '⁻',
  T: 'ᵀ',
  '(': '⁽',
  ')': '⁾',
  '*': '*',
};

/** A short TeX label as plain text for a field's name and the spoken sentence: `p_{3}` → "p₃". */
export function texToPlain(tex: string): string {
  let s = tex.replace(COLOUR, '');
  // a coloured symbol leaves its group's braces: {{L}} → {L}
  for (let k = 0; k < 3; k++) s = s.replace(/\{\{([^{}]*)\}\}/g, '{$1}');
  // fractions of simple parts: \frac{a}{b} → a/b (innermost first)
  for (let k = 0; k < 4; k++)
    s = s.replace(
      /\\[td]?frac\{([^{}]*)\}\{([^{}]*)\}/g,
      (_m, a: string, b: string) => `${a}/${b}`,
    );
  s = s
    .replace(/\\(?:text|mathrm|operatorname|mathbf|mathit|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:left|right|bigl?|bigr?|Bigl?|Bigr?|textstyle|displaystyle)\b/g, '')
    .replace(/\\hat\s*\{?([A-Za-z])\}?/g, '$1\u0302')
    .replace(/\\tilde\s*\{?([A-Za-z])\}?/g, '$1\u0303')
    .replace(/\\bar\s*\{?([A-Za-z])\}?/g, '$1\u0304')
    .replace(/\\overline\b/g, '')
    .replace(/\\[,;:!]|~/g, ' ')
    .replace(/\\ /g, ' ')
    // TeX skips the spaces after a command word; an operator's name keeps one
    .replace(/\\([a-zA-Z]+)\s*/g, (_m, name: string) =>
      OPERATORS.has(name) ? `${name} ` : (PLAIN_SYMBOLS[name] ?? name),
    )
    .replace(/\\(.)/g, '$1');
  const script = (table: Record<string, string>, mark: string) => (_m: string, body: string) =>
    [...body].every((c) => table[c]) ? [...body].map((c) => table[c]).join('') : `${mark}${body}`;
  s = s
    .replace(/_\{([^{}]*)\}/g, script(SUB, '_'))
    .replace(/_([A-Za-z0-9])/g, script(SUB, '_'))
    .replace(/\^\{([^{}]*)\}/g, script(SUP, '^'))
    .replace(/\^([A-Za-z0-9])/g, script(SUP, '^'))
    .replace(/[{}&]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s;
}

/** The left-hand side of a line (before its first top-level relation), or '' (a `&=` line). */
function leftSide(line: string): string {
  const first = topLevel(line).find((t) => t.kind === 'relation');
  const lhs = first ? line.slice(0, first.at) : '';
  return lhs
    .replace(/&/g, '')
    .replace(/^(?:\s|\\[,;:! ]|\\quad|\\qquad)+/, '')
    .trim();
}

/**
 * The framework's answer of a worked example: the number after the last relation of its last
 * line (a lone number, perhaps with a unit), labelled by the TeX left of that relation in its
 * clause, or by the left-hand side of the equation a `&= …` line continues. Null when the last
 * line ends in no single number (a vector, words).
 */
export function defaultAnswer(worked: string): CardAnswer | null {
  const { lines } = splitWorked(worked);
  const index = lines.length - 1;
  const line = lines[index];
  const tokens = topLevel(line);
  const relations = tokens.filter((t) => t.kind === 'relation');
  const last = relations[relations.length - 1];
  if (!last) return null;
  // the number runs to the end of its clause (`… = 1 \quad (x > 0)`, `… = 0.37, \qquad …`)
  const end = tokens.find((t) => t.kind === 'separator' && t.at > last.at);
  const number = parseTexNumber(line.slice(last.at + last.length, end ? end.at : undefined));
  if (!number) return null;
  // the clause the relation sits in: after the last separator before it
  const sep = tokens.filter((t) => t.kind === 'separator' && t.at < last.at).pop();
  const clause = line.slice(sep ? sep.at + sep.length : 0, last.at);
  let label = leftSide(`${clause}=`);
  // `&= …` continues the equation of an earlier line: its left-hand side names the number
  for (let k = index - 1; label === '' && k >= 0; k--) label = leftSide(lines[k]);
  if (label === '') return null;
  return {
    label: texToPlain(label),
    tex: label,
    value: number.value,
    digits: number.digits,
    unit: number.unit || undefined,
    hideFrom: -1,
  };
}

/**
 * The answer of a card at these values: the page's own (`def.answer`), else the framework's
 * default from its worked example. Null when there is none or it fails.
 */
export function cardAnswer(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>,
  values: Values,
  result: unknown,
  lang: Lang,
): CardAnswer | null {
  try {
    const a = def.answer
      ? def.answer(values, result, lang)
      : defaultAnswer(def.worked(values, result, lang));
    if (!a || Number.isNaN(a.value)) return null;
    return a;
  } catch {
    return null;
  }
}

/**
 * A typed guess read as a number: a true minus, full-width digits, a decimal comma, a
 * trailing percent sign (for an answer in percent) are accepted. Null when it is no number.
 */
export function parseGuess(text: string): number | null {
  let s = text.normalize('NFKC').trim().replace(/[−–]/g, '-').replace(/\s+/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (!s.includes('.') && /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

/** How far a guess is from the answer. `relative` is null when the answer is 0 or infinite. */
export interface GuessError {
  absolute: number;
  relative: number | null;
}

/** The absolute and relative error of a guess. */
export function guessError(guess: number, answer: number): GuessError {
  if (!Number.isFinite(answer)) return { absolute: Infinity, relative: null };
  const absolute = Math.abs(guess - answer);
  return { absolute, relative: answer === 0 ? null : absolute / Math.abs(answer) };
}
