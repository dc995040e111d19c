import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AxisBottom,
  AxisLeft,
  Arrow,
  Curve,
  DraggablePoint,
  Legend,
  PlotFrame,
  Point,
  TONES,
  toneClass,
} from '../../src/plots';

describe('plot kit barrel', () => {
  it('composes a plot from data coordinates only; decorative marks are hidden, the handle is not', () => {
    render(
      <PlotFrame x={{ domain: [0.1, 10], scale: 'log' }} y={{ domain: [-3, 3] }} interactive>
        <AxisBottom label="x" />
        <AxisLeft label="y" unit="nats" />
        <Legend items={[{ label: 'ln x', tone: 'sym2' }]} />
        <Curve f={Math.log} tone="sym2" />
        <Arrow head={[1, 1]} tail={[0.5, 0]} tone="sym3" />
        <Point x={1} y={0} />
        <DraggablePoint x={1} y={0} label="Point" onMove={() => {}} />
      </PlotFrame>,
    );
    expect(screen.getAllByRole('slider')).toHaveLength(1);
    expect(document.querySelector('path.kit-line')!.getAttribute('d')).not.toMatch(/NaN/);
  });

  it('a misspelt tone is a type error, and every tone has its class', () => {
    // @ts-expect-error 'sym9' is not a Tone
    render(<svg>{toneClass('sym9')}</svg>);
    expect(TONES.map(toneClass)).toContain('tone-emphasis');
  });
});
