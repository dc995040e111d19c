/**
 * What turns one HTML fragment into another, worked out from the two strings alone (in a
 * worker, beside KaTeX): the texts and attributes that differ and, where the structure
 * differs, the smallest parts to write anew. A KaTeX formula re-rendered with other numbers
 * mostly keeps its structure, so the page writes only the changed digits: no parsing of the
 * whole formula and no walk over its thousands of nodes on the page's thread.
 */
export interface HtmlPatch {
  /** How many nodes (elements and texts, in document order) the old fragment has. */
  count: number;
  /** The edits, each naming an old node by its index in document order (-1: the root). */
  ops: PatchOp[];
}

/**
 * `text`: the node's text; `attrs`: the element's attributes (tag checked); `replace`: the
 * node becomes the given HTML; `splice`: in the element (or root) `parent`, the `count`
 * children from node `first` on are removed and the HTML is put before node `before` (-1:
 * at the end).
 */
export type PatchOp =
  | ['text', number, string]
  | ['attrs', number, string, [string, string][]]
  | ['replace', number, string]
  | ['splice', number, number, number, string, number];

/** A tag (open or close) with its attributes, or a run of text. */
const TOKEN = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/y;
const ATTR = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
/** HTML elements that never have children. */
const VOID = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'source',
  'track',
  'wbr',
]);

/** Text with its character references decoded, or null for one this does not know. */
function decode(s: string): string | null {
  if (!s.includes('&')) return s;
  if (s.replace(ENTITY, '').includes('&')) return null;
  return s.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) =>
    name ? NAMED[name] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)),
  );
}

/** A node of the fragment: an element (`tag`) or a text (`tag` null), with where it sits. */
interface Tree {
  tag: string | null;
  /** The attributes' source, or the decoded text. */
  value: string;
  /** Its index in document order (-1: the root). */
  index: number;
  /** Its HTML, and its children's, as offsets into the source. */
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  children: Tree[];
}

/** The fragment as a tree, and its node count; null if it is not markup this reads exactly. */
function parse(html: string): { root: Tree; count: number } | null {
  const root: Tree = {
    tag: '',
    value: '',
    index: -1,
    start: 0,
    end: html.length,
    innerStart: 0,
    innerEnd: html.length,
    children: [],
  };
  const stack = [root];
  let count = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < html.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(html);
    if (!m) return null;
    const end = TOKEN.lastIndex;
    const parent = stack[stack.length - 1];
    // a node that ends here unless children follow (then its close tag sets the ends)
    const node = (tag: string | null, value: string): Tree => ({
      tag,
      value,
      index: count++,
      start,
      end,
      innerStart: end,
      innerEnd: end,
      children: [],
    });
    if (m[4] !== undefined) {
      const text = decode(m[4]);
      if (text === null) return null;
      parent.children.push(node(null, text));
    } else if (m[1]) {
      if (stack.length === 1 || parent.tag !== m[2].toLowerCase()) return null;
      parent.innerEnd = start;
      parent.end = end;
      stack.pop();
    } else {
      const tag = m[2].toLowerCase();
      const selfClosing = /\/\s*$/.test(m[3]);
      const el = node(tag, (selfClosing ? m[3].replace(/\/\s*$/, '') : m[3]).trim());
      parent.children.push(el);
      if (!selfClosing && !VOID.has(tag)) stack.push(el);
    }
  }
  return stack.length === 1 ? { root, count } : null;
}

/** An element's attributes, decoded, in order; null if one cannot be read exactly. */
function parseAttrs(attrs: string): [string, string][] | null {
  const out: [string, string][] = [];
  for (const m of attrs.matchAll(ATTR)) {
    const value = decode(m[2] ?? m[3] ?? m[4] ?? '');
    if (value === null) return null;
    out.push([m[1], value]);
  }
  return out;
}

/** Whether two nodes are taken for the same one: same tag and class (texts match texts). */
function same(x: Tree, y: Tree): boolean {
  return x.tag === y.tag && (x.tag === null || classOf(x.value) === classOf(y.value));
}

function classOf(attrs: string): string {
  return /(?:^|\s)class=(?:"([^"]*)"|'([^']*)')/.exec(attrs)?.slice(1).join('') ?? '';
}

/** Edits that turn node `x` into `y` (same tag; `y`'s source is `html`); false if unreadable. */
function diffNode(x: Tree, y: Tree, html: string, ops: PatchOp[]): boolean {
  if (y.tag === null) {
    if (x.value !== y.value) ops.push(['text', x.index, y.value]);
    return true;
  }
  if (x.value !== y.value) {
    const attrs = parseAttrs(y.value);
    if (!attrs) return false;
    ops.push(['attrs', x.index, y.tag, attrs]);
  }
  return diffChildren(x, y, html, ops);
}

/**
 * Edits that turn `a`'s children into `b`'s: the runs that match at either end are edited
 * in place, and what lies between them is edited pairwise if it has as many nodes, else
 * written anew (a sign or an exponent that appears adds nodes in one place only).
 */
function diffChildren(a: Tree, b: Tree, html: string, ops: PatchOp[]): boolean {
  const A = a.children;
  const B = b.children;
  let p = 0;
  while (p < A.length && p < B.length && same(A[p], B[p])) p++;
  let q = 0;
  while (q < A.length - p && q < B.length - p && same(A[A.length - 1 - q], B[B.length - 1 - q]))
    q++;
  for (let i = 0; i < p; i++) if (!diffNode(A[i], B[i], html, ops)) return false;
  for (let i = 1; i <= q; i++) {
    if (!diffNode(A[A.length - i], B[B.length - i], html, ops)) return false;
  }
  const was = A.slice(p, A.length - q);
  const now = B.slice(p, B.length - q);
  if (was.length === now.length) {
    for (let i = 0; i < was.length; i++) {
      if (was[i].tag !== now[i].tag)
        ops.push(['replace', was[i].index, html.slice(now[i].start, now[i].end)]);
      else if (!diffNode(was[i], now[i], html, ops)) return false;
    }
    return true;
  }
  const text = now.length ? html.slice(now[0].start, now[now.length - 1].end) : '';
  const first = was.length ? was[0].index : -1;
  const before = q ? A[A.length - q].index : -1;
  ops.push(['splice', a.index, first, was.length, text, before]);
  return true;
}

/**
 * The patch from `prev` to `next`, or null where either holds markup this does not read
 * exactly: then the whole fragment has to be written.
 */
export function htmlPatch(prev: string, next: string): HtmlPatch | null {
  const a = parse(prev);
  const b = parse(next);
  if (!a || !b) return null;
  const ops: PatchOp[] = [];
  return diffChildren(a.root, b.root, next, ops) ? { count: a.count, ops } : null;
}

/** `root`'s descendant elements and texts in document order: what a patch's indexes count. */
export function patchNodes(root: Element): Node[] {
  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4); // elements and texts
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) nodes.push(n);
  return nodes;
}

/**
 * Writes `patch` into `root`, a fragment that shows the patch's old HTML, whose nodes (from
 * `patchNodes`) are `nodes`. Checks first that every node it writes is what the patch
 * expects; if one is not, writes nothing and returns null. Else returns whether the nodes
 * still list the fragment (no part was written anew).
 */
export function applyHtmlPatch(
  root: Element,
  nodes: readonly Node[],
  patch: HtmlPatch,
): { kept: boolean } | null {
  if (nodes.length !== patch.count) return null;
  for (const op of patch.ops) {
    const n = op[1] === -1 ? root : nodes[op[1]];
    if (n === undefined) return null;
    if (op[0] === 'text' && n.nodeType !== 3) return null;
    if (op[0] === 'attrs' && (n.nodeType !== 1 || (n as Element).localName.toLowerCase() !== op[2]))
      return null;
    if (op[0] === 'replace' && (op[1] === -1 || n.parentNode === null)) return null;
    if (op[0] === 'splice') {
      const at = (i: number) => (i === -1 ? null : nodes[i]);
      const first = at(op[2]);
      const before = at(op[5]);
      if (n.nodeType !== 1 && n !== root) return null;
      if ((first && first.parentNode !== n) || (before && before.parentNode !== n)) return null;
      if ((op[2] === -1) !== (op[3] === 0)) return null;
    }
  }
  let kept = true;
  for (const op of patch.ops) {
    const n = op[1] === -1 ? root : nodes[op[1]];
    switch (op[0]) {
      case 'text':
        n.nodeValue = op[2];
        break;
      case 'attrs': {
        const el = n as Element;
        const keep = new Set(op[3].map(([name]) => name));
        for (const name of el.getAttributeNames()) if (!keep.has(name)) el.removeAttribute(name);
        for (const [name, value] of op[3]) {
          if (el.getAttribute(name) !== value) el.setAttribute(name, value);
        }
        break;
      }
      case 'replace':
        (n as ChildNode).replaceWith(fragment(n.parentNode!, op[2]));
        kept = false;
        break;
      case 'splice': {
        const removed: ChildNode[] = [];
        for (
          let c = op[2] === -1 ? null : (nodes[op[2]] as ChildNode);
          removed.length < op[3] && c;
          c = c.nextSibling
        ) {
          removed.push(c);
        }
        n.insertBefore(fragment(n, op[4]), op[5] === -1 ? null : nodes[op[5]]);
        for (const c of removed) c.remove();
        kept = false;
        break;
      }
    }
  }
  return { kept };
}

/** `html` parsed as children of `parent`: inside <math> or <svg> it stays MathML or SVG. */
function fragment(parent: Node, html: string): DocumentFragment {
  const range = (parent.ownerDocument ?? (parent as Document)).createRange();
  range.selectNodeContents(parent);
  return range.createContextualFragment(html);
}
