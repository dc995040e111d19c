import { useMemo } from 'react';
import { formatNumber } from '../../plots/formatNumber';
import type { PlotProps } from '../../ui/card/types';
import { ContourView, type ContourRun } from '../optimization/ContourView';
import { GapChart, StepChart, type StepRule, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { useContourHandle } from '../optimization/useContourHandle';
import { OPT_WORDS, adaptiveWhy, runNotice } from '../optimization/words';
import type { AdamResult, AdamValues } from './model';
import { ADAM_WORDS } from './words';
import '../optimization/optimization.css';

/** The ratio of the uncorrected first step to the corrected one, per coordinate (g ≠ 0). */
export function firstStepRatio(b1: number, b2: number): number {
  return (1 - b1) / Math.sqrt(1 - b2);
}

/** The surface with the Adam run, its loss beside plain GD, and each coordinate's step size. */
export function AdamPlot(props: PlotProps<AdamResult, AdamValues>) {
  const { values, result, lang } = props;
  const w = OPT_WORDS[lang];
  const aw = ADAM_WORDS[lang];
  const r = result;
  const handle = useContourHandle(props);
  const runs = useMemo<ContourRun[]>(
    () => [{ key: 'adam', points: r.run.points, tone: 'sym1' }],
    [r.run],
  );
  const losses = useMemo<StepSeries[]>(
    () => [
      { key: 'adam', label: aw.adam(r.adamw, r.bias), tone: 'sym1', values: r.gaps },
      { key: 'plain', label: aw.plain, tone: 'sym8', values: r.plainGaps, stroke: 'dashed' },
    ],
    [r.gaps, r.plainGaps, r.adamw, r.bias, aw],
  );
  const steps = useMemo<StepSeries[]>(
    () => [
      { key: 'c1', label: aw.coord(0), tone: 'sym1', values: r.effective[0] },
      { key: 'c2', label: aw.coord(1), tone: 'sym4', values: r.effective[1] },
    ],
    [r.effective, aw],
  );
  const rules = useMemo<StepRule[]>(
    () => [
      {
        key: 'lr',
        value: r.lr,
        label: `${aw.lrRule} = ${formatNumber(r.lr, { digits: 3, notation: 'significant', lang })}`,
        tone: 'sym2',
      },
    ],
    [r.lr, aw, lang],
  );
  const notice = runNotice(
    r.run,
    lang,
    r.run.status === 'diverged' ? adaptiveWhy(r.adamw ? 'AdamW' : 'Adam', r.lr, lang) : '',
  );
  const ratio = firstStepRatio(r.b1, r.b2);
  return (
    <div className="opt-plot">
      <div className="opt-panels">
        <ContourView
          {...handle}
          problem={r.problem}
          runs={runs}
          current={r.k}
          grad={r.run.grads[r.k]}
          next={r.next}
        />
        <div>
          <GapChart series={losses} steps={values.n} current={r.k} lang={lang} height={210} />
          <StepChart
            series={steps}
            steps={values.n}
            current={r.k}
            xLabel={w.step}
            yLabel={aw.effAxis}
            rules={rules}
            height={210}
          />
        </div>
      </div>
      {!r.bias && Math.abs(ratio - 1) > 0.01 && (
        <p className="opt-note">
          {aw.first(formatNumber(ratio, { digits: 3, notation: 'significant', lang }))}
        </p>
      )}
      <RunNotice notice={notice} clamped={r.startClamped} lang={lang} />
    </div>
  );
}
