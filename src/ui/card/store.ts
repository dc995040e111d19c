import type { FormulaDef, LiveUpdate, Values } from '../../formulas/types';
import { cardReducer, type CardAction, type CardState } from './state';

/** The card re-renders once a plot's own ticks have rested this long (ms)… */
export const CATCH_UP_REST_MS = 80;
/** …and during a long drag at least this often (ms). */
export const CATCH_UP_MAX_MS = 250;

/** What one compute gave: the result, or the message of the error it threw. */
export type Outcome = { ok: true; result: unknown } | { ok: false; message: string };

/** The card's state with the outcome of its values. */
export interface CardSnapshot {
  state: CardState;
  outcome: Outcome;
}

/**
 * The state of one card. `getSnapshot` is what React renders. A slider tick
 * whose plot has registered a live update (`subscribeLive`) takes a fast path:
 * the plot redraws itself at once, in the frame of the input (the slider
 * writes its own number and words), and the snapshot React renders catches up
 * after the frame is painted, once the ticks rest for `CATCH_UP_REST_MS` or at
 * least every `CATCH_UP_MAX_MS`. Everything else changes the snapshot at
 * once: other plots, a drag on the plot (its slider must follow), presets,
 * reset, highlight, and a change the plot cannot draw. One compute per change of
 * the values.
 */
export interface CardStore {
  dispatch: (action: CardAction) => void;
  getSnapshot: () => CardSnapshot;
  subscribe: (listener: () => void) => () => void;
  subscribeLive: (update: LiveUpdate<unknown>) => () => void;
  /** Cancels a pending catch-up (when the card unmounts). */
  cancel: () => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

/** Runs the def's compute, turning a throw into a message. */
export function computeOutcome(def: AnyDef, values: Values): Outcome {
  try {
    return { ok: true, result: def.compute(values) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Creates the store of one card, starting from `initial`. */
export function createCardStore(def: AnyDef, initial: CardState): CardStore {
  const reduce = cardReducer(def.params, def.presets);
  /** The newest state; the plot has drawn it. */
  let live: CardSnapshot = { state: initial, outcome: computeOutcome(def, initial.values) };
  /** What React renders; equal to `live` except during a fast-path tick. */
  let shown = live;
  const listeners = new Set<() => void>();
  let liveUpdate: LiveUpdate<unknown> | null = null;
  let job: { raf: number; timer: number } | null = null;

  const cancel = () => {
    if (!job) return;
    cancelAnimationFrame(job.raf);
    clearTimeout(job.timer);
    job = null;
  };
  const catchUp = () => {
    cancel();
    if (shown === live) return;
    shown = live;
    for (const listener of [...listeners]) listener();
  };
  let firstTick = 0;
  let lastTick = 0;
  const catchUpLater = () => {
    lastTick = performance.now();
    if (job) return;
    firstTick = lastTick;
    const next = { raf: 0, timer: 0 };
    job = next;
    const check = () => {
      const now = performance.now();
      const wait = Math.min(lastTick + CATCH_UP_REST_MS - now, firstTick + CATCH_UP_MAX_MS - now);
      if (wait > 0) next.timer = window.setTimeout(check, wait);
      else catchUp();
    };
    // rAF runs before the frame is painted; a task it posts runs after.
    next.raf = requestAnimationFrame(() => {
      next.timer = window.setTimeout(check, 0);
    });
  };

  return {
    dispatch(action) {
      const state = reduce(live.state, action);
      if (state === live.state) return;
      const outcome =
        state.values === live.state.values ? live.outcome : computeOutcome(def, state.values);
      live = { state, outcome };
      const drawn =
        action.type === 'set' &&
        !action.fromPlot &&
        outcome.ok &&
        liveUpdate !== null &&
        liveUpdate(state.values, outcome.result);
      if (drawn) catchUpLater();
      else catchUp();
    },
    getSnapshot: () => shown,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    subscribeLive(update) {
      liveUpdate = update;
      return () => {
        if (liveUpdate === update) liveUpdate = null;
      };
    },
    cancel,
  };
}
