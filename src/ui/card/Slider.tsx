import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import { useLang } from '../i18n';
import { parseNumber } from '../url/params';
import { isClickerKey } from '../theme/keys';
import { NativeInput } from './NativeInput';
import {
  LOG_STEP,
  clampToParam,
  formatValue,
  fromLogPosition,
  isLog,
  snapToStep,
  toLogPosition,
  type RangedParam,
} from './values';

/** Props of `Slider`. */
export interface SliderProps {
  /** The param whose range, step and scale the slider follows. */
  param: RangedParam;
  value: number;
  /** Words naming the value for screen readers, e.g. "temperature" or "logits z 2". */
  spoken: string;
  /** Called with the new, clamped value; `row`/`col` are passed back for vector and matrix entries. */
  onSet: (name: string, value: number, row?: number, col?: number) => void;
  row?: number;
  col?: number;
  /** Id of the element labelling the range input (otherwise `spoken` is its aria-label). */
  labelledBy?: string;
  /** Id given to the range input (for an external `<label htmlFor>`). */
  id?: string;
  /** Smaller layout for vector and matrix entries. */
  compact?: boolean;
}

/** The keys a range input steps with: the page need not hear them. */
const STEP_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/**
 * Keeps a slider's own keys and pointer moves (it is only given those) from bubbling to React's root listener,
 * which would look for handlers up the whole tree on every tick: none above a slider
 * listens to them (the app's shortcuts ignore keys from an input; Esc still bubbles).
 */
const keepToSlider = (e: Event) => {
  if (e instanceof KeyboardEvent && isClickerKey(e)) return;
  if (!(e instanceof KeyboardEvent) || STEP_KEYS.has(e.key)) e.stopPropagation();
};

function bigStepDirection(e: KeyboardEvent): number {
  if (e.key === 'PageUp') return 1;
  if (e.key === 'PageDown') return -1;
  if (!e.shiftKey) return 0;
  if (e.key === 'ArrowUp' || e.key === 'ArrowRight') return 1;
  if (e.key === 'ArrowDown' || e.key === 'ArrowLeft') return -1;
  return 0;
}

/**
 * One number: a native range input (log10 space for log-scale params) and a
 * number field for exact values; typed values outside the range are clamped
 * with a polite note. Arrows step, Shift+Arrow and PageUp/PageDown step ×10.
 */
export const Slider = memo(function Slider({
  param,
  value,
  spoken,
  onSet,
  row,
  col,
  labelledBy,
  id,
  compact = false,
}: SliderProps) {
  const { t } = useLang();
  const ownId = useId();
  const rangeId = id ?? `${ownId}-range`;
  const noteId = `${ownId}-note`;
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const log = param.kind === 'scalar' && isLog(param);
  const integer = param.kind === 'scalar' && param.integer === true;
  const rangeMin = log ? toLogPosition(param.min) : param.min;
  const rangeMax = log ? toLogPosition(param.max) : param.max;
  const rangeStep = log ? LOG_STEP : param.step;
  const pos = log ? toLogPosition(value) : value;
  const shown = formatValue(param.step, value, integer);
  const fmt = (x: number) => formatValue(param.step, x, integer);
  const rangeRef = useRef<HTMLInputElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  /** The thumb position the last input event was handled at. */
  const handled = useRef<number | null>(null);

  const fromPosition = (p: number): number =>
    log
      ? fromLogPosition(param, p)
      : clampToParam(param, snapToStep(clampToParam(param, p), param.min, param.step));

  // The card drops a value equal to its newest one, and renders the slider with the new one.
  const commit = (v: number) => onSet(param.name, v, row, col);

  // Only when there is something to clear: an equal state update would render it again.
  const clearTyping = () => {
    if (note !== '') setNote('');
    if (draft !== null) setDraft(null);
  };

  const onRange = (e: Event) => {
    // No React component listens above: the event need not cross React's root listener.
    e.stopPropagation();
    const p = Number((e.currentTarget as HTMLInputElement).value);
    // a keyboard step fires input and then change with the same value
    if (!Number.isFinite(p) || (e.type === 'change' && p === handled.current)) return;
    handled.current = p;
    clearTyping();
    commit(fromPosition(p));
  };

  const onRangeKey = (e: Event) => {
    if (!(e instanceof KeyboardEvent) || isClickerKey(e)) return;
    keepToSlider(e);
    const dir = bigStepDirection(e);
    if (dir === 0) return;
    e.preventDefault();
    clearTyping();
    // from the thumb, which is never behind: two big steps within a frame add up
    const range = e.currentTarget as HTMLInputElement;
    const next = fromPosition(Number(range.value) + dir * 10 * rangeStep);
    range.value = String(log ? toLogPosition(next) : next);
    commit(next);
  };

  const onNumber = (e: Event) => {
    const text = (e.currentTarget as HTMLInputElement).value;
    setDraft(text);
    const x = parseNumber(text);
    if (x === null) return;
    const v = clampToParam(param, x);
    if (x < param.min) {
      setNote(t('card.clampedBelow', { input: text.trim(), min: fmt(param.min), value: fmt(v) }));
    } else if (x > param.max) {
      setNote(t('card.clampedAbove', { input: text.trim(), max: fmt(param.max), value: fmt(v) }));
    } else {
      setNote('');
    }
    commit(v);
  };

  const onNumberBlur = () => {
    if (draft !== null && parseNumber(draft) === null) {
      setNote(t('card.invalid', { min: fmt(param.min), max: fmt(param.max) }));
    }
    setDraft(null);
  };

  const onNumberKey = (e: Event) => {
    if (e instanceof KeyboardEvent && e.key === 'Enter') onNumberBlur();
  };

  // The inputs are native elements React never re-renders (see NativeInput): a tick
  // writes the thumb's value, the field's text and the spoken words, and nothing else.
  const exact = formatValue(param.step, value, integer, true);
  const [initial] = useState(() => ({ pos, exact }));
  useLayoutEffect(() => {
    const range = rangeRef.current;
    // a value within half a step of the thumb's is the same position: no write
    if (range && !(Math.abs(Number(range.value) - pos) < rangeStep / 2)) {
      range.value = String(pos);
    }
  }, [pos, rangeStep]);
  useLayoutEffect(() => {
    const field = numberRef.current;
    // while a value is being typed, the field keeps the typed text
    if (field && draft === null && field.value !== exact) field.value = exact;
  }, [draft, exact]);

  return (
    <div className={compact ? 'slider slider-compact' : 'slider'}>
      <NativeInput
        inputRef={rangeRef}
        initialValue={String(initial.pos)}
        attrs={{
          type: 'range',
          class: 'slider-range',
          id: rangeId,
          min: rangeMin,
          max: rangeMax,
          step: rangeStep,
          'aria-valuetext': `${spoken} ${shown}`,
          'aria-labelledby': labelledBy,
          'aria-label': labelledBy ? undefined : spoken,
          'aria-describedby': note ? noteId : undefined,
        }}
        on={{
          input: onRange,
          change: onRange,
          keydown: onRangeKey,
          keyup: keepToSlider,
          pointermove: keepToSlider,
          mousemove: keepToSlider,
        }}
      />
      <NativeInput
        inputRef={numberRef}
        initialValue={initial.exact}
        attrs={{
          type: 'number',
          class: 'slider-number',
          inputmode: 'decimal',
          step: 'any',
          min: param.min,
          max: param.max,
          'aria-label': t('card.exact', { label: spoken }),
        }}
        on={{ input: onNumber, blur: onNumberBlur, keydown: onNumberKey }}
      />
      <p id={noteId} className="slider-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
});
