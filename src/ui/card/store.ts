import type { FormulaDef, Values } from './types';
import { cardReducer, type CardAction, type CardState } from './state';

/** What one compute gave: the result, or the message of the error it threw. */
export type Outcome = { ok: true; result: unknown } | { ok: false; message: string };

/** The card's state with the outcome of its values. */
export interface CardSnapshot {
  state: CardState;
  outcome: Outcome;
}

/**
 * The state of one card: its values, preset and highlight, and the outcome of
 * computing the values, one compute per change of the values. React reads it
 * with `useSyncExternalStore`; every change renders the plot and the controls in
 * the frame of the input. What follows a drag (the worked example, the spoken
 * summary, the data table and the URL) follows the card's settled snapshot (see
 * `useSettled` in Card.tsx), the one deferral of the card.
 */
export interface CardStore {
  dispatch: (action: CardAction) => void;
  getSnapshot: () => CardSnapshot;
  subscribe: (listener: () => void) => () => void;
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
  let snapshot: CardSnapshot = { state: initial, outcome: computeOutcome(def, initial.values) };
  const listeners = new Set<() => void>();
  return {
    dispatch(action) {
      const state = reduce(snapshot.state, action);
      if (state === snapshot.state) return;
      const outcome =
        state.values === snapshot.state.values
          ? snapshot.outcome
          : computeOutcome(def, state.values);
      snapshot = { state, outcome };
      for (const listener of [...listeners]) listener();
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
