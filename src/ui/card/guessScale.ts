import { tickIncrement, tickStep } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { CardAnswer } from './types';

/**
 * The number line a guess is marked on ("predict, then reveal"): its span, its step, and the
 * span that shows a guess beside the answer.
 */

/** A span [lo, hi] with lo < hi, both finite. */
export type Span = readonly [number, number];

const isSpan = (r: readonly number[] | undefined): r is Span =>
  !!r && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];

/**
 * The span the guess marker moves over: the page's `range` (what the quantity can be at these
 * values, such as a probability's [0, 1]); for a percentage [0, 100]; otherwise from zero to
 * the power of ten at or above the answer's size, and as far below zero for a negative answer.
 * That default tells the answer's sign and decade, no more; a page whose quantity has natural
 * bounds declares them.
 */
export function guessRange(answer: Pick<CardAnswer, 'range' | 'unit' | 'value'>): Span {
  if (isSpan(answer.range)) return answer.range;
  if (answer.unit === '%') return [0, 100];
  const size = Math.abs(answer.value);
  const top = size > 0 && Number.isFinite(size) ? 10 ** Math.ceil(Math.log10(size)) : 1;
  // 10 ** ceil(log10(x)) can land just under x in floating point
  const m = top < size ? top * 10 : top;
  return answer.value < 0 ? [-m, m] : [0, m];
}

/** The step a guess moves by on the line: a round number, about a two-hundredth of the span. */
export function guessStep([lo, hi]: Span): number {
  return tickStep(lo, hi, 200);
}

/** Decimal places that show a multiple of the step exactly. */
export function stepDecimals(step: number): number {
  const inc = tickIncrement(0, step * 10, 10); // < 0: 1 / step, else step
  return inc < 0 ? Math.ceil(Math.log10(-inc)) : 0;
}

/**
 * `x` on the nearest whole step that lies within the span (so a snapped guess snaps to itself
 * and reads back from its text unchanged), written without float noise.
 */
export function snapGuess(x: number, span: Span): number {
  const step = guessStep(span);
  // an end on the grid counts as on it, whatever the division's rounding (1.15 / 0.005)
  const first = Math.ceil(span[0] / step - 1e-9);
  const last = Math.floor(span[1] / step + 1e-9);
  const k = Math.min(last, Math.max(first, Math.round(x / step)));
  return Number((k * step).toFixed(stepDecimals(step))) || 0; // no −0
}

/** A snapped guess as the guess field shows it. */
export function guessText(x: number, span: Span): string {
  return snapGuess(x, span).toFixed(stepDecimals(guessStep(span)));
}

/** Where `x` sits on the span, as a fraction from its left end (clamped to [0, 1]). */
export function spanFraction(x: number, [lo, hi]: Span): number {
  return Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
}

/**
 * The span that shows the guess and the answer together: the guess's span, widened (to round
 * numbers) to take in whichever of them falls outside it.
 */
export function revealSpan(span: Span, guess: number | null, answer: number): Span {
  let lo = span[0];
  let hi = span[1];
  for (const x of [guess, answer])
    if (x !== null && Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  if (lo === span[0] && hi === span[1]) return span;
  const [a, b] = scaleLinear().domain([lo, hi]).nice(5).domain();
  // rounding can lose what lies within a float's error of a round end
  return [Math.min(a, lo), Math.max(b, hi)];
}

/** About `count` round tick values across the span. */
export function guessTicks([lo, hi]: Span, count = 5): number[] {
  return scaleLinear().domain([lo, hi]).ticks(count);
}
