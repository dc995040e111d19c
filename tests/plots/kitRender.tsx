import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { PlotFrame, type PlotFrameProps } from '../../src/plots/PlotFrame';

/** The inner size of `renderInFrame`'s frame: 400×300 minus margins 20 on every side. */
export const INNER = { width: 360, height: 260 };

/** Renders `children` in a 400×300 PlotFrame with 20-unit margins and the given axes. */
export function renderInFrame(
  children: ReactNode,
  props: Omit<PlotFrameProps, 'children' | 'width' | 'height' | 'margin'> = {},
) {
  return render(
    <PlotFrame
      width={400}
      height={300}
      margin={{ top: 20, right: 20, bottom: 20, left: 20 }}
      {...props}
    >
      {children}
    </PlotFrame>,
  );
}
