import { useCallback } from 'react';
import type { PlotProps } from '../../ui/card/types';

/** Which params the contour plot's start handle moves, and which symbol the learning rate is. */
export interface HandleNames {
  /** The start's two coordinates (default x0 and y0). */
  x?: string;
  y?: string;
  /** The learning rate whose symbol the next step is tied to (default lr). */
  lr?: string;
}

/**
 * The props `ContourView` takes from the card: the language, the symbol highlight and a start
 * handle that sets both of θ₀'s coordinates when the reader drags it. Spread them into the view.
 */
export function useContourHandle<R, V>(
  { lang, highlight, setHighlight, setValue }: PlotProps<R, V>,
  { x = 'x0', y = 'y0', lr = 'lr' }: HandleNames = {},
) {
  const onStart = useCallback(
    (a: number, b: number) => {
      setValue(x, a);
      setValue(y, b);
    },
    [setValue, x, y],
  );
  return { lang, highlight, setHighlight, onStart, startName: x, lrName: lr };
}
