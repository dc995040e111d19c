import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DraggablePoint, type DraggablePointProps } from '../../src/plots/DraggablePoint';
import { PlotFrame } from '../../src/plots/PlotFrame';
import { expectClose } from '../helpers/asserts';

// 400×300 viewBox, margins 20: inner 360×260; x in [0, 10], y in [0, 10]
const MARGIN = { top: 20, right: 20, bottom: 20, left: 20 };

function Harness(props: Partial<DraggablePointProps> & { spy?: (x: number, y: number) => void }) {
  const [p, setP] = useState<[number, number]>([5, 5]);
  return (
    <PlotFrame
      width={400}
      height={300}
      margin={MARGIN}
      x={{ domain: [0, 10] }}
      y={{ domain: [0, 10] }}
      interactive
    >
      <DraggablePoint
        x={p[0]}
        y={p[1]}
        label="Start"
        {...props}
        onMove={(x, y) => {
          props.spy?.(x, y);
          setP([x, y]);
        }}
      />
    </PlotFrame>
  );
}

const handle = () => screen.getByRole('slider', { name: 'Start' });
const coords = () => {
  const el = handle();
  return [Number(el.getAttribute('aria-valuenow')), el.getAttribute('aria-valuetext')] as const;
};

describe('DraggablePoint', () => {
  it('is a focusable slider named by its label, announcing its coordinates', () => {
    render(<Harness />);
    const el = handle();
    expect(el).toHaveAttribute('tabindex', '0');
    expect(el).toHaveAttribute('aria-roledescription', 'draggable point');
    expect(el).toHaveAttribute('aria-valuetext', 'x = 5.00, y = 5.00');
    el.focus();
    expect(el).toHaveFocus();
  });

  it('an arrow key moves 1/50 of the span, Shift 1/10, Alt 1/250; aria-valuetext follows', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    fireEvent.keyDown(handle(), { key: 'ArrowRight' });
    expectClose(spy.mock.lastCall![0], 5.2);
    expectClose(spy.mock.lastCall![1], 5);
    expect(coords()[1]).toBe('x = 5.20, y = 5.00');
    fireEvent.keyDown(handle(), { key: 'ArrowUp', shiftKey: true });
    expectClose(spy.mock.lastCall![1], 6);
    fireEvent.keyDown(handle(), { key: 'ArrowLeft', altKey: true });
    expectClose(spy.mock.lastCall![0], 5.16);
    fireEvent.keyDown(handle(), { key: 'ArrowDown' });
    expectClose(spy.mock.lastCall![1], 5.8);
    expect(coords()[1]).toBe('x = 5.16, y = 5.80');
  });

  it('keeps to the frame by default', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} x={9.9} />);
    fireEvent.keyDown(handle(), { key: 'ArrowRight', shiftKey: true });
    expectClose(spy.mock.lastCall![0], 10);
  });

  it('applies constrain to every move', () => {
    const spy = vi.fn();
    const snap = (x: number, y: number) => [Math.round(x), Math.round(y)] as const;
    render(<Harness spy={spy} constrain={snap} />);
    fireEvent.keyDown(handle(), { key: 'ArrowRight', shiftKey: true });
    expect(spy.mock.lastCall).toEqual([6, 5]);
    fireEvent.keyDown(handle(), { key: 'ArrowDown', shiftKey: true });
    expect(spy.mock.lastCall).toEqual([6, 4]);
  });

  it('a pointer drag maps client pixels to data through the viewBox', () => {
    const spy = vi.fn();
    const { container } = render(<Harness spy={spy} />);
    const svg = container.querySelector('svg')!;
    // drawn at half size: 200×150 CSS px at (10, 30)
    svg.getBoundingClientRect = () =>
      ({
        left: 10,
        top: 30,
        width: 200,
        height: 150,
        right: 210,
        bottom: 180,
        x: 10,
        y: 30,
      }) as DOMRect;
    // the point (5, 5) is at viewBox (20 + 180, 20 + 130) = CSS (10 + 100, 30 + 75)
    act(() => {
      fireEvent.pointerDown(handle(), { clientX: 110, clientY: 105, button: 0, pointerId: 1 });
    });
    expect(handle()).toHaveClass('is-dragging');
    // move by +36 viewBox px right (= 1 data unit) and −26 up (= 1 unit): CSS +18, −13
    act(() => {
      fireEvent.pointerMove(handle(), { clientX: 128, clientY: 92, pointerId: 1 });
    });
    expectClose(spy.mock.lastCall![0], 6, { abs: 1e-9 });
    expectClose(spy.mock.lastCall![1], 6, { abs: 1e-9 });
    act(() => {
      fireEvent.pointerUp(handle(), { pointerId: 1 });
    });
    expect(handle()).not.toHaveClass('is-dragging');
    spy.mockClear();
    fireEvent.pointerMove(handle(), { clientX: 150, clientY: 92, pointerId: 1 });
    expect(spy).not.toHaveBeenCalled();
  });

  it('uses a custom valueText', () => {
    render(<Harness valueText={(x, y) => `w₁ ${x}, w₂ ${y}`} />);
    expect(coords()[1]).toBe('w₁ 5, w₂ 5');
  });
});
