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

function morphChildren(old: ParentNode & Node, next: ParentNode & Node): void {
  if (old.childNodes.length !== next.childNodes.length) {
    old.replaceChildren(...Array.from(next.childNodes));
    return;
  }
  let a = old.firstChild;
  let b = next.firstChild;
  while (a !== null && b !== null) {
    // read the siblings first: a replacement moves `b` out of `next`
    const an = a.nextSibling;
    const bn = b.nextSibling;
    morphNode(a, b);
    a = an;
    b = bn;
  }
}

function morphNode(old: ChildNode, next: ChildNode): void {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
    old.replaceWith(next);
    return;
  }
  if (old.nodeType !== 1) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return;
  }
  const el = old as Element;
  const to = next as Element;
  if (el.namespaceURI !== to.namespaceURI) {
    old.replaceWith(next);
    return;
  }
  if (!sameAttributes(el, to)) syncAttributes(el, to);
  morphChildren(el, to);
}

/** Same names and values in the same order: the common case, checked without allocating. */
function sameAttributes(el: Element, to: Element): boolean {
  const a = el.attributes;
  const b = to.attributes;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].name !== b[i].name || a[i].value !== b[i].value) return false;
  }
  return true;
}

function syncAttributes(el: Element, to: Element): void {
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
}
