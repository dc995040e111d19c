import { useMemo } from 'react';
import { cx, strokeClass, toneClass } from '../../plots/tones';
import type { PlotProps } from '../../ui/card/types';
import { bilingual } from '../../ui/i18n';
import { ContourView, type ContourRun } from '../optimization/ContourView';
import { GapChart, type StepSeries } from '../optimization/LossChart';
import { RunNotice } from '../optimization/RunNotice';
import { useContourHandle } from '../optimization/useContourHandle';
import {
  MAX_PINS,
  PIN_NAMES,
  pinValues,
  type RaceResult,
  type RaceRun,
  type RaceValues,
} from './model';
import { raceNotices } from './notices';
import '../optimization/optimization.css';
import './optimizers.css';

export const RACE_WORDS = bilingual({
  en: {
    pinned: (name: string, i: number) => `${name}, pin ${i}`,
    key: 'The runs',
    pin: (name: string) => `Pin ${name}`,
    pinShort: 'Pin',
    unpinShort: 'Unpin',
    unpin: (name: string) => `Unpin ${name}`,
    pinFull: `At most ${MAX_PINS} pins: unpin one first`,
    pinNote: 'A pinned run stays as a faint ghost while you change its settings.',
    none: 'Switch on at least one optimizer to start the race.',
  },
  'zh-TW': {
    pinned: (name, i) => `${name}（釘選 ${i}）`,
    key: '參賽的執行',
    pin: (name) => `釘選 ${name}`,
    pinShort: '釘選',
    unpinShort: '取消釘選',
    unpin: (name) => `取消釘選 ${name}`,
    pinFull: `最多釘選 ${MAX_PINS} 個：請先取消一個`,
    pinNote: '釘選的執行會以淡淡的殘影留著，讓你改變設定時可以比較。',
    none: '至少打開一個優化器，比賽才會開始。',
  },
});

/** The label of a run in the legends: its racer's name, and which pin it is. */
export function runLabel(r: RaceRun, lang: 'en' | 'zh-TW'): string {
  const name = r.racer.label[lang];
  return r.pin === null ? name : RACE_WORDS[lang].pinned(name, r.pin);
}

/** The race: every run over the contours, their losses per step on one log chart, a key with pin buttons. */
export function RacePlot(props: PlotProps<RaceResult, RaceValues>) {
  const { values, result, lang } = props;
  const rw = RACE_WORDS[lang];
  const { setValue } = props;
  const r = result;
  const handle = useContourHandle(props, { lr: 'sgdLr' });
  const runs = useMemo<ContourRun[]>(() => {
    // the first run sets the steps drawn: one that reached the last step, else the start alone
    const full = r.runs.findIndex((x) => x.run.points.length === r.n + 1);
    const order = full < 0 ? r.runs : [r.runs[full], ...r.runs.filter((_, i) => i !== full)];
    const list: ContourRun[] = order.map((x) => ({
      key: x.racer.id,
      points: x.run.points,
      tone: x.racer.tone,
      stroke: x.racer.stroke,
    }));
    if (full < 0)
      list.unshift({
        key: 'start',
        points: Array.from({ length: r.n + 1 }, () => r.start),
        tone: 'sym3',
      });
    for (const p of r.pins)
      list.push({
        key: `pin${p.pin}`,
        points: p.run.points,
        tone: p.racer.tone,
        stroke: p.racer.stroke,
        ghost: true,
      });
    return list;
  }, [r.runs, r.pins, r.n, r.start]);
  const series = useMemo<StepSeries[]>(
    () => [
      ...r.runs.map((x) => ({
        key: x.racer.id,
        label: runLabel(x, lang),
        tone: x.racer.tone,
        stroke: x.racer.stroke,
        values: x.gaps,
      })),
      ...r.pins.map((x) => ({
        key: `pin${x.pin}`,
        label: runLabel(x, lang),
        tone: x.racer.tone,
        stroke: x.racer.stroke,
        values: x.gaps,
        ghost: true,
      })),
    ],
    [r.runs, r.pins, lang],
  );
  const used = new Set(r.pins.map((p) => p.pin));
  const free = PIN_NAMES.findIndex((_, i) => !used.has(i + 1)) + 1;
  const pin = (x: RaceRun) => {
    if (free < 1) return;
    for (const [name, v] of Object.entries(pinValues(x.racer, values, free))) setValue(name, v);
  };
  const unpin = (slot: number) => setValue(PIN_NAMES[slot - 1], 0);
  const notices = raceNotices(r, lang);
  return (
    <div className="opt-plot race-plot">
      <ul className="opt-key race-key" aria-label={rw.key}>
        {r.runs.map((x) => (
          <li key={x.racer.id} className={cx(toneClass(x.racer.tone), strokeClass(x.racer.stroke))}>
            <span className="race-name">{x.racer.label[lang]}</span>
            <button
              type="button"
              className="button race-pin"
              aria-disabled={free < 1}
              title={free < 1 ? rw.pinFull : rw.pin(x.racer.label[lang])}
              aria-label={rw.pin(x.racer.label[lang])}
              onClick={() => pin(x)}
            >
              {rw.pinShort}
            </button>
          </li>
        ))}
        {r.pins.map((x) => (
          <li key={`pin${x.pin}`} className={cx(toneClass(x.racer.tone), 'is-ghost')}>
            <span className="race-name">{runLabel(x, lang)}</span>
            <button
              type="button"
              className="button race-pin"
              aria-pressed="true"
              aria-label={rw.unpin(runLabel(x, lang))}
              onClick={() => unpin(x.pin!)}
            >
              {rw.unpinShort}
            </button>
          </li>
        ))}
      </ul>
      <div className="opt-panels">
        <ContourView
          {...handle}
          problem={r.problem}
          runs={runs}
          current={r.k}
          grad={null}
          next={null}
        />
        <GapChart series={series} steps={values.n} current={r.k} lang={lang} height={260} />
      </div>
      {r.runs.length === 0 && <p className="opt-notice">{rw.none}</p>}
      {notices.length > 0 && (
        <div className="opt-notices">
          {notices.map((n) => (
            <p key={n.key} className={`opt-notice is-${n.kind}`} data-status={n.kind}>
              {n.text}
            </p>
          ))}
        </div>
      )}
      <RunNotice notice={null} clamped={r.clamped} lang={lang} />
    </div>
  );
}
