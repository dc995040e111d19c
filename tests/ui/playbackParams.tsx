import { useEffect, useReducer } from 'react';
import type { Param, Values } from '../../src/ui/card/types';
import { ParamControls } from '../../src/ui/card/ParamControls';
import { useLang } from '../../src/ui/i18n';
import { cardReducer } from '../../src/ui/card/state';
import { defaultValues, normalizeValues } from '../../src/ui/card/values';

/** A seed, a step count and a time param whose last step is that count. */
export const playbackParams: readonly Param[] = [
  {
    kind: 'seed',
    name: 's',
    tex: 's',
    label: { en: 'seed', 'zh-TW': '種子' },
    default: 42,
  },
  {
    kind: 'scalar',
    name: 'steps',
    tex: 'N',
    label: { en: 'steps', 'zh-TW': '步數' },
    min: 1,
    max: 20,
    step: 1,
    default: 5,
    integer: true,
  },
  {
    kind: 'time',
    name: 't',
    tex: 't',
    label: { en: 'step', 'zh-TW': '步' },
    max: { param: 'steps' },
    default: 0,
    speeds: [5, 10],
    speed: 5,
  },
];

/** A card-like section holding the controls of `params` over the card's reducer. */
export function ControlsHarness({
  params = playbackParams,
  initial,
  onValues,
}: {
  params?: readonly Param[];
  initial?: Values;
  onValues?: (values: Values) => void;
}) {
  const { lang } = useLang();
  const [state, dispatch] = useReducer(cardReducer(params), undefined, () => ({
    values: normalizeValues(params, { ...defaultValues(params), ...initial }),
    preset: null,
    highlight: null,
  }));
  useEffect(() => {
    onValues?.(state.values);
  }, [state.values, onValues]);
  return (
    <section className="card" aria-label="card">
      <p data-testid="plain">plain text</p>
      <ParamControls
        params={params}
        values={state.values}
        lang={lang}
        highlight={null}
        onSet={(name, value, row, col) => dispatch({ type: 'set', name, value, row, col })}
        onHighlight={() => {}}
      />
      <button type="button" onClick={() => dispatch({ type: 'reset' })}>
        Reset card
      </button>
    </section>
  );
}
