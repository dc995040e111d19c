import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PLANE_MARGIN, Plane, TipLabel, planeHeight } from '../../src/plots';

const ticks = [-4, -2, 0, 2, 4];

/** Renders a plane 400 wide over [−5, 5]² with `children`. */
const renderPlane = (children?: React.ReactNode, originAxes?: boolean) =>
  render(
    <Plane width={400} span={5} ticks={ticks} xLabel="x₁" yLabel="x₂" originAxes={originAxes}>
      {children}
    </Plane>,
  );

describe('Plane', () => {
  it('is square inside its margins: the height follows from the width', () => {
    expect(planeHeight(400)).toBe(400 - 58 - 12 + 12 + 46);
    const { container } = renderPlane();
    const [, , w, h] = container
      .querySelector('svg')!
      .getAttribute('viewBox')!
      .split(' ')
      .map(Number);
    expect(w - PLANE_MARGIN.left - PLANE_MARGIN.right).toBe(
      h - PLANE_MARGIN.top - PLANE_MARGIN.bottom,
    );
  });

  it('maps [−span, span] on both axes to the inner square, one data unit as long across as up', () => {
    const inner = 400 - PLANE_MARGIN.left - PLANE_MARGIN.right; // 330
    const label = render(
      <Plane width={400} span={5} ticks={ticks} xLabel="x" yLabel="y">
        <TipLabel at={[3, 0]} text="v" offset={10} />
        <TipLabel at={[0, -3]} text="w" />
        <TipLabel at={[-3, 4]} text="u" />
      </Plane>,
    ).container.querySelectorAll('text.kit-tip-label');
    // (3, 0) sits at 8/10 of the inner width; the label is pushed 10 px further out along x
    expect(Number(label[0].getAttribute('x'))).toBeCloseTo((8 / 10) * inner + 10);
    expect(Number(label[0].getAttribute('y'))).toBeCloseTo(inner / 2);
    expect(label[0].getAttribute('text-anchor')).toBe('start');
    // (0, −3): 14 px further down, centred
    expect(Number(label[1].getAttribute('y'))).toBeCloseTo((8 / 10) * inner + 14);
    expect(label[1].getAttribute('text-anchor')).toBe('middle');
    // (−3, 4): length 5, so 14·(−3/5) px left and 14·(4/5) px up; anchored at its end
    expect(Number(label[2].getAttribute('x'))).toBeCloseTo((2 / 10) * inner - 8.4);
    expect(Number(label[2].getAttribute('y'))).toBeCloseTo((1 / 10) * inner - 11.2);
    expect(label[2].getAttribute('text-anchor')).toBe('end');
    expect(label[2]).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws both axes with the given ticks and titles, and the axis lines through the origin unless asked not to', () => {
    const { container } = renderPlane();
    const text = container.textContent ?? '';
    expect(text).toContain('x₁');
    expect(text).toContain('x₂');
    const origin = container.querySelectorAll('line.kit-line.tone-axis');
    expect(origin).toHaveLength(2);
    const inner = 330;
    const xs = [...origin].map((l) =>
      ['x1', 'y1', 'x2', 'y2'].map((k) => Number(l.getAttribute(k))),
    );
    // y = 0 across the plane, x = 0 up it
    expect(xs[0]).toEqual([0, inner / 2, inner, inner / 2].map((v) => expect.closeTo(v, 6)));
    expect(xs[1]).toEqual([inner / 2, inner, inner / 2, 0].map((v) => expect.closeTo(v, 6)));
    const none = renderPlane(undefined, false).container;
    expect(none.querySelectorAll('line.kit-line.tone-axis')).toHaveLength(0);
    expect(none.textContent).toContain('x₁');
  });
});
