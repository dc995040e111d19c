import type { Param, ParamValue, Preset, Values } from './types';
import { defaultValues, keepFinished, normalizeValues, presetValues } from './values';

/** State of one card. */
export interface CardState {
  values: Values;
  /** Preset applied last, cleared when a value changes. */
  preset: string | null;
  /** Param whose symbol is highlighted, or null. */
  highlight: string | null;
}

/** Everything that changes a card's state. */
export type CardAction =
  | {
      type: 'set';
      name: string;
      value: ParamValue;
      row?: number;
      col?: number;
      /** Set from inside the plot (a drag on it): the slider must follow at once. */
      fromPlot?: boolean;
    }
  | { type: 'reset' }
  | { type: 'preset'; id: string }
  /** Every value at once (a pin's "show values"). */
  | { type: 'load'; values: Values }
  | { type: 'highlight'; name: string | null };

function withEntry(current: ParamValue | undefined, value: ParamValue, row?: number, col?: number) {
  if (row === undefined || !Array.isArray(current) || typeof value !== 'number') return value;
  if (col === undefined) {
    const next = (current as number[]).slice();
    if (row >= next.length || next[row] === value) return current;
    next[row] = value;
    return next;
  }
  const m = current as number[][];
  if (row >= m.length || !Array.isArray(m[row]) || col >= m[row].length) return current;
  if (m[row][col] === value) return current;
  const next = m.slice();
  next[row] = m[row].slice();
  next[row][col] = value;
  return next;
}

/** The reducer of a card over its params and presets. */
export function cardReducer(params: readonly Param[], presets: readonly Preset[] = []) {
  return (state: CardState, action: CardAction): CardState => {
    switch (action.type) {
      case 'set': {
        if (!params.some((p) => p.name === action.name)) return state;
        const value = withEntry(state.values[action.name], action.value, action.row, action.col);
        if (value === state.values[action.name]) return state;
        const values = keepFinished(
          params,
          state.values,
          normalizeValues(params, { ...state.values, [action.name]: value }),
        );
        return { ...state, values, preset: null };
      }
      case 'reset':
        return { ...state, values: defaultValues(params), preset: null };
      case 'preset': {
        const preset = presets.find((p) => p.id === action.id);
        if (!preset) return state;
        return { ...state, values: presetValues(params, preset.values), preset: preset.id };
      }
      case 'load':
        return { ...state, values: normalizeValues(params, action.values), preset: null };
      case 'highlight':
        return state.highlight === action.name ? state : { ...state, highlight: action.name };
    }
  };
}
