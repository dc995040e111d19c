import {
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useFrame, type Frame } from './frame';
import { formatNumber } from './formatNumber';
import { cx, toneClass, type Tone } from './tones';

/** Fractions of the visible span one arrow key moves a point: plain, with Shift, with Alt. */
export const KEY_STEP = { normal: 1 / 50, coarse: 1 / 10, fine: 1 / 250 } as const;

/** The fraction of the span a key press moves, by its modifiers (Shift coarser, Alt finer). */
export function keyStepFraction(mods: { shiftKey?: boolean; altKey?: boolean }): number {
  if (mods.shiftKey) return KEY_STEP.coarse;
  if (mods.altKey) return KEY_STEP.fine;
  return KEY_STEP.normal;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** Pixels of the inner group → data, optionally clamped to the frame. */
function toData(frame: Frame, px: number, py: number, clamp: boolean): [number, number] {
  const cx0 = clamp ? Math.max(0, Math.min(frame.innerWidth, px)) : px;
  const cy0 = clamp ? Math.max(0, Math.min(frame.innerHeight, py)) : py;
  return [frame.x.invert(cx0), frame.y.invert(cy0)];
}

/**
 * A client (CSS pixel) position → the SVG's viewBox units, from its box and
 * viewBox under `preserveAspectRatio="xMidYMid meet"` (as PlotFrame draws).
 */
export function clientToViewBox(
  svg: SVGSVGElement,
  clientX: number,
  clientY: number,
): [number, number] {
  const box = svg.getBoundingClientRect();
  const vb = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const [vx, vy, vw, vh] =
    vb.length === 4 && vb.every(Number.isFinite) ? vb : [0, 0, box.width, box.height];
  if (!(box.width > 0) || !(box.height > 0) || !(vw > 0) || !(vh > 0))
    return [clientX - box.left, clientY - box.top];
  const s = Math.min(box.width / vw, box.height / vh);
  const ox = (box.width - vw * s) / 2;
  const oy = (box.height - vh * s) / 2;
  return [vx + (clientX - box.left - ox) / s, vy + (clientY - box.top - oy) / s];
}

/** Props of `DraggablePoint`. */
export interface DraggablePointProps {
  x: number;
  y: number;
  /** Called with the new data coordinates (after `constrain`) on every drag move and key press. */
  onMove: (x: number, y: number) => void;
  /** Its accessible name ("Starting point"). */
  label: string;
  /** Snaps a proposed position (to an axis, a grid, a curve). */
  constrain?: (x: number, y: number) => readonly [number, number];
  /** The announced position; default "x = 1.20, y = −0.50". */
  valueText?: (x: number, y: number) => string;
  /** What a screen reader calls it; default "draggable point". */
  roleDescription?: string;
  tone?: Tone;
  /** Keep the point inside the frame; default true. */
  clamp?: boolean;
  /** Radius of the dot in viewBox units; default 7. */
  r?: number;
  className?: string;
}

const defaultValueText = (x: number, y: number) => `x = ${formatNumber(x)}, y = ${formatNumber(y)}`;

/**
 * A point the reader moves with a pointer (dragged, with pointer capture) or the
 * keyboard (arrow keys move 1/50 of the visible span, Shift 1/10, Alt 1/250),
 * snapped by `constrain`. A focusable slider-like control named `label` whose
 * aria-valuetext announces its coordinates. Put it in `<PlotFrame interactive>`.
 */
export function DraggablePoint({
  x,
  y,
  onMove,
  label,
  constrain,
  valueText = defaultValueText,
  roleDescription = 'draggable point',
  tone = 'accent',
  clamp = true,
  r = 7,
  className,
}: DraggablePointProps) {
  const frame = useFrame();
  const [dragging, setDragging] = useState(false);
  // pixel offset from the pointer to the point's centre at pointerdown, so it does not jump
  const grab = useRef<[number, number]>([0, 0]);
  const px = frame.x(x);
  const py = frame.y(y);

  const move = (nx: number, ny: number) => {
    const [cx1, cy1] = constrain ? constrain(nx, ny) : [nx, ny];
    if (Number.isFinite(cx1) && Number.isFinite(cy1)) onMove(cx1, cy1);
  };

  const pointerPixel = (e: ReactPointerEvent<SVGGElement>): [number, number] | null => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return null;
    const [vx, vy] = clientToViewBox(svg, e.clientX, e.clientY);
    return [vx - frame.margin.left, vy - frame.margin.top];
  };

  const onPointerDown = (e: ReactPointerEvent<SVGGElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    const p = pointerPixel(e);
    if (!p) return;
    e.preventDefault();
    e.currentTarget.focus({ preventScroll: true });
    e.currentTarget.setPointerCapture?.(e.pointerId);
    grab.current = [px - p[0], py - p[1]];
    setDragging(true);
  };

  const onPointerMove = (e: ReactPointerEvent<SVGGElement>) => {
    if (!dragging) return;
    const p = pointerPixel(e);
    if (!p) return;
    const [dx, dy] = toData(frame, p[0] + grab.current[0], p[1] + grab.current[1], clamp);
    move(dx, dy);
  };

  const onPointerEnd = (e: ReactPointerEvent<SVGGElement>) => {
    if (!dragging) return;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
    setDragging(false);
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const dir = ARROWS[e.key];
    if (!dir) return;
    e.preventDefault();
    const f = keyStepFraction(e);
    // in pixels, so a log axis steps evenly on screen
    const nx = px + dir[0] * f * frame.innerWidth;
    const ny = py - dir[1] * f * frame.innerHeight;
    const [dx, dy] = toData(frame, nx, ny, clamp);
    move(dir[0] === 0 ? x : dx, dir[1] === 0 ? y : dy);
  };

  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const [x0, x1] = frame.x.domain();
  return (
    <g
      className={cx('kit-handle', toneClass(tone), dragging && 'is-dragging', className)}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-roledescription={roleDescription}
      aria-valuenow={x}
      aria-valuemin={Math.min(x0, x1)}
      aria-valuemax={Math.max(x0, x1)}
      aria-valuetext={valueText(x, y)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
    >
      {/* circles placed by cx/cy, not a translated group: a group's own transform paints in a
          chunk of its own, and a moving one makes Chromium work out the layers again (ChunkBounds) */}
      <circle className="kit-handle-hit" cx={px} cy={py} r={Math.max(r * 2.5, 22)} />
      <circle className="kit-handle-ring" cx={px} cy={py} r={r + 5} />
      <circle className="kit-point" cx={px} cy={py} r={r} />
    </g>
  );
}
