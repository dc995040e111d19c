import { useCallback, useMemo } from 'react';
import type { Lang, PlotProps } from '../../ui/card/types';
import { ContourView } from '../optimization/ContourView';
import { CurveView } from '../optimization/CurveView';
import { GapChart, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { useContourHandle } from '../optimization/useContourHandle';
import { OPT_WORDS, runNotice } from '../optimization/words';
import type { GdResult, GdValues } from './model';
import { divergeWhy } from './words';
import '../optimization/optimization.css';

/** The landscape with the run on it, the loss per step beside it, and what the run's end means. */
export function GradientDescentPlot(props: PlotProps<GdResult, GdValues>) {
  const { values, result, lang, setValue } = props;
  const w = OPT_WORDS[lang];
  const { problem, run } = result;
  const onStart1 = useCallback((x: number) => setValue('x0', x), [setValue]);
  const handle = useContourHandle(props);
  const series = useMemo<StepSeries[]>(
    () => [{ key: 'gd', label: w.gap, tone: 'sym1', values: result.gaps }],
    [w, result.gaps],
  );
  const runs = useMemo(() => [{ key: 'gd', points: run.points, tone: 'sym1' as const }], [run]);
  const notice = runNotice(run, lang, run.status === 'diverged' ? divergeWhy(result, lang) : '');
  return (
    <div className="opt-plot">
      <div className="opt-panels">
        {problem.dim === 1 ? (
          <CurveView
            problem={problem}
            points={run.points}
            current={result.k}
            next={result.next?.[0] ?? null}
            {...handle}
            onStart={onStart1}
          />
        ) : (
          <ContourView
            {...handle}
            problem={problem}
            runs={runs}
            current={result.k}
            grad={result.grad}
            next={result.next}
          />
        )}
        <GapChart series={series} steps={values.n} current={result.k} lang={lang} />
      </div>
      <RunNotice notice={notice} clamped={result.startClamped} lang={lang as Lang} />
    </div>
  );
}
