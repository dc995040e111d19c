import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { SeedParam } from './types';
import { useLang } from '../i18n';
import { parseNumber } from '../url/params';
import { SEED_MAX, clampSeed } from './values';

/** A fresh seed in 0…2³²−1 other than `current` (crypto where there is one). */
export function randomSeed(current: number): number {
  const draw = () => {
    const c = globalThis.crypto;
    if (c && typeof c.getRandomValues === 'function') {
      return c.getRandomValues(new Uint32Array(1))[0];
    }
    return Math.floor(Math.random() * (SEED_MAX + 1));
  };
  let next = draw();
  while (next === current) next = draw();
  return next;
}

/** Props of `SeedControl`. */
export interface SeedControlProps {
  param: SeedParam;
  value: number;
  /** The param's name in words, for the field's and the button's accessible names. */
  spoken: string;
  /** Id given to the number field (for an external `<label htmlFor>`). */
  id: string;
  onSet: (name: string, value: number) => void;
  /** Where new seeds come from (tests pass a fixed one). */
  newSeed?: (current: number) => number;
}

/**
 * A seed: its number, editable (a whole number 0…2³²−1; outside values are
 * clamped and fractions refused, each with a polite note), and a "new seed"
 * button that draws another.
 */
export function SeedControl({
  param,
  value,
  spoken,
  id,
  onSet,
  newSeed = randomSeed,
}: SeedControlProps) {
  const { t } = useLang();
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const noteId = `${id}-note`;

  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
    setDraft(text);
    const x = parseNumber(text);
    if (x === null || !Number.isInteger(x)) return;
    const v = clampSeed(param, x);
    if (x < 0) {
      setNote(t('card.clampedBelow', { input: text.trim(), min: 0, value: v }));
    } else if (x > SEED_MAX) {
      setNote(t('card.clampedAbove', { input: text.trim(), max: SEED_MAX, value: v }));
    } else {
      setNote('');
    }
    if (v !== value) onSet(param.name, v);
  };

  const onBlur = () => {
    if (draft !== null) {
      const x = parseNumber(draft);
      if (x === null || !Number.isInteger(x)) {
        setNote(t('seed.invalid', { min: 0, max: SEED_MAX }));
      }
    }
    setDraft(null);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') onBlur();
  };

  const onNew = () => {
    const v = newSeed(value);
    setDraft(null);
    setNote(t('seed.changed', { value: v }));
    onSet(param.name, v);
  };

  return (
    <div className="seed-control">
      <input
        id={id}
        className="slider-number seed-number"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? String(value)}
        aria-label={t('seed.value', { label: spoken })}
        aria-describedby={note ? noteId : undefined}
        onChange={onInput}
        onBlur={onBlur}
        onKeyDown={onKey}
      />
      <button
        type="button"
        className="button seed-new"
        aria-label={t('seed.newSeedLabel', { label: spoken })}
        onClick={onNew}
      >
        <span aria-hidden="true">⟳</span> {t('seed.newSeed')}
      </button>
      <p id={noteId} className="slider-note" aria-live="polite">
        {note}
      </p>
    </div>
  );
}
