import { createContext, startTransition, useContext, useEffect, useState } from 'react';

/**
 * Which render is under way: `prerender` while the build renders a route in Node
 * (src/prerender.tsx), `hydrate` while the browser hydrates that HTML (src/main.tsx) until
 * the formula page (or the home page) has been hydrated, `live` otherwise. In the first two a
 * render must give exactly the prerendered HTML: text is measured by estimate
 * (src/plots/measureText.ts), as Node must, and while hydrating `<Tex>` keeps the HTML KaTeX
 * wrote at build time instead of running KaTeX again.
 * Module state on purpose: one app per document, set before its first render.
 */
export type RenderPass = 'prerender' | 'hydrate' | 'live';

let pass: RenderPass = 'live';

/** Sets the pass the renders from now on belong to. */
export function setRenderPass(next: RenderPass): void {
  pass = next;
}

/** The pass of the render under way (see `RenderPass`). */
export function renderPass(): RenderPass {
  return pass;
}

/**
 * Ends prerendering or hydration: renders from now on measure and run KaTeX. A hydrated page
 * says so on `<html data-prerender="hydrated">` (it was "fresh"; the browser tests wait for it).
 */
export function endFirstPass(): void {
  if (pass === 'hydrate' && typeof document !== 'undefined')
    document.documentElement.dataset.prerender = 'hydrated';
  pass = 'live';
}

/** True while a render must match the prerendered HTML. */
export function isFirstPass(): boolean {
  return pass !== 'live';
}

/**
 * 0 in a render that must match the prerendered HTML, 1 once the page is live (set in a
 * transition right after hydration, so the page stays responsive); a client-only render is live
 * from the start. The card's plot provides it (`MeasureEpoch`) to what it draws.
 */
export function useLiveEpoch(): 0 | 1 {
  const [epoch, setEpoch] = useState<0 | 1>(() => (isFirstPass() ? 0 : 1));
  useEffect(() => {
    if (epoch === 0) startTransition(() => setEpoch(1));
  }, [epoch]);
  return epoch;
}

const MeasureEpoch = createContext<0 | 1>(1);

/** Provides `useLiveEpoch`'s value to a plot (src/ui/card/PlotFigure.tsx). */
export const MeasureEpochProvider = MeasureEpoch.Provider;

/**
 * 0 while a plot must match the prerendered HTML (text measured by estimate, the prerender's
 * column), 1 once it is live. Read through `useMeasureText` (src/plots/measureText.ts) by the
 * parts that measure text, and by `usePlotSize`, so that what was laid out for the prerender is
 * laid out again, measured, once the page is live: an update of the marks that moved, not a new
 * plot.
 */
export function useMeasureEpoch(): 0 | 1 {
  return useContext(MeasureEpoch);
}
