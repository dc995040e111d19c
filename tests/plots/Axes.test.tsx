import { render } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { AxisBottom, AxisLeft } from '../../src/plots/Axes';
import { INNER, renderInFrame } from './kitRender';

const tickTexts = (el: Element) =>
  [...el.querySelectorAll('.tick-label')].map((t) => t.textContent);

describe('AxisBottom, AxisLeft', () => {
  it('read the scale and size from the frame when none is passed, with a unit in the title', () => {
    const { container } = renderInFrame(
      <>
        <AxisBottom label="step" tickValues={[-1, -0.5, 0, 0.5, 1]} grid />
        <AxisLeft label="loss" unit="nats" ticks={3} grid />
      </>,
      { x: { domain: [-1, 1] }, y: { domain: [0, 2] } },
    );
    const x = container.querySelector('.axis-x')!;
    expect(x.getAttribute('transform')).toBe(`translate(0,${INNER.height})`);
    expect(tickTexts(x)).toEqual(['−1.0', '−0.5', '0.0', '0.5', '1.0']);
    expect(x.querySelector('.axis-line')!.getAttribute('x2')).toBe(String(INNER.width));
    expect(x.querySelector('.grid-line')!.getAttribute('y2')).toBe(String(-INNER.height));
    const y = container.querySelector('.axis-y')!;
    expect(y.querySelector('.axis-label')!.textContent).toBe('loss (nats)');
    expect(y.querySelector('.grid-line')!.getAttribute('x2')).toBe(String(INNER.width));
    expect(tickTexts(y)[0]).toBe('0.0');
  });

  it('keep working with an explicit scale and size, a true minus on every tick', () => {
    const scale = scaleLinear().domain([-10, 10]).range([0, 200]);
    const { container } = render(
      <svg>
        <AxisBottom scale={scale} size={100} label="x" ticks={4} />
      </svg>,
    );
    const texts = tickTexts(container);
    expect(texts).toContain('−10');
    expect(texts.join(' ')).not.toMatch(/-/);
  });

  it('log axes from the frame keep d3 log tick labels', () => {
    const { container } = renderInFrame(<AxisBottom label="lr" />, {
      x: { domain: [1e-3, 1], scale: 'log' },
      y: { domain: [0, 1] },
    });
    expect(tickTexts(container)).toEqual(['0.001', '0.01', '0.1', '1']);
  });
});
