/**
 * Updates `target`'s children in place to match `html`: nodes whose tag and
 * place are unchanged are kept, and only differing text and attributes are
 * written. A KaTeX formula re-rendered with other numbers keeps its structure,
 * so the browser re-lays out the few changed digits instead of the whole tree.
 * Where the structure differs, the new nodes replace the old ones.
 */
export function morphInnerHTML(target: Element, html: string): void {
  const template = target.ownerDocument.createElement('template');
  template.innerHTML = html;
  morphChildren(target, template.content);
}

function morphChildren(old: ParentNode, next: ParentNode): void {
  const a = Array.from(old.childNodes);
  const b = Array.from(next.childNodes);
  if (a.length !== b.length) {
    old.replaceChildren(...b);
    return;
  }
  for (let i = 0; i < a.length; i++) morphNode(a[i], b[i]);
}

function morphNode(old: ChildNode, next: ChildNode): void {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
    old.replaceWith(next);
    return;
  }
  if (old.nodeType !== Node.ELEMENT_NODE) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return;
  }
  const el = old as Element;
  const to = next as Element;
  if (el.namespaceURI !== to.namespaceURI) {
    old.replaceWith(next);
    return;
  }
  for (const attr of Array.from(el.attributes)) {
    if (!to.hasAttributeNS(attr.namespaceURI, attr.localName)) {
      el.removeAttributeNS(attr.namespaceURI, attr.localName);
    }
  }
  for (const attr of Array.from(to.attributes)) {
    if (el.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) {
      el.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
    }
  }
  morphChildren(el, to);
}
