import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type MouseEvent,
} from 'react';
import type { FormulaDef, ParamValue, Values } from './types';
import { useLang } from '../i18n';
import { Tex } from '../tex/Tex';
import { CodePanel } from './CodePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { ExportPanel } from './ExportPanel';
import { ParamControls } from './ParamControls';
import { PlotData, PlotFigure } from './PlotFigure';
import { Presets } from './Presets';
import { addPin, type Pin, type PinSlot } from './pins';
import { PinButton } from './PinGhosts';
import { createCardStore } from './store';
import { cardAnswer } from './answer';
import { GuessCover, PREDICT_OFF, PredictBar, PredictStart, type PredictMode } from './Predict';
import { useSettled } from './useSettled';
import { defaultValues, normalizeValues } from './values';
import { WorkedExample } from './WorkedExample';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

/** Props of `Card`. */
export interface CardProps {
  /** The declaration to render. */
  def: AnyDef;
  /** Starting values (e.g. parsed from the URL); defaults otherwise. */
  initialValues?: Values;
  /** Called after every change of the values (e.g. to write the URL). */
  onValuesChange?: (values: Values) => void;
  /** Pinned states to start with (e.g. parsed from the URL, src/ui/card/pins.ts). */
  initialPins?: readonly Pin[];
  /** Called after every pin and unpin (e.g. to write the URL). */
  onPinsChange?: (pins: readonly Pin[]) => void;
}

const NO_PINS: readonly Pin[] = [];

/** Shared by every card without presets, so `Presets` keeps equal props. */
const NO_PRESETS: readonly never[] = [];

/** The static formula; memoized so slider moves never re-render its KaTeX. */
const Formula = memo(function Formula({ tex }: { tex: string }) {
  const { t } = useLang();
  return (
    <div className="card-formula" role="group" aria-label={t('card.formula')} tabIndex={0}>
      <Tex tex={tex} display />
    </div>
  );
});

function CardBody({
  def,
  initialValues,
  onValuesChange,
  initialPins = NO_PINS,
  onPinsChange,
}: CardProps) {
  const { t, lang } = useLang();
  const [store] = useState(() =>
    createCardStore(def, {
      values: normalizeValues(def.params, initialValues ?? defaultValues(def.params)),
      preset: null,
      highlight: null,
    }),
  );
  // The plot and the controls follow the newest snapshot, in the frame of each input…
  const { state, outcome } = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    store.getSnapshot,
  );
  const { values, highlight, preset } = state;
  const live = useMemo(
    () => ({ values, result: outcome.ok ? outcome.result : null }),
    [values, outcome],
  );
  // …and what follows a drag (worked example, spoken summary, data table, URL) the
  // settled one: once the changes rest (see `useSettled`), so a drag never waits on it.
  const settled = useSettled(live);
  const dispatch = store.dispatch;

  useEffect(() => {
    onValuesChange?.(settled.values);
  }, [settled.values, onValuesChange]);

  const onSet = useCallback(
    (name: string, value: ParamValue, row?: number, col?: number) =>
      dispatch({ type: 'set', name, value, row, col }),
    [dispatch],
  );
  const setValue = useCallback(
    (name: string, value: ParamValue) => dispatch({ type: 'set', name, value, fromPlot: true }),
    [dispatch],
  );
  const setHighlight = useCallback(
    (name: string | null) => dispatch({ type: 'highlight', name }),
    [dispatch],
  );
  const onSymbol = useCallback(
    (slot: string | null) => {
      const p = slot === null ? undefined : def.params.find((q) => String(q.slot) === slot);
      dispatch({ type: 'highlight', name: p ? p.name : null });
    },
    [def, dispatch],
  );
  // Hover (or tap, on touch screens) a coloured symbol in the TeX to highlight its param.
  const onSymbolEvent = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest?.('[data-sym]');
    onSymbol(el ? el.getAttribute('data-sym') : null);
  };
  // Predict, then reveal: the result hidden until the student has guessed (not in the URL)
  const [predict, setPredict] = useState<PredictMode>(PREDICT_OFF);
  const predicting = predict.mode === 'predict';
  const predictStart = useRef<HTMLButtonElement>(null);
  const onPredict = useCallback(() => setPredict({ mode: 'predict' }), []);
  // the guess as typed or marked on the number line over the covered plot
  const [guessDraft, setGuessDraft] = useState('');
  const answer = useMemo(
    () =>
      predict.mode === 'off' || settled.result === null
        ? null
        : cardAnswer(def, settled.values, settled.result, lang),
    [predict.mode, def, settled, lang],
  );
  // Pin and compare: pins oldest first, each a ghost of the plot with a legend entry.
  const [pins, setPins] = useState<readonly Pin[]>(initialPins);
  const [pinStatus, setPinStatus] = useState('');
  const pinButton = useRef<HTMLButtonElement>(null);
  const pinsChanged = useRef(false);
  useEffect(() => {
    if (pinsChanged.current) onPinsChange?.(pins);
  }, [pins, onPinsChange]);
  const onPin = useCallback(() => {
    const snap = store.getSnapshot();
    if (!snap.outcome.ok) return;
    const { pins: next, change } = addPin(def.params, pins, snap.state.values, snap.outcome.result);
    pinsChanged.current = true;
    if (change.kind !== 'same') setPins(next);
    setPinStatus(t(`pin.${change.kind}`, { slot: change.slot }));
  }, [def, pins, store, t]);
  const onUnpin = useCallback(
    (slot: PinSlot) => {
      pinsChanged.current = true;
      setPins((ps) => ps.filter((p) => p.slot !== slot));
      setPinStatus(t('pin.removed', { slot }));
      pinButton.current?.focus();
    },
    [t],
  );
  const onShowPin = useCallback(
    (slot: PinSlot) => {
      const pin = pins.find((p) => p.slot === slot);
      if (pin) dispatch({ type: 'load', values: pin.values });
    },
    [pins, dispatch],
  );

  const onReset = useCallback(() => dispatch({ type: 'reset' }), [dispatch]);
  const onPreset = useCallback((id: string) => dispatch({ type: 'preset', id }), [dispatch]);

  const slot = def.params.find((p) => p.name === highlight)?.slot;

  return (
    <section
      className="card"
      aria-label={t('card.label')}
      data-hl={slot ?? undefined}
      data-highlight={highlight ?? undefined}
    >
      <div
        className="card-math"
        onMouseOver={onSymbolEvent}
        onClick={onSymbolEvent}
        onMouseLeave={() => onSymbol(null)}
      >
        <Formula tex={def.tex} />
        <div className="card-worked" role="group" aria-label={t('card.worked')} tabIndex={0}>
          <div className="card-worked-head">
            <h2 className="card-subhead">{t('card.worked')}</h2>
            {predict.mode === 'off' && (
              <PredictStart buttonRef={predictStart} onStart={onPredict} />
            )}
          </div>
          {outcome.ok ? (
            <WorkedExample
              def={def}
              values={settled.values}
              result={settled.result}
              lang={lang}
              hideFrom={predicting ? (answer?.hideFrom ?? -1) : undefined}
              hiddenLine={t('predict.hiddenLine')}
            />
          ) : (
            <p className="card-message" role="status">
              {t('card.computeError', { message: outcome.message })}
            </p>
          )}
        </div>
        <PredictBar
          state={predict}
          answer={outcome.ok ? answer : null}
          lang={lang}
          onChange={setPredict}
          text={guessDraft}
          onText={setGuessDraft}
          startRef={predictStart}
        />
      </div>
      <div className="card-main">
        {outcome.ok ? (
          <PlotFigure
            def={def}
            live={live}
            settled={settled}
            highlight={highlight}
            lang={lang}
            setHighlight={setHighlight}
            setValue={setValue}
            hidden={predicting}
            cover={
              predicting && answer ? (
                <GuessCover answer={answer} text={guessDraft} onText={setGuessDraft} lang={lang} />
              ) : null
            }
            pins={pins}
            onShowPin={onShowPin}
            onUnpin={onUnpin}
          />
        ) : (
          <div className="card-plot card-plot-empty" />
        )}
        <div className="card-controls" role="group" aria-label={t('card.controls')}>
          <h2 className="card-subhead">{t('card.controls')}</h2>
          <ParamControls
            params={def.params}
            values={values}
            lang={lang}
            highlight={highlight}
            onSet={onSet}
            onHighlight={setHighlight}
          />
          <Presets
            presets={def.presets ?? NO_PRESETS}
            lang={lang}
            active={preset}
            onApply={onPreset}
            onReset={onReset}
          />
          <PinButton onPin={onPin} status={pinStatus} buttonRef={pinButton} />
        </div>
        {outcome.ok && !predicting && <PlotData def={def} settled={settled} lang={lang} />}
      </div>
      {outcome.ok && !predicting && <ExportPanel def={def} settled={settled} lang={lang} />}
      {outcome.ok && !predicting && def.code && <CodePanel def={def} settled={settled} />}
    </section>
  );
}

/**
 * The live card of any `FormulaDef`: formula, worked example, plot with a data
 * table, sliders, presets and reset. One compute per change. A card that fails
 * to render shows a message and a reset button; the rest of the page lives on.
 */
export const Card = memo(function Card({
  def,
  initialValues,
  onValuesChange,
  initialPins,
  onPinsChange,
}: CardProps) {
  const { t } = useLang();
  const [generation, setGeneration] = useState(0);
  const [fresh, setFresh] = useState(false);
  return (
    <ErrorBoundary
      fallback={(_error, reset) => (
        <section className="card card-failed" aria-label={t('card.label')}>
          <p className="card-message" role="alert">
            {t('card.cardError')}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setFresh(true);
              setGeneration((g) => g + 1);
              reset();
            }}
          >
            {t('card.resetCard')}
          </button>
        </section>
      )}
    >
      <CardBody
        key={`${def.id}:${generation}`}
        def={def}
        initialValues={fresh ? undefined : initialValues}
        onValuesChange={onValuesChange}
        initialPins={fresh ? undefined : initialPins}
        onPinsChange={onPinsChange}
      />
    </ErrorBoundary>
  );
});
