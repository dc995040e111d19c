import { memo, useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { CardAnswer, Lang } from './types';
import { useLang } from '../i18n';
import { formatNumber } from '../../plots/formatNumber';
import { Tex } from '../tex/Tex';
import { guessError, parseGuess, texToPlain } from './answer';
import { GuessRuler } from './GuessRuler';
import { guessRange, guessText, revealSpan, type Span } from './guessScale';

/**
 * "Predict, then reveal" of a card: off (the card as usual), predicting (the result hidden, a
 * guess field shown) or revealed (the guess beside the truth, with the error). Not in the URL:
 * a link opens the card as usual.
 */
export type PredictMode =
  { mode: 'off' } | { mode: 'predict' } | { mode: 'reveal'; guess: number | null };

/** The card starts with nothing hidden. */
export const PREDICT_OFF: PredictMode = { mode: 'off' };

/** A number of the sentence, with its unit. */
function withUnit(text: string, unit: string | undefined): string {
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** The reveal sentence: the guess, the answer and how far apart they are, in words. */
export function revealSentence(
  t: ReturnType<typeof useLang>['t'],
  lang: Lang,
  answer: CardAnswer | null,
  guess: number | null,
): string {
  if (!answer) return t('predict.none');
  const num = (x: number, digits: number) =>
    formatNumber(x, { digits, notation: 'significant', lang });
  const truth = withUnit(num(answer.value, answer.digits ?? 3), answer.unit);
  if (guess === null) return t('predict.noGuess', { answer: truth });
  const mine = withUnit(num(guess, 6), answer.unit);
  if (!Number.isFinite(answer.value)) return t('predict.infinite', { guess: mine, answer: truth });
  const { absolute, relative } = guessError(guess, answer.value);
  if (absolute === 0) return t('predict.exact', { guess: mine, answer: truth });
  const error = withUnit(num(absolute, 2), answer.unit === '%' ? undefined : answer.unit);
  const off = answer.unit === '%' ? t('predict.points', { error }) : error;
  if (relative === null)
    return t('predict.resultNoRelative', { guess: mine, answer: truth, error: off });
  return t('predict.result', {
    guess: mine,
    answer: truth,
    error: off,
    relative: `${num(relative * 100, 2)}%`,
  });
}

/** Where the label's TeX goes in a sentence of either language. */
const SLOT = '\u0000';

/** A sentence with TeX in its slot ("Your guess for $p_3$", "你對 $p_3$ 的猜測"). */
function TexLabel({ template, tex }: { template: string; tex: string }) {
  const [before = '', after = ''] = template.split(SLOT);
  return (
    <>
      {before}
      <Tex tex={tex} />
      {after}
    </>
  );
}

/** The number line's words, in the card's language. */
export const rulerWords = (t: ReturnType<typeof useLang>['t']) => ({
  guess: t('predict.rulerGuess'),
  answer: t('predict.rulerAnswer'),
  none: t('predict.rulerNone'),
});

/** Props of `GuessCover`. */
export interface GuessCoverProps {
  answer: CardAnswer;
  text: string;
  onText: (text: string) => void;
  lang: Lang;
}

/**
 * While predicting, on the covered plot: the number line on which the student marks a guess,
 * written into the guess field as it moves (and moved by what is typed there).
 */
export function GuessCover({ answer, text, onText, lang }: GuessCoverProps) {
  const { t } = useLang();
  const span: Span = guessRange(answer);
  const typed = parseGuess(text);
  return (
    <div className="guess-cover">
      <p className="guess-cover-hint">{t('predict.rulerHint')}</p>
      <GuessRuler
        span={span}
        guess={typed}
        onGuess={(x) => onText(guessText(x, span))}
        label={t('predict.rulerLabel', { label: answer.label })}
        words={rulerWords(t)}
        unit={answer.unit}
        lang={lang}
      />
    </div>
  );
}

/** Props of `PredictBar`. */
export interface PredictBarProps {
  state: PredictMode;
  /** The answer at the card's settled values (computed only while predicting or revealed). */
  answer: CardAnswer | null;
  lang: Lang;
  onChange: (state: PredictMode) => void;
  /** The guess as typed, or as the number line wrote it (the card holds it for both). */
  text: string;
  onText: (text: string) => void;
  /** The "Predict" button (`PredictStart`), focused when the card goes back to off. */
  startRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The card's "Predict" button, in the worked example's heading row so that the card is no
 * taller for it; while predicting and revealed, `PredictBar` takes over under the worked example.
 */
export function PredictStart({
  buttonRef,
  onStart,
}: {
  buttonRef: RefObject<HTMLButtonElement | null>;
  onStart: () => void;
}) {
  const { t } = useLang();
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button predict-start"
      title={t('predict.startLabel')}
      onClick={onStart}
    >
      {t('predict.start')}
    </button>
  );
}

/**
 * While predicting, the guess field (Enter reveals), then the sentence that compares the guess
 * with the answer, "Try again" and "Done"; nothing while the card is off.
 */
export const PredictBar = memo(function PredictBar({
  state,
  answer,
  lang,
  onChange,
  text,
  onText: setText,
  startRef,
}: PredictBarProps) {
  const { t } = useLang();
  const id = useId();
  const [bad, setBad] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  // focus follows the step (the control pressed leaves the page), never on the first render
  const seen = useRef(state.mode);
  useEffect(() => {
    if (seen.current === state.mode) return;
    seen.current = state.mode;
    const el =
      state.mode === 'predict'
        ? inputRef.current
        : state.mode === 'reveal'
          ? retryRef.current
          : startRef.current;
    el?.focus();
  }, [state.mode, startRef]);

  const onReveal = (e: FormEvent) => {
    e.preventDefault();
    const raw = text.trim();
    if (raw === '') {
      setBad(null);
      onChange({ mode: 'reveal', guess: null });
      return;
    }
    const guess = parseGuess(raw);
    if (guess === null) {
      setBad(t('predict.notNumber', { input: raw.length > 24 ? `${raw.slice(0, 24)}…` : raw }));
      return;
    }
    setBad(null);
    onChange({ mode: 'reveal', guess });
  };
  const retry = () => {
    setText('');
    setBad(null);
    onChange({ mode: 'predict' });
  };

  const status =
    state.mode === 'reveal'
      ? revealSentence(t, lang, answer, state.guess)
      : state.mode === 'predict'
        ? (bad ?? '')
        : '';
  const label = answer?.label ?? '';
  if (state.mode === 'off') return null;
  return (
    <div className="card-predict" data-mode={state.mode}>
      {state.mode === 'predict' && (
        <form className="predict-form" onSubmit={onReveal} noValidate>
          <label className="predict-label" htmlFor={`${id}-guess`}>
            {answer?.tex && texToPlain(answer.tex) === label ? (
              <TexLabel template={t('predict.guessFor', { label: SLOT })} tex={answer.tex} />
            ) : (
              t('predict.guessFor', { label })
            )}
          </label>
          <input
            ref={inputRef}
            id={`${id}-guess`}
            className="predict-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-label={t('predict.guessFor', { label })}
            aria-invalid={bad !== null}
            aria-describedby={`${id}-status ${id}-hint`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (bad !== null) setBad(null);
            }}
          />
          <button type="submit" className="button predict-reveal">
            {t('predict.reveal')}
          </button>
          <button type="button" className="button" onClick={() => onChange({ mode: 'off' })}>
            {t('predict.cancel')}
          </button>
          <p className="predict-hint" id={`${id}-hint`}>
            {t('predict.hint')}
          </p>
        </form>
      )}
      {/* the live region appears with the field, before anything is said in it */}
      <p
        className="predict-status"
        id={`${id}-status`}
        role="status"
        data-bad={bad !== null && state.mode === 'predict' ? '' : undefined}
      >
        {status}
      </p>
      {state.mode === 'reveal' && answer && Number.isFinite(answer.value) && (
        <GuessRuler
          span={revealSpan(guessRange(answer), state.guess, answer.value)}
          guess={state.guess}
          answer={answer.value}
          answerDigits={answer.digits}
          label={t('predict.rulerLabel', { label })}
          words={rulerWords(t)}
          unit={answer.unit}
          lang={lang}
        />
      )}
      {state.mode === 'reveal' && (
        <div className="predict-actions">
          <button ref={retryRef} type="button" className="button" onClick={retry}>
            {t('predict.retry')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setText('');
              onChange({ mode: 'off' });
            }}
          >
            {t('predict.done')}
          </button>
        </div>
      )}
    </div>
  );
});
