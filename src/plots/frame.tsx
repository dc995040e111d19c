import { scaleLinear, scaleLog } from 'd3-scale';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Margin } from './PlotFrame';

/** A continuous number→number scale as d3-scale returns it (linear, log, pow, …). */
export interface ContinuousScale {
  (value: number): number;
  domain(): number[];
  range(): number[];
  invert(value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (d: number) => string;
  copy(): ContinuousScale;
}

/** The kind of a frame axis: how data maps to pixels. */
export type ScaleKind = 'linear' | 'log';

/** A frame axis declared as data: its domain and kind (linear by default). */
export interface AxisSpec {
  domain: readonly [number, number];
  scale?: ScaleKind;
  /** Round the domain out to nice tick values (d3 `nice()`); off by default. */
  nice?: boolean;
}

/** What `PlotFrame`'s `x` and `y` take: a domain spec or a ready d3 scale (its range is replaced). */
export type ScaleInput = AxisSpec | ContinuousScale;

/** The one coordinate frame of a plot, shared by every mark inside it through `useFrame()`. */
export interface Frame {
  /** viewBox width and height. */
  width: number;
  height: number;
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
  /** Data x → inner-group pixels, range [0, innerWidth]. */
  x: ContinuousScale;
  /** Data y → inner-group pixels, range [innerHeight, 0] (up is up). */
  y: ContinuousScale;
  xKind: ScaleKind;
  yKind: ScaleKind;
  /** True when x and y came from the page; false when they are the inner pixels themselves. */
  hasScales: boolean;
}

function kindOf(scale: ContinuousScale): ScaleKind {
  return 'base' in scale ? 'log' : 'linear';
}

/** A d3 scale over `range` made from a spec, or a copy of a given scale with that range. */
export function resolveScale(
  input: ScaleInput,
  range: readonly [number, number],
): { scale: ContinuousScale; kind: ScaleKind } {
  if (typeof input === 'function') {
    const copy = input.copy() as ContinuousScale & { range(r: Iterable<number>): unknown };
    copy.range(range);
    return { scale: copy, kind: kindOf(input) };
  }
  const kind = input.scale ?? 'linear';
  const base = kind === 'log' ? scaleLog() : scaleLinear();
  const scale = base.domain([...input.domain]).range([...range]);
  if (input.nice) scale.nice();
  return { scale: scale as ContinuousScale, kind };
}

/** Builds a frame: without `x`/`y`, data coordinates are the inner group's pixels (y down). */
export function makeFrame(
  width: number,
  height: number,
  margin: Margin,
  x?: ScaleInput,
  y?: ScaleInput,
): Frame {
  const innerWidth = Math.max(0, width - margin.left - margin.right);
  const innerHeight = Math.max(0, height - margin.top - margin.bottom);
  const xs = resolveScale(x ?? { domain: [0, innerWidth] }, [0, innerWidth]);
  const ys = y
    ? resolveScale(y, [innerHeight, 0])
    : resolveScale({ domain: [0, innerHeight] }, [0, innerHeight]);
  return {
    width,
    height,
    margin,
    innerWidth,
    innerHeight,
    x: xs.scale,
    y: ys.scale,
    xKind: xs.kind,
    yKind: ys.kind,
    hasScales: x !== undefined || y !== undefined,
  };
}

const FrameContext = createContext<Frame | null>(null);

/** Props of `FrameProvider`. */
export interface FrameProviderProps {
  frame: Frame;
  children: ReactNode;
}

/** Hands `frame` to the marks inside (PlotFrame does this itself; use it for a canvas layer or a test). */
export function FrameProvider({ frame, children }: FrameProviderProps) {
  return <FrameContext.Provider value={frame}>{children}</FrameContext.Provider>;
}

/** The enclosing plot's frame: scales, inner size and margin. Throws outside a PlotFrame. */
export function useFrame(): Frame {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('useFrame() must be used inside a <PlotFrame> (or <FrameProvider>)');
  return frame;
}

/** The enclosing frame, or null outside one (for parts that also work with explicit scales). */
export function useOptionalFrame(): Frame | null {
  return useContext(FrameContext);
}

/** `makeFrame` memoized on its inputs (an inline `{ domain: [a, b] }` compares by content). */
export function useMakeFrame(
  width: number,
  height: number,
  margin: Margin,
  x?: ScaleInput,
  y?: ScaleInput,
): Frame {
  const { top, right, bottom, left } = margin;
  const xDep = depOf(x);
  const yDep = depOf(y);
  /* eslint-disable react-hooks/exhaustive-deps -- xDep and yDep stand for x and y */
  return useMemo(
    () => makeFrame(width, height, { top, right, bottom, left }, x, y),
    [width, height, top, right, bottom, left, xDep, yDep],
  );
  /* eslint-enable react-hooks/exhaustive-deps */
}

/** What a memo depends on for a scale input: a scale by identity, a spec by content. */
function depOf(input: ScaleInput | undefined): ContinuousScale | string {
  if (input === undefined) return '-';
  if (typeof input === 'function') return input;
  return `${input.scale ?? 'linear'}:${input.domain[0]}:${input.domain[1]}:${input.nice ? 1 : 0}`;
}
