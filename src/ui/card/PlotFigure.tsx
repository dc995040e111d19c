import { memo, useMemo, useSyncExternalStore } from 'react';
import type { FormulaDef, Lang, ParamValue, Values } from './types';
import { useLang } from '../i18n';
import { DataTable } from './DataTable';
import { ErrorBoundary } from './ErrorBoundary';
import type { CardStore } from './store';
import { useAfterPaint } from './useAfterPaint';

/** Props of `PlotFigure`. */
export interface PlotFigureProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  /** The card's store: the plot itself follows its live snapshot. */
  store: CardStore;
  /** The values and result the summary and the data table follow. */
  values: Values;
  result: unknown;
  lang: Lang;
  setHighlight: (name: string | null) => void;
  setValue: (name: string, value: ParamValue) => void;
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

/**
 * The plot, following the store's live snapshot: on a slider tick it is the only
 * part of the card React renders before the frame (when the plot does not draw
 * the tick itself).
 */
const LivePlot = memo(function LivePlot({
  def,
  store,
  lang,
  setHighlight,
  setValue,
}: Omit<PlotFigureProps, 'values' | 'result'>) {
  const { t } = useLang();
  const { state, outcome } = useSyncExternalStore(store.subscribeLiveSnapshot, store.getLive);
  if (!outcome.ok) return null;
  const Plot = def.Plot;
  return (
    <ErrorBoundary
      resetKey={state.values}
      fallback={() => <p className="card-message">{t('card.cardError')}</p>}
    >
      <Plot
        values={state.values}
        result={outcome.result}
        lang={lang}
        highlight={state.highlight}
        setHighlight={setHighlight}
        setValue={setValue}
        subscribeLive={store.subscribeLive}
      />
    </ErrorBoundary>
  );
});

/** The page's plot as an image with a spoken summary, and its data as a table. */
export function PlotFigure({
  def,
  store,
  values,
  result,
  lang,
  setHighlight,
  setValue,
}: PlotFigureProps) {
  const { t } = useLang();
  // The summary is spoken, not drawn: it follows the values once they settle.
  const shown = useAfterPaint(useMemo(() => ({ values, result }), [values, result]));
  const summary = useMemo(
    () => safe(() => def.summary(shown.values, shown.result, lang)),
    [def, shown, lang],
  );
  return (
    <figure className="card-plot">
      <div className="plot-image" role="img" aria-label={summary || t('card.plot')}>
        <LivePlot
          def={def}
          store={store}
          lang={lang}
          setHighlight={setHighlight}
          setValue={setValue}
        />
      </div>
      <DataTable table={() => def.table(values, result, lang)} summary={t('card.showData')} />
    </figure>
  );
}
