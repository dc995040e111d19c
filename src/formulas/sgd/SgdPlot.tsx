import { useMemo } from 'react';
import { formatFixed } from '../../plots/formatNumber';
import type { PlotProps } from '../../ui/card/types';
import { ContourView, type ContourArrow, type ContourRun } from '../optimization/ContourView';
import { GapChart, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { useContourHandle } from '../optimization/useContourHandle';
import { runNotice, sgdWhy } from '../optimization/words';
import { DataView } from './DataView';
import type { SgdResult, SgdValues } from './model';
import { SGD_WORDS } from './words';
import '../optimization/optimization.css';
import './sgd.css';

/** Share of the surface's width the longer of the two gradient arrows spans. */
const ARROW_SHARE = 0.2;

/** The arrows at the current point: −g_B and −∇L on one scale, and the momentum step. */
export function sgdArrows(r: SgdResult): ContourArrow[] {
  const span = r.problem.x[1] - r.problem.x[0];
  const longest = Math.max(Math.hypot(...r.batchGrad), Math.hypot(...r.fullGrad));
  if (!(longest > 0) || !Number.isFinite(longest)) return [];
  const c = (ARROW_SHARE * span) / longest;
  const out: ContourArrow[] = [
    { key: 'full', vector: r.fullGrad.map((g) => -c * g), tone: 'sym4' },
    { key: 'batch', vector: r.batchGrad.map((g) => -c * g), tone: 'sym5' },
  ];
  if (r.velocityNext)
    out.push({
      key: 'v',
      vector: r.velocityNext.map((v) => -r.lr * v),
      tone: 'sym6',
      dashed: true,
    });
  return out;
}

/** The loss surface over (w, b) with the runs, the data with its batch, and the loss per step. */
export function SgdPlot(props: PlotProps<SgdResult, SgdValues>) {
  const { values, result, lang } = props;
  const sw = SGD_WORDS[lang];
  const r = result;
  const handle = useContourHandle(props, { x: 'w0', y: 'b0' });
  const runs = useMemo<ContourRun[]>(() => {
    const list: ContourRun[] = [{ key: 'sgd', points: r.run.points, tone: 'sym1' }];
    if (r.plain) list.push({ key: 'plain', points: r.plain.points, tone: 'sym8' });
    return list;
  }, [r.run, r.plain]);
  const series = useMemo<StepSeries[]>(() => {
    const list: StepSeries[] = [{ key: 'sgd', label: sw.sgd(r.B), tone: 'sym1', values: r.gaps }];
    if (r.plainGaps)
      list.push({ key: 'plain', label: sw.plain, tone: 'sym8', values: r.plainGaps });
    return list;
  }, [r.gaps, r.plainGaps, r.B, sw]);
  const arrows = sgdArrows(r);
  const notice = runNotice(
    r.run,
    lang,
    r.run.status === 'diverged' ? sgdWhy(r, r.data.x.length, lang) : '',
  );
  const legend = [
    { key: 'batch', tone: 'sym5', text: sw.batchArrow },
    { key: 'full', tone: 'sym4', text: sw.fullArrow },
    ...(r.velocityNext ? [{ key: 'v', tone: 'sym6', text: sw.velocity, dashed: true }] : []),
  ];
  return (
    <div className="opt-plot">
      <div className="opt-panels">
        <div>
          <ContourView
            {...handle}
            problem={r.problem}
            runs={runs}
            current={r.k}
            grad={null}
            next={r.next}
            arrows={arrows}
            axes={[sw.w, sw.b]}
          />
          <ul className="opt-key" aria-hidden="true">
            {legend.map((l) => (
              <li key={l.key} className={`tone-${l.tone}${l.dashed ? ' is-dashed' : ''}`}>
                {l.text}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <DataView
            data={r.data}
            batch={r.batch}
            w={r.theta[0]}
            b={r.theta[1]}
            best={r.problem.argMin as [number, number]}
            xLabel={sw.x}
            yLabel={sw.y}
          />
          <ul className="opt-key" aria-hidden="true">
            <li className="tone-sym5 is-dot">{sw.batchPoints}</li>
            <li className="tone-sym1">{sw.fitLine}</li>
            <li className="tone-muted is-dashed">{sw.bestLine}</li>
          </ul>
          <GapChart series={series} steps={values.n} current={r.k} lang={lang} />
        </div>
      </div>
      <p className="opt-note">
        {sw.noise(formatFixed(r.angle, 0, lang), formatFixed(r.noise * 100, 0, lang))}
      </p>
      <RunNotice notice={notice} lang={lang} />
      {r.nesterovIgnored && <p className="opt-notice">{sw.nesterovIgnored}</p>}
    </div>
  );
}
