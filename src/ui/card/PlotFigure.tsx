import { useMemo } from 'react';
import type { FormulaDef, Lang, ParamValue, SubscribeLive, Values } from '../../formulas/types';
import { useLang } from '../i18n';
import { DataTable } from './DataTable';
import { ErrorBoundary } from './ErrorBoundary';
import { useAfterPaint } from './useAfterPaint';

/** Props of `PlotFigure`. */
export interface PlotFigureProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  values: Values;
  result: unknown;
  lang: Lang;
  highlight: string | null;
  setHighlight: (name: string | null) => void;
  setValue: (name: string, value: ParamValue) => void;
  subscribeLive: SubscribeLive<unknown>;
}

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

/** The page's plot as an image with a spoken summary, and its data as a table. */
export function PlotFigure({
  def,
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
  subscribeLive,
}: PlotFigureProps) {
  const { t } = useLang();
  const Plot = def.Plot;
  // The summary is spoken, not drawn: it follows the values once they settle.
  const shown = useAfterPaint(useMemo(() => ({ values, result }), [values, result]));
  const summary = useMemo(
    () => safe(() => def.summary(shown.values, shown.result, lang)),
    [def, shown, lang],
  );
  return (
    <figure className="card-plot">
      <div className="plot-image" role="img" aria-label={summary || t('card.plot')}>
        <ErrorBoundary
          resetKey={values}
          fallback={() => <p className="card-message">{t('card.cardError')}</p>}
        >
          <Plot
            values={values}
            result={result}
            lang={lang}
            highlight={highlight}
            setHighlight={setHighlight}
            setValue={setValue}
            subscribeLive={subscribeLive}
          />
        </ErrorBoundary>
      </div>
      <DataTable table={() => def.table(values, result, lang)} summary={t('card.showData')} />
    </figure>
  );
}
