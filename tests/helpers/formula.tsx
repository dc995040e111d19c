import { render } from '@testing-library/react';
import katex from 'katex';
import { expect, vi } from 'vitest';
import type {
  FormulaDef,
  Lang,
  LiveUpdate,
  ParamValue,
  SubscribeLive,
  Values,
} from '../../src/ui/card/types';
import { drawnMarks } from '../../src/plots/MarksCanvas';
import { defaultValues, normalizeValues } from '../../src/ui/card/values';

/** Any declaration, whatever its result type (only its params are read). */
type AnyDef = Pick<FormulaDef<never>, 'params'>;

/** The values a card starts from: every param of `def` at its default (the framework's own rule). */
export function paramDefaults(def: AnyDef): Record<string, ParamValue> {
  return { ...defaultValues(def.params) };
}

/**
 * Defaults of `def` with some values replaced, brought into shape as the card
 * does (a vector whose length param changed is sliced or extended from its default).
 */
export function withDefaults(def: AnyDef, over: Readonly<Record<string, ParamValue>> = {}): Values {
  return normalizeValues(def.params, { ...paramDefaults(def), ...over });
}

/** Renders TeX as the suite demands (strict, throwing on any error) and returns the HTML. */
export function renderStrictTex(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, strict: 'error', displayMode: true });
}

/** Asserts that `tex` renders in KaTeX strict mode. */
export function expectStrictTex(tex: string): void {
  expect(() => renderStrictTex(tex)).not.toThrow();
}

/** Renders a declaration's plot with the given values, as the card would, with spy callbacks. */
export function renderFormulaPlot<R>(
  def: FormulaDef<R>,
  values: Values,
  lang: Lang = 'en',
  highlight: string | null = null,
) {
  const setValue = vi.fn();
  const setHighlight = vi.fn();
  const result = def.compute(values);
  // the plot's live update, if it registers one (see PlotProps.subscribeLive)
  let live: LiveUpdate<R> | null = null;
  const subscribeLive: SubscribeLive<R> = (update) => {
    live = update;
    return () => {
      if (live === update) live = null;
    };
  };
  const view = render(
    <def.Plot
      values={values}
      result={result}
      lang={lang}
      highlight={highlight}
      setHighlight={setHighlight}
      setValue={setValue}
      subscribeLive={subscribeLive}
    />,
  );
  return { ...view, result, setValue, setHighlight, live: () => live };
}

/**
 * A plot's markup, with the ids React's useId generates made alike between renders, and
 * the marks each of its canvases drew last.
 */
export function plotMarkup(container: Element): string {
  const marks = [...container.querySelectorAll('canvas')].map((c) =>
    JSON.stringify(drawnMarks(c) ?? null),
  );
  return [container.innerHTML.replace(/_r_[0-9a-z]+_/g, 'ID'), ...marks].join('\n');
}

/**
 * Renders `def`'s plot at `before` and has its live update (see PlotProps.subscribeLive)
 * draw `after`. When it draws, expects the markup to be a fresh render's at `after`.
 * Returns whether it drew.
 */
export function expectLiveDrawAsRender<R>(
  def: FormulaDef<R>,
  before: Values,
  after: Values,
  lang: Lang = 'en',
): boolean {
  const view = renderFormulaPlot(def, before, lang);
  const update = view.live();
  expect(update, 'the plot registers a live update').not.toBeNull();
  const drawn = update!(after, def.compute(after));
  const live = plotMarkup(view.container);
  view.unmount();
  if (drawn) {
    const fresh = renderFormulaPlot(def, after, lang);
    expect(live).toBe(plotMarkup(fresh.container));
    fresh.unmount();
  }
  return drawn;
}
