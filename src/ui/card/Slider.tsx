import { memo, useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useLang } from '../i18n';
import { parseNumber } from '../url/params';
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

function bigStepDirection(e: KeyboardEvent<HTMLInputElement>): number {
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

  const fromPosition = (p: number): number =>
    log
      ? fromLogPosition(param, p)
      : clampToParam(param, snapToStep(clampToParam(param, p), param.min, param.step));

  const commit = (v: number) => {
    if (v !== value) onSet(param.name, v, row, col);
  };

  const onRange = (e: ChangeEvent<HTMLInputElement>) => {
    const p = Number(e.target.value);
    if (!Number.isFinite(p)) return;
    setNote('');
    setDraft(null);
    commit(fromPosition(p));
  };

  const onRangeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const dir = bigStepDirection(e);
    if (dir === 0) return;
    e.preventDefault();
    setNote('');
    setDraft(null);
    commit(fromPosition(pos + dir * 10 * rangeStep));
  };

  const onNumber = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
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

  const onNumberKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') onNumberBlur();
  };

  return (
    <div className={compact ? 'slider slider-compact' : 'slider'}>
      <input
        id={rangeId}
        className="slider-range"
        type="range"
        min={rangeMin}
        max={rangeMax}
        step={rangeStep}
        value={pos}
        onChange={onRange}
        onKeyDown={onRangeKey}
        aria-valuetext={`${spoken} ${shown}`}
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : spoken}
        aria-describedby={note ? noteId : undefined}
      />
      <input
        className="slider-number"
        type="number"
        inputMode="decimal"
        step="any"
        min={param.min}
        max={param.max}
        value={draft ?? formatValue(param.step, value, integer, true)}
        onChange={onNumber}
        onBlur={onNumberBlur}
        onKeyDown={onNumberKey}
        aria-label={t('card.exact', { label: spoken })}
      />
      <p id={noteId} className="slider-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
});
