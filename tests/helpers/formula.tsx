import { render } from '@testing-library/react';
import katex from 'katex';
import { expect, vi } from 'vitest';
import type { FormulaDef, Lang, ParamValue, Values } from '../../src/ui/card/types';
import { drawnMarks } from '../../src/plots/MarksCanvas';
import { defaultValues, normalizeValues, timeDefaults } from '../../src/ui/card/values';

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
  const values = normalizeValues(def.params, { ...paramDefaults(def), ...over });
  // a step not given takes its default under the other values, as when a URL omits it
  return timeDefaults(def.params, values, new Set(Object.keys(over)));
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
  const element = (v: Values, r: R) => (
    <def.Plot
      values={v}
      result={r}
      lang={lang}
      highlight={highlight}
      setHighlight={setHighlight}
      setValue={setValue}
    />
  );
  const view = render(element(values, result));
  /** Renders the same plot again at new values, as a slider tick does. */
  const update = (next: Values) => view.rerender(element(next, def.compute(next)));
  return { ...view, result, setValue, setHighlight, update };
}

/** An element's markup with its attributes in name order (an update may add one last). */
function sortedMarkup(node: Node): string {
  if (!(node instanceof Element)) return node.textContent ?? '';
  const attrs = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).sort();
  const inner = [...node.childNodes].map(sortedMarkup).join('');
  return `<${node.localName}${attrs.join('')}>${inner}</${node.localName}>`;
}

/**
 * A plot's markup, attributes in name order and with the ids React's useId generates made
 * alike between renders, and the marks each of its canvases drew last.
 */
export function plotMarkup(container: Element): string {
  const marks = [...container.querySelectorAll('canvas')].map((c) =>
    JSON.stringify(drawnMarks(c) ?? null),
  );
  const markup = [...container.childNodes].map(sortedMarkup).join('');
  return [markup.replace(/_r_[0-9a-z]+_/g, 'ID'), ...marks].join('\n');
}

/**
 * Renders `def`'s plot at `before`, then again at `after` (a tick), and expects the
 * markup and every canvas's marks to be a fresh render's at `after`: a plot draws
 * what its values say, whatever it drew before.
 */
export function expectTickAsFresh<R>(
  def: FormulaDef<R>,
  before: Values,
  after: Values,
  lang: Lang = 'en',
): void {
  const view = renderFormulaPlot(def, before, lang);
  view.update(after);
  const ticked = plotMarkup(view.container);
  view.unmount();
  const fresh = renderFormulaPlot(def, after, lang);
  expect(ticked).toBe(plotMarkup(fresh.container));
  fresh.unmount();
}
