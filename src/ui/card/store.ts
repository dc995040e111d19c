import { flushSync } from 'react-dom';
import type { FormulaDef, LiveUpdate, Values } from './types';
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
 * The state of one card, in two snapshots. The plot follows `getLive`, the rest
 * of the card `getSnapshot`. A slider tick (a scalar, vector or matrix value
 * set from its control) takes a fast path: the plot alone redraws in the frame
 * of the input, either by itself (a `LiveUpdate` registered through
 * `subscribeLive`, no React work at all) or by React re-rendering the plot
 * only; the slider writes its own number and words. The rest of the card (the
 * other controls, the worked example, the data table, the URL) catches up once
 * the ticks rest for `CATCH_UP_REST_MS`, and at least every `CATCH_UP_MAX_MS`.
 * Everything else updates both snapshots at once: toggles and choices, a drag
 * on the plot (its slider must follow), presets, reset and highlight. One
 * compute per change of the values.
 */
export interface CardStore {
  dispatch: (action: CardAction) => void;
  /** What the card renders, apart from the plot. */
  getSnapshot: () => CardSnapshot;
  /**
   * Calls `listener` when the snapshot changes; `deferred` is true for a catch-up after
   * slider ticks, which can render as a transition, yielding to the next input.
   */
  subscribe: (listener: (deferred: boolean) => void) => () => void;
  /** What the plot renders: the newest state, or the one a LiveUpdate drew over it. */
  getLive: () => CardSnapshot;
  subscribeLiveSnapshot: (listener: () => void) => () => void;
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

/** The subscribe function of a listener set, for useSyncExternalStore. */
function subscriber<L>(set: Set<L>) {
  return (listener: L) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}

/** Creates the store of one card, starting from `initial`. */
export function createCardStore(def: AnyDef, initial: CardState): CardStore {
  const reduce = cardReducer(def.params, def.presets);
  const sliderParams = new Set(
    def.params.filter((p) => p.kind !== 'toggle' && p.kind !== 'choice').map((p) => p.name),
  );
  /** The newest state: the plot's. */
  let live: CardSnapshot = { state: initial, outcome: computeOutcome(def, initial.values) };
  /** The rest of the card's; equal to `live` except while slider ticks are being drawn. */
  let shown = live;
  /** The snapshot React last rendered the plot at, or is about to. */
  let plotted = live;
  const listeners = new Set<(deferred: boolean) => void>();
  const plotListeners = new Set<() => void>();
  const emit = (set: Set<(deferred: boolean) => void>, deferred = false) => {
    for (const listener of [...set]) listener(deferred);
  };
  /**
   * The newest snapshot a LiveUpdate drew, while React's plot is behind it; else null.
   * The DOM shows it, so React's plot renders it (see `getLive`) whenever it renders for
   * another reason (a new language); the card's catch-up leaves the plot alone.
   */
  let drawn: CardSnapshot | null = null;
  /** Makes React's plot render the newest state, unless a LiveUpdate drew it. */
  const plotLive = () => {
    if (drawn === live) return;
    if (drawn) {
      // React diffs against the plot it rendered last, not against the DOM a LiveUpdate
      // wrote since: an attribute equal in both would keep the drawn value. So React
      // first renders what is drawn (no visible change), then the newest state.
      plotted = drawn;
      drawn = null;
      flushSync(() => emit(plotListeners));
    }
    if (plotted === live) return;
    plotted = live;
    emit(plotListeners);
  };
  let liveUpdate: LiveUpdate<unknown> | null = null;
  let job: { raf: number; timer: number } | null = null;

  const cancel = () => {
    if (!job) return;
    cancelAnimationFrame(job.raf);
    clearTimeout(job.timer);
    job = null;
  };
  const catchUp = (deferred = false) => {
    cancel();
    plotLive();
    if (shown === live) return;
    shown = live;
    emit(listeners, deferred);
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
      else catchUp(true);
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
      const tick =
        action.type === 'set' &&
        !action.fromPlot &&
        sliderParams.has(action.name) &&
        outcome.ok &&
        // the card shows a plot (not a compute error) to draw the tick in
        shown.outcome.ok;
      if (!tick) {
        catchUp();
        return;
      }
      // the plot draws the tick itself, or React re-renders the plot alone
      if (liveUpdate?.(state.values, outcome.result)) drawn = live;
      else plotLive();
      catchUpLater();
    },
    getSnapshot: () => shown,
    subscribe: subscriber(listeners),
    getLive: () => drawn ?? plotted,
    subscribeLiveSnapshot: subscriber(plotListeners),
    subscribeLive(update) {
      liveUpdate = update;
      return () => {
        if (liveUpdate === update) liveUpdate = null;
      };
    },
    cancel,
  };
}
