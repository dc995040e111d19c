import { memo } from 'react';
import type { Lang, Preset } from './types';
import { useLang } from '../i18n';
import { RichText } from '../tex/RichText';

/** Props of `Presets`. */
export interface PresetsProps {
  presets: readonly Preset[];
  lang: Lang;
  /** Id of the preset applied last (until a value changes), or null. */
  active: string | null;
  onApply: (id: string) => void;
  onReset: () => void;
}

/** Preset buttons, the reset button and the note of the applied preset. */
export const Presets = memo(function Presets({
  presets,
  lang,
  active,
  onApply,
  onReset,
}: PresetsProps) {
  const { t } = useLang();
  const current = presets.find((p) => p.id === active);
  return (
    <div className="presets">
      <div className="preset-buttons" role="group" aria-label={t('card.presets')}>
        {presets.length > 0 && (
          <span className="presets-label" aria-hidden="true">
            {t('card.presets')}
          </span>
        )}
        {presets.map((p) => (
          <button
            key={p.id}
            type="button"
            className="button preset-button"
            aria-pressed={p.id === active}
            onClick={() => onApply(p.id)}
          >
            {p.label[lang]}
          </button>
        ))}
        <button
          type="button"
          className="button reset-button"
          onClick={onReset}
          title={t('card.resetLabel')}
        >
          {t('card.reset')}
        </button>
      </div>
      <p className="preset-note" aria-live="polite">
        {current && (
          <RichText
            as="span"
            text={current.note?.[lang] ?? t('card.presetApplied', { label: current.label[lang] })}
          />
        )}
      </p>
    </div>
  );
});
