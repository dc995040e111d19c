/**
 * The messages between a page and its compute worker: each request carries an
 * id, and the answer names the id it answers, so the page can tell a stale one.
 */

/** A request to compute `input`. */
export interface ComputeRequest<I> {
  id: number;
  input: I;
}

/** What a computation gave: its value, or the message of the error it threw. */
export type ComputeOutcome<O> = { ok: true; value: O } | { ok: false; message: string };

/** The answer to request `id`. */
export type ComputeResponse<O> = ComputeOutcome<O> & { id: number };

/** Runs `compute` on `input`, an error becoming a message (never a throw). */
export function runCompute<I, O>(compute: (input: I) => O, input: I): ComputeOutcome<O> {
  try {
    return { ok: true, value: compute(input) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
