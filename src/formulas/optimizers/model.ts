import type { OptimizerConfig } from '../../math';
import { symTone, type StrokeStyle, type Tone } from '../../plots/tones';
import type { Bilingual, Param, SymbolSlot, ValuesOf } from '../../ui/card/types';
import { defineParams } from '../../ui/card/types';
import { SURFACES, pick, problemOptions, type Problem } from '../optimization/problems';
import { clamp, gapsOf, runOptimizer, startIn, type Run } from '../optimization/run';
import { startParams, stepsParams } from '../optimization/params';

/** The seven optimizers of the race, in the order of their controls and legend. */
export const RACER_IDS = ['sgd', 'mom', 'nag', 'ada', 'rms', 'adam', 'adamw'] as const;
export type RacerId = (typeof RACER_IDS)[number];

/** A hyper-parameter of a racer besides its learning rate (μ, α, β₁, β₂, λ). */
interface Hyper {
  /** Suffix of its param name: `momMu`, `adamB1`. */
  suffix: string;
  tex: string;
  label: Bilingual;
  min: number;
  max: number;
  step: number;
  default: number;
}

/** One optimizer of the race: its name, colour, controls and its `minimize` config. */
export interface Racer {
  id: RacerId;
  label: Bilingual;
  /** Colour slot of its switch, its sliders, its trajectory and its loss line. */
  slot: SymbolSlot;
  tone: Tone;
  stroke: StrokeStyle;
  lr: { default: number; min: number; max: number };
  hypers: readonly Hyper[];
  /** The config of `minimize` for a learning rate and the hyper-parameters in `hypers` order. */
  config: (lr: number, h: readonly number[]) => OptimizerConfig;
}

/** A hyper-parameter's control: its name suffix, symbol, label, range, slider step and default. */
function hyper(
  suffix: string,
  tex: string,
  [en, zh]: readonly [string, string],
  [min, max, step]: readonly [number, number, number],
  initial: number,
): Hyper {
  return { suffix, tex, label: { en, 'zh-TW': zh }, min, max, step, default: initial };
}

const MU = (d: number, min: number) =>
  hyper('Mu', '\\mu', ['momentum μ', '動量 μ'], [min, 0.99, 0.01], d);
const B1 = hyper('B1', '\\beta_1', ['β₁ (first moment)', 'β₁（一階動差）'], [0, 0.999, 0.001], 0.9);
const B2 = hyper(
  'B2',
  '\\beta_2',
  ['β₂ (second moment)', 'β₂（二階動差）'],
  [0.5, 0.9999, 0.0001],
  0.999,
);

/**
 * A racer: its id and name, its colour slot (its tone is that slot's), its stroke, its default
 * learning rate (every racer's slider spans 0.001…3), its hyper-parameters and its config.
 */
function racer(
  id: RacerId,
  [en, zh]: readonly [string, string],
  slot: SymbolSlot,
  stroke: StrokeStyle,
  lr: number,
  hypers: readonly Hyper[],
  config: Racer['config'],
): Racer {
  const tone = symTone(slot);
  return {
    id,
    label: { en, 'zh-TW': zh },
    slot,
    tone,
    stroke,
    lr: { default: lr, min: 0.001, max: 3 },
    hypers,
    config,
  };
}

/** The racers. Slot 3 is the start θ₀'s (the handle on the plot), so no racer has it. */
export const RACERS: readonly Racer[] = [
  racer('sgd', ['SGD', 'SGD'], 1, 'solid', 0.1, [], (lr) => ({ name: 'sgd', lr })),
  racer('mom', ['momentum', '動量'], 2, 'dashed', 0.05, [MU(0.7, 0)], (lr, [mu]) => ({
    name: 'sgd',
    lr,
    momentum: mu,
  })),
  racer('nag', ['Nesterov', 'Nesterov'], 4, 'dotted', 0.05, [MU(0.7, 0.01)], (lr, [mu]) => ({
    name: 'sgd',
    lr,
    momentum: Math.max(0.01, mu),
    nesterov: true,
  })),
  racer('ada', ['AdaGrad', 'AdaGrad'], 5, 'solid', 0.5, [], (lr) => ({ name: 'adagrad', lr })),
  racer(
    'rms',
    ['RMSprop', 'RMSprop'],
    6,
    'dashed',
    0.02,
    [hyper('A', '\\alpha', ['decay α', '衰減 α'], [0, 0.999, 0.001], 0.99)],
    (lr, [alpha]) => ({ name: 'rmsprop', lr, alpha }),
  ),
  racer('adam', ['Adam', 'Adam'], 7, 'solid', 0.1, [B1, B2], (lr, [beta1, beta2]) => ({
    name: 'adam',
    lr,
    beta1,
    beta2,
  })),
  racer(
    'adamw',
    ['AdamW', 'AdamW'],
    8,
    'dashed',
    0.1,
    [B1, B2, hyper('Wd', '\\lambda', ['weight decay λ', '權重衰減 λ'], [0, 1, 0.01], 0.1)],
    (lr, [beta1, beta2, weightDecay]) => ({ name: 'adamw', lr, beta1, beta2, weightDecay }),
  ),
];

/** The most pinned runs kept at once. */
export const MAX_PINS = 2;
/** Names of a pin's params: which racer (0 none, 1…7), its rate, up to three hyper-parameters, its start. */
export const PIN_FIELDS = ['', 'Lr', 'A', 'B', 'C', 'X', 'Y'] as const;
export const PIN_NAMES = ['p1', 'p2'] as const;

function racerParams(r: Racer): Param[] {
  const out: Param[] = [
    {
      kind: 'toggle',
      name: r.id,
      tex: `\\text{${r.label.en}}`,
      label: { en: `race ${r.label.en}`, 'zh-TW': `${r.label['zh-TW']}參賽` },
      slot: r.slot,
      default: true,
    },
    {
      kind: 'scalar',
      name: `${r.id}Lr`,
      tex: '\\eta',
      label: { en: `${r.label.en}: learning rate η`, 'zh-TW': `${r.label['zh-TW']}：學習率 η` },
      slot: r.slot,
      min: r.lr.min,
      max: r.lr.max,
      step: 0.001,
      default: r.lr.default,
      scale: 'log',
    },
  ];
  for (const h of r.hypers)
    out.push({
      kind: 'scalar',
      name: `${r.id}${h.suffix}`,
      tex: h.tex,
      label: {
        en: `${r.label.en}: ${h.label.en}`,
        'zh-TW': `${r.label['zh-TW']}：${h.label['zh-TW']}`,
      },
      slot: r.slot,
      min: h.min,
      max: h.max,
      step: h.step,
      default: h.default,
    });
  return out;
}

function pinParams(name: string, n: number): Param[] {
  const label = (en: string, zh: string) => ({
    en: `pinned run ${n}: ${en}`,
    'zh-TW': `釘選的第 ${n} 次執行：${zh}`,
  });
  const hidden = (field: string, en: string, zh: string, min: number, max: number): Param => ({
    kind: 'scalar',
    name: `${name}${field}`,
    tex: field,
    label: label(en, zh),
    inPlot: true,
    min,
    max,
    step: 0.0001,
    default: field === 'Lr' ? 0.1 : 0,
    ...(field === 'Lr' ? { scale: 'log' as const } : {}),
  });
  return [
    {
      kind: 'choice',
      name,
      tex: 'p',
      label: label('optimizer', '優化器'),
      inPlot: true,
      options: [
        { value: 0, label: { en: 'none', 'zh-TW': '無' } },
        ...RACERS.map((r, i) => ({ value: i + 1, label: r.label })),
      ],
      default: 0,
    },
    hidden('Lr', 'learning rate', '學習率', 0.001, 3),
    hidden('A', 'first hyper-parameter', '第一個超參數', 0, 1),
    hidden('B', 'second hyper-parameter', '第二個超參數', 0, 1),
    hidden('C', 'third hyper-parameter', '第三個超參數', 0, 1),
    hidden('X', 'start, first coordinate', '起點的第一個座標', -3, 3),
    hidden('Y', 'start, second coordinate', '起點的第二個座標', -3, 3),
  ];
}

export const PARAMS = defineParams([
  {
    kind: 'choice',
    name: 'problem',
    tex: 'L',
    label: { en: 'surface', 'zh-TW': '曲面' },
    options: problemOptions(SURFACES),
    default: 1,
  },
  ...startParams(3, -2.5, 2),
  ...stepsParams(150, 40, { label: { en: 'race step', 'zh-TW': '比賽步數' }, speed: 10 }),
  ...RACERS.flatMap(racerParams),
  ...PIN_NAMES.flatMap((p, i) => pinParams(p, i + 1)),
] as const);

export type RaceValues = ValuesOf<typeof PARAMS>;

/** One run of the race at the current step. */
export interface RaceRun {
  racer: Racer;
  /** The `minimize` config this run follows. */
  config: OptimizerConfig;
  run: Run;
  /** L(θ_j) − L* for every kept point (≥ 0). */
  gaps: number[];
  /** The step shown: the current step, or the last finite point of a run that stopped before it. */
  k: number;
  theta: number[];
  gap: number;
  /** Set on a pinned run: which pin (1 or 2) and the start it was pinned with. */
  pin: number | null;
  start: number[];
}

export interface RaceResult {
  problem: Problem;
  start: number[];
  /** The start was outside the surface's window and was moved to its edge. */
  clamped: boolean;
  n: number;
  k: number;
  /** The racers switched on, in legend order. */
  runs: RaceRun[];
  /** The pinned ghosts. */
  pins: RaceRun[];
  /** The run lowest above its minimum at step k (null when none races). */
  leader: RaceRun | null;
}

/**
 * Runs already computed, by their inputs: a step of the time control or a change to one
 * racer's settings recomputes no other run. The cache is a pure memo (the same inputs give
 * the same run), bounded to the newest entries.
 */
const RUNS = new Map<string, Run>();
const RUNS_KEPT = 48;

function memoRun(
  problem: Problem,
  config: OptimizerConfig,
  start: readonly number[],
  n: number,
): Run {
  const key = `${problem.id}|${n}|${start.join(',')}|${JSON.stringify(config)}`;
  const hit = RUNS.get(key);
  if (hit) return hit;
  const run = runOptimizer(config, (p) => problem.grad(p), start, n, {
    loss: problem.f,
    saddles: problem.saddles,
  });
  RUNS.set(key, run);
  if (RUNS.size > RUNS_KEPT) RUNS.delete(RUNS.keys().next().value as string);
  return run;
}

/** A racer's settings from the values: its learning rate and hyper-parameters, clamped to their ranges. */
export function racerSettings(r: Racer, values: RaceValues): { lr: number; h: number[] } {
  const v = values as unknown as Record<string, number>;
  return {
    lr: clamp(v[`${r.id}Lr`], [r.lr.min, r.lr.max]),
    h: r.hypers.map((h) => clamp(v[`${r.id}${h.suffix}`], [h.min, h.max])),
  };
}

function raceRun(
  racer: Racer,
  lr: number,
  h: readonly number[],
  problem: Problem,
  start: number[],
  n: number,
  k: number,
  pin: number | null,
): RaceRun {
  const config = racer.config(lr, h);
  const run = memoRun(problem, config, start, n);
  const gaps = gapsOf(run, problem.fMin);
  const kk = Math.min(k, run.points.length - 1);
  return { racer, config, run, gaps, k: kk, theta: run.points[kk], gap: gaps[kk], pin, start };
}

/** Runs every racer switched on (and the pinned runs) from the same start on the chosen surface. */
export function computeRace(values: RaceValues): RaceResult {
  const problem = pick(SURFACES, values.problem);
  const start = startIn(problem, values.x0, values.y0);
  const clamped = start[0] !== values.x0 || start[1] !== values.y0;
  const n = Math.round(values.n);
  const k = Math.max(0, Math.min(n, Math.round(values.k)));
  const v = values as unknown as Record<string, number | boolean>;
  const runs: RaceRun[] = [];
  for (const r of RACERS) {
    if (v[r.id] !== true) continue;
    const { lr, h } = racerSettings(r, values);
    runs.push(raceRun(r, lr, h, problem, start, n, k, null));
  }
  const pins: RaceRun[] = [];
  PIN_NAMES.forEach((p, i) => {
    const racer = RACERS[Math.round(v[p] as number) - 1];
    if (!racer) return;
    const num = (f: string) => v[`${p}${f}`] as number;
    const lr = clamp(num('Lr'), [racer.lr.min, racer.lr.max]);
    const h = racer.hypers.map((hy, j) => clamp(num(PIN_FIELDS[2 + j]), [hy.min, hy.max]));
    const s = startIn(problem, num('X'), num('Y'));
    pins.push(raceRun(racer, lr, h, problem, s, n, k, i + 1));
  });
  let leader: RaceRun | null = null;
  for (const r of runs) if (!leader || r.gap < leader.gap) leader = r;
  return { problem, start, clamped, n, k, runs, pins, leader };
}

/** The values that pin a racer's current run into pin slot `slot` (1 or 2). */
export function pinValues(racer: Racer, values: RaceValues, slot: number): Record<string, number> {
  const { lr, h } = racerSettings(racer, values);
  const p = PIN_NAMES[slot - 1];
  const out: Record<string, number> = {
    [p]: RACERS.indexOf(racer) + 1,
    [`${p}Lr`]: lr,
    [`${p}X`]: values.x0,
    [`${p}Y`]: values.y0,
  };
  ['A', 'B', 'C'].forEach((f, j) => (out[`${p}${f}`] = h[j] ?? 0));
  return out;
}
