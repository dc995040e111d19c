import { memo, useCallback, useMemo } from 'react';
import type { FormulaDef, Lang, ParamValue, Values } from './types';
import { useLang } from '../i18n';
import { DataTable } from './DataTable';
import { ErrorBoundary } from './ErrorBoundary';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

/** Values and the result computed from them. */
export interface Computed {
  values: Values;
  result: unknown;
}

/** Props of `PlotFigure`. */
export interface PlotFigureProps {
  def: AnyDef;
  /** What the plot draws: the newest values. */
  live: Computed;
  /** What the spoken summary and the data table follow: the settled values. */
  settled: Computed;
  highlight: string | null;
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

/** The page's plot, rendered by React from the newest values. */
const Plot = memo(function Plot({
  def,
  live,
  highlight,
  lang,
  setHighlight,
  setValue,
}: Omit<PlotFigureProps, 'settled'>) {
  const { t } = useLang();
  const PagePlot = def.Plot;
  return (
    <ErrorBoundary
      resetKey={live.values}
      fallback={() => <p className="card-message">{t('card.cardError')}</p>}
    >
      <PagePlot
        values={live.values}
        result={live.result}
        lang={lang}
        highlight={highlight}
        setHighlight={setHighlight}
        setValue={setValue}
      />
    </ErrorBoundary>
  );
});

/** The page's plot as an image with a spoken summary, and its data as a table. */
export function PlotFigure({ settled, ...plot }: PlotFigureProps) {
  const { t } = useLang();
  const { def, lang } = plot;
  const summary = useMemo(
    () => safe(() => def.summary(settled.values, settled.result, lang)),
    [def, settled, lang],
  );
  const table = useCallback(
    () => def.table(settled.values, settled.result, lang),
    [def, settled, lang],
  );
  return (
    <figure className="card-plot">
      <div
        className="plot-image"
        role={def.interactivePlot ? 'group' : 'img'}
        aria-label={summary || t('card.plot')}
      >
        <Plot {...plot} />
      </div>
      <DataTable table={table} summary={t('card.showData')} />
    </figure>
  );
}
