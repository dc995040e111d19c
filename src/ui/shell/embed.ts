import { createContext, useContext } from 'react';

/**
 * True when the app shows one card for an `<iframe>` (`?embed=1`): no site header or footer, and
 * the formula page renders its card alone (src/ui/App.tsx sets it).
 */
export const EmbedContext = createContext(false);

/** Whether the page is rendered as an embedded card. */
export function useEmbedded(): boolean {
  return useContext(EmbedContext);
}
