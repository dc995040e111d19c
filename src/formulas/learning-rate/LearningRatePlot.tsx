import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../plots/formatNumber';
import type { Tone } from '../../plots/tones';
import type { PlotProps } from '../../ui/card/types';
import { CurveView } from '../optimization/CurveView';
import { StepChart, type StepRule, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { OPT_WORDS, runNotice } from '../optimization/words';
import type { LrResult, LrValues } from './model';
import { LR_WORDS } from './words';
import '../optimization/optimization.css';

/** The tone of each of the three runs, as the slots of η₁, η₂, η₃. */
export const RUN_TONES: readonly Tone[] = ['sym1', 'sym2', 'sym5'];

/** Three runs side by side on the same quadratic, their losses and their scheduled rates. */
export function LearningRatePlot({
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<LrResult, LrValues>) {
  const w = OPT_WORDS[lang];
  const lw = LR_WORDS[lang];
  const onStart = useCallback((x: number) => setValue('x0', x), [setValue]);
  const num = (x: number) => formatNumber(x, { digits: 3, notation: 'significant', lang });
  const losses = useMemo<StepSeries[]>(
    () =>
      result.runs.map((r, i) => ({
        key: `run${r.index}`,
        label: lw.series(r.index, formatNumber(r.lr, { digits: 3, notation: 'significant', lang })),
        tone: RUN_TONES[i],
        values: r.gaps,
      })),
    [result.runs, lw, lang],
  );
  const rates = useMemo<StepSeries[]>(
    () => losses.map((s, i) => ({ ...s, values: result.runs[i].rates })),
    [losses, result.runs],
  );
  const rules = useMemo<StepRule[]>(
    () => [
      {
        key: 'two',
        value: result.threshold,
        label: lw.threshold(num(result.threshold)),
        tone: 'emphasis',
      },
      {
        key: 'one',
        value: result.oscillation,
        label: lw.oscillation(num(result.oscillation)),
        tone: 'muted',
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [result.threshold, result.oscillation, lw, lang],
  );
  const k = values.k;
  const notice =
    result.runs
      .map((r) => {
        const n = runNotice(
          r.run,
          lang,
          r.run.status === 'diverged'
            ? result.config
              ? lw.whySchedule(r, lang, result.L)
              : lw.why(r, lang, result.L)
            : '',
        );
        return n && n.kind === 'diverged' ? n : null;
      })
      .find((n) => n !== null) ?? null;
  return (
    <div className="opt-plot">
      <div className="opt-panels is-triple">
        {result.runs.map((r, i) => (
          <div key={r.index} className="opt-small">
            <p className={`opt-panel-title tone-${RUN_TONES[i]}`}>
              {lw.panel(r.index, num(r.lr), lw.regime[r.regime])}
            </p>
            <CurveView
              problem={result.problem}
              points={r.run.points}
              current={k}
              next={r.next}
              lang={lang}
              onStart={onStart}
              highlight={highlight}
              setHighlight={setHighlight}
              startName="x0"
              lrName={`lr${r.index}`}
              height={200}
              minWidth={200}
              tone={RUN_TONES[i]}
            />
          </div>
        ))}
      </div>
      <div className="opt-panels">
        <StepChart series={losses} steps={values.n} current={k} xLabel={w.step} yLabel={w.gap} />
        <StepChart
          series={rates}
          steps={values.n}
          current={k}
          xLabel={w.step}
          yLabel={lw.rateAxis}
          whole
          rules={rules}
        />
      </div>
      <RunNotice notice={notice} clamped={result.startClamped} lang={lang} />
    </div>
  );
}
