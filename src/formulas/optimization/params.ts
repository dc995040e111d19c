/**
 * The params the optimization pages share: the learning rate η, the start θ₀ the reader drags
 * on the plot, the number of steps n and the step k the time control plays. Each page passes
 * only what differs (ranges, defaults); names, symbols, labels and slots are the same everywhere.
 */

/** The learning rate η on a log slider (slot 2). */
export function lrParam(min: number, max: number, step: number, initial: number) {
  return {
    kind: 'scalar',
    name: 'lr',
    tex: '\\eta',
    label: { en: 'learning rate', 'zh-TW': '學習率' },
    slot: 2,
    min,
    max,
    step,
    default: initial,
    scale: 'log',
    // the optimizer pages' rate travels along their related links
    shares: 'learning-rate',
  } as const;
}

/**
 * The start θ₀ = (x0, y0) in [−bound, bound]² (slot 3, the handle on the plot). `secondNote` is
 * added to the second coordinate's label (gradient descent: used in 2-D only).
 */
export function startParams(
  bound: number,
  x0: number,
  y0: number,
  secondNote = { en: '', 'zh-TW': '' },
) {
  const coordinate = { kind: 'scalar', slot: 3, min: -bound, max: bound, step: 0.01 } as const;
  return [
    {
      ...coordinate,
      name: 'x0',
      tex: '\\theta_{0,1}',
      label: { en: 'start θ₀, first coordinate', 'zh-TW': '起點 θ₀ 的第一個座標' },
      default: x0,
    },
    {
      ...coordinate,
      name: 'y0',
      tex: '\\theta_{0,2}',
      label: {
        en: `start θ₀, second coordinate${secondNote.en}`,
        'zh-TW': `起點 θ₀ 的第二個座標${secondNote['zh-TW']}`,
      },
      default: y0,
    },
  ] as const;
}

/** How the time control plays: its label, colour slot (none for a neutral control) and speed. */
interface StepsOptions {
  label?: { en: string; 'zh-TW': string };
  slot?: 1;
  speed?: number;
}

/** The number of steps n (10…1000) and the step k shown, played by the time control up to n. */
export function stepsParams(
  n: number,
  k: number,
  { label = { en: 'descent step', 'zh-TW': '下降步數' }, slot, speed = 5 }: StepsOptions = {},
) {
  return [
    {
      kind: 'scalar',
      name: 'n',
      tex: 'n',
      label: { en: 'number of steps', 'zh-TW': '步數' },
      min: 10,
      max: 1000,
      step: 1,
      default: n,
      integer: true,
    },
    {
      kind: 'time',
      name: 'k',
      tex: 'k',
      label,
      ...(slot === undefined ? {} : { slot }),
      max: { param: 'n' },
      default: k,
      speeds: [1, 2, 5, 10, 30],
      speed,
    },
  ] as const;
}
