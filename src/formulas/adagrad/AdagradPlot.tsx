import { useMemo } from 'react';
import { formatNumber } from '../../plots/formatNumber';
import type { PlotProps } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { ContourView, type ContourRun } from '../optimization/ContourView';
import { GapChart, StepChart, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { useContourHandle } from '../optimization/useContourHandle';
import { OPT_WORDS, adaptiveWhy, runNotice } from '../optimization/words';
import type { Run } from '../optimization/run';
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

/** One line per coordinate of AdaGrad's accumulators s or rates, and RMSprop's dashed beside them. */
function coordSeries(
  r: AdagradResult,
  field: 's' | 'rate',
  aw: (typeof ADAGRAD_WORDS)['en'],
): StepSeries[] {
  const list: StepSeries[] = [];
  const runs = [
    { id: 'a', name: aw.ada, run: r.ada, stroke: undefined },
    { id: 'r', name: aw.rms, run: r.rms, stroke: 'dashed' as const },
  ];
  for (const { id, name, run, stroke } of runs) {
    if (!run) continue;
    ([0, 1] as const).forEach((i) =>
      list.push({
        key: `${id}${i + 1}`,
        label: aw.coord(name, i),
        tone: i === 0 ? 'sym1' : 'sym4',
        ...(stroke ? { stroke } : {}),
        values: run[field][i],
      }),
    );
  }
  return list;
}

/** The runs on the surface, the accumulators and the effective rates per coordinate over the steps. */
export function AdagradPlot(props: PlotProps<AdagradResult, AdagradValues>) {
  const { values, result, lang } = props;
  const w = OPT_WORDS[lang];
  const aw = ADAGRAD_WORDS[lang];
  const r = result;
  const handle = useContourHandle(props);
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
  const sSeries = useMemo(() => coordSeries(r, 's', aw), [r, aw]);
  const rateSeries = useMemo(() => coordSeries(r, 'rate', aw), [r, aw]);
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
  const why = (run: Run, name: string) =>
    run.status === 'diverged' ? adaptiveWhy(name, r.lr, lang) : '';
  const notice =
    runNotice(r.ada.run, lang, why(r.ada.run, 'AdaGrad')) ??
    (r.rms ? runNotice(r.rms.run, lang, why(r.rms.run, 'RMSprop')) : null);
  return (
    <div className="opt-plot">
      <div className="opt-panels">
        <div>
          <ContourView
            {...handle}
            problem={r.problem}
            runs={runs}
            current={r.k}
            grad={r.g}
            next={r.next}
          />
        </div>
        <div>
          <GapChart series={lossSeries} steps={values.n} current={r.k} lang={lang} height={180} />
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
