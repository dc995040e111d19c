import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../plots/formatNumber';
import type { PlotProps } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { ContourView, type ContourRun } from '../optimization/ContourView';
import { StepChart, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { OPT_WORDS, runNotice } from '../optimization/words';
import type { AdagradResult, AdagradValues } from './model';
import '../optimization/optimization.css';

export const ADAGRAD_WORDS = bilingual({
  en: {
    ada: 'AdaGrad',
    rms: 'RMSprop',
    sgd: 'plain SGD, same η',
    sAxis: 'accumulator s (log scale)',
    rateAxis: 'effective rate η/√s (log scale)',
    coord: (name: string, i: number) => `${name} θ${i === 0 ? '₁' : '₂'}`,
    loss: 'loss',
    sgdDiverged: (t: string) =>
      `Plain SGD at this η diverges: the steep direction needs η < 2/L = ${t}. AdaGrad’s per-coordinate rates keep its own run stable.`,
  },
  'zh-TW': {
    ada: 'AdaGrad',
    rms: 'RMSprop',
    sgd: '一般的 SGD，同樣的 η',
    sAxis: '累積量 s（對數刻度）',
    rateAxis: '有效學習率 η/√s（對數刻度）',
    coord: (name, i) => `${name} θ${i === 0 ? '₁' : '₂'}`,
    loss: '損失',
    sgdDiverged: (t) =>
      `一般的 SGD 在這個 η 下發散了：陡的方向需要 η < 2/L = ${t}。AdaGrad 為每個座標各自調整學習率，讓自己的執行保持穩定。`,
  },
});

/** The runs on the surface, the accumulators and the effective rates per coordinate over the steps. */
export function AdagradPlot({
  values,
  result,
  lang,
  highlight,
  setHighlight,
  setValue,
}: PlotProps<AdagradResult, AdagradValues>) {
  const w = OPT_WORDS[lang];
  const aw = ADAGRAD_WORDS[lang];
  const r = result;
  const onStart = useCallback(
    (a: number, b: number) => {
      setValue('x0', a);
      setValue('y0', b);
    },
    [setValue],
  );
  const runs = useMemo<ContourRun[]>(() => {
    const list: ContourRun[] = [{ key: 'ada', points: r.ada.run.points, tone: 'sym1' }];
    if (r.rms) list.push({ key: 'rms', points: r.rms.run.points, tone: 'sym5' });
    // a diverging SGD run is drawn until it leaves the window (its loss chart shows the rest)
    const [x0, x1] = r.problem.x;
    const [y0, y1] = r.problem.y;
    const out = r.sgd.points.findIndex((p) => p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1);
    const sgd = out < 0 ? r.sgd.points : r.sgd.points.slice(0, out + 1);
    list.push({ key: 'sgd', points: sgd, tone: 'sym8' });
    return list;
  }, [r.ada, r.rms, r.sgd, r.problem]);
  const sSeries = useMemo<StepSeries[]>(() => {
    const list: StepSeries[] = [
      { key: 'a1', label: aw.coord(aw.ada, 0), tone: 'sym1', values: r.ada.s[0] },
      { key: 'a2', label: aw.coord(aw.ada, 1), tone: 'sym4', values: r.ada.s[1] },
    ];
    if (r.rms)
      list.push(
        {
          key: 'r1',
          label: aw.coord(aw.rms, 0),
          tone: 'sym1',
          stroke: 'dashed',
          values: r.rms.s[0],
        },
        {
          key: 'r2',
          label: aw.coord(aw.rms, 1),
          tone: 'sym4',
          stroke: 'dashed',
          values: r.rms.s[1],
        },
      );
    return list;
  }, [r.ada, r.rms, aw]);
  const rateSeries = useMemo<StepSeries[]>(() => {
    const list: StepSeries[] = [
      { key: 'a1', label: aw.coord(aw.ada, 0), tone: 'sym1', values: r.ada.rate[0] },
      { key: 'a2', label: aw.coord(aw.ada, 1), tone: 'sym4', values: r.ada.rate[1] },
    ];
    if (r.rms)
      list.push(
        {
          key: 'r1',
          label: aw.coord(aw.rms, 0),
          tone: 'sym1',
          stroke: 'dashed',
          values: r.rms.rate[0],
        },
        {
          key: 'r2',
          label: aw.coord(aw.rms, 1),
          tone: 'sym4',
          stroke: 'dashed',
          values: r.rms.rate[1],
        },
      );
    return list;
  }, [r.ada, r.rms, aw]);
  const lossSeries = useMemo<StepSeries[]>(() => {
    const list: StepSeries[] = [{ key: 'ada', label: aw.ada, tone: 'sym1', values: r.ada.gaps }];
    if (r.rms) list.push({ key: 'rms', label: aw.rms, tone: 'sym5', values: r.rms.gaps });
    list.push({
      key: 'sgd',
      label: aw.sgd,
      tone: 'sym8',
      values: r.sgd.losses.map((l) => l - r.problem.fMin),
    });
    return list;
  }, [r.ada, r.rms, r.sgd, r.problem, aw]);
  const kk = Math.max(0, r.k - 1);
  const notice = runNotice(r.ada.run, lang) ?? (r.rms ? runNotice(r.rms.run, lang) : null);
  return (
    <div className="opt-plot">
      <div className="opt-panels">
        <div>
          <ContourView
            problem={r.problem}
            runs={runs}
            current={r.k}
            grad={r.g}
            next={r.next}
            lang={lang}
            onStart={onStart}
            highlight={highlight}
            setHighlight={setHighlight}
            startName="x0"
            lrName="lr"
          />
        </div>
        <div>
          <StepChart
            series={lossSeries}
            steps={values.n}
            current={r.k}
            xLabel={w.step}
            yLabel={w.gap}
            height={180}
          />
          <StepChart
            series={sSeries}
            steps={values.n}
            current={kk}
            xLabel={w.step}
            yLabel={aw.sAxis}
            height={180}
          />
          <StepChart
            series={rateSeries}
            steps={values.n}
            current={kk}
            xLabel={w.step}
            yLabel={aw.rateAxis}
            height={180}
          />
        </div>
      </div>
      <RunNotice notice={notice} lang={lang} />
      {r.sgd.status === 'diverged' && (
        <p className="opt-notice is-diverged">
          {aw.sgdDiverged(
            formatNumber(2 / r.problem.curvature, { digits: 3, notation: 'significant', lang }),
          )}
        </p>
      )}
    </div>
  );
}
