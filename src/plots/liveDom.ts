/**
 * DOM writes for a plot's live update (see PlotProps.subscribeLive). Each
 * writes only what changes, as React's own diff does: setting an attribute or
 * a text to the value it already has still makes the browser restyle, lay out
 * and repaint the element, and a tick moves only a few of a plot's marks.
 */

/** Sets an attribute, unless it already has this value. */
export function setAttr(
  el: Element | null | undefined,
  name: string,
  value: string | number,
): void {
  if (!el) return;
  const text = String(value);
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/** Sets several attributes with `setAttr`. */
export function setAttrs(
  el: Element | null | undefined,
  attrs: Readonly<Record<string, string | number>>,
): void {
  if (!el) return;
  for (const name in attrs) setAttr(el, name, attrs[name]);
}

/** Sets the text of an element rendered with one text child, unless it already reads so. */
export function setText(el: Element | null | undefined, text: string): void {
  const node = el?.firstChild;
  if (node && node.nodeValue !== text) node.nodeValue = text;
}
