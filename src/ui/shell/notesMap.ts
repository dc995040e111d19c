import { SECTIONS, type RegistryEntry, type SectionId } from '../../formulas/registry';

// The home page's map of the notes, laid out in data: every registry entry a row, in the notes'
// order and banded by section, and every related pair an arc beside the rows. Pure and
// deterministic (no measuring), so the prerendered HTML and the first client render agree.

/** Height of one formula's row, in em of the map's font size (1rem but when presenting). */
export const MAP_ROW_EM = 2.75;
/** Gap between two sections' bands, in em. */
export const MAP_GAP_EM = 0.5;
/** Width of the arcs' drawing in its own units (it stretches to its column). */
export const MAP_ARC_WIDTH = 100;

/** One formula on the map. */
export interface MapNode {
  entry: RegistryEntry;
  /** Place in the notes' order, from 0. */
  index: number;
  /** Centre of its row from the top of the map, in em. */
  y: number;
  /** Related formulas earlier in the notes (they lead to this one), in the notes' order. */
  from: readonly RegistryEntry[];
  /** Related formulas later in the notes (this one leads to them), in the notes' order. */
  to: readonly RegistryEntry[];
}

/** A section's band of rows. */
export interface MapSection {
  id: SectionId;
  /** Top of the band, in em. */
  top: number;
  /** Height of the band, in em. */
  height: number;
  nodes: readonly MapNode[];
}

/** A related pair, drawn from the earlier formula to the later one. */
export interface MapEdge {
  /** The earlier formula's id: the link leads from it. */
  from: string;
  /** The later formula's id: the link leads to it. */
  to: string;
  /** The arc's SVG path, in the drawing's units (x across 0…MAP_ARC_WIDTH, y in em). */
  d: string;
}

/** The whole map. */
export interface NotesMapLayout {
  sections: readonly MapSection[];
  /** Nodes by id. */
  nodes: ReadonlyMap<string, MapNode>;
  edges: readonly MapEdge[];
  /** Height of the map, in em. */
  height: number;
}

/** Entries in the notes' order: by section in SECTIONS' order, then as the registry lists them. */
export function notesOrder(registry: readonly RegistryEntry[]): RegistryEntry[] {
  const rank = (e: RegistryEntry) => SECTIONS.indexOf(e.section);
  return registry
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i)
    .map(({ entry }) => entry);
}

/**
 * Every related pair once, whichever page lists the other (a link listed by one side only is
 * still a pair), as [earlier id, later id] in the notes' order; ids missing from the registry
 * and self-links are left out.
 */
export function relatedPairs(ordered: readonly RegistryEntry[]): [string, string][] {
  const index = new Map(ordered.map((e, i) => [e.id, i]));
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const e of ordered) {
    const i = index.get(e.id)!;
    for (const id of e.related) {
      const j = index.get(id);
      if (j === undefined || j === i) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = `${a}-${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([a, b]);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs.map(([a, b]) => [ordered[a].id, ordered[b].id]);
}

const num = (x: number) => String(Math.round(x * 1000) / 1000);

/**
 * An arc from row centre y1 to row centre y2 on the left edge of the drawing, bulging right
 * by a width that grows with the number of rows it spans (a longer link arcs wider, so arcs
 * that nest do not cross).
 */
function arcPath(y1: number, y2: number, span: number, maxSpan: number): string {
  const bulge = MAP_ARC_WIDTH * (0.06 + 0.9 * (maxSpan > 1 ? (span - 1) / (maxSpan - 1) : 0));
  // a cubic Bézier whose two control points sit at c reaches 3/4 c at its middle
  const c = bulge / 0.75;
  return `M0,${num(y1)}C${num(c)},${num(y1)} ${num(c)},${num(y2)} 0,${num(y2)}`;
}

/** Lays out the map of `registry`: rows in the notes' order, section bands, one arc a related pair. */
export function layoutNotesMap(registry: readonly RegistryEntry[]): NotesMapLayout {
  const ordered = notesOrder(registry);
  const byId = new Map(ordered.map((e) => [e.id, e]));
  const pairs = relatedPairs(ordered);
  const from = new Map<string, RegistryEntry[]>();
  const to = new Map<string, RegistryEntry[]>();
  for (const [a, b] of pairs) {
    to.set(a, [...(to.get(a) ?? []), byId.get(b)!]);
    from.set(b, [...(from.get(b) ?? []), byId.get(a)!]);
  }

  const nodes = new Map<string, MapNode>();
  const sections: MapSection[] = [];
  let top = 0;
  let index = 0;
  for (const id of SECTIONS) {
    const entries = ordered.filter((e) => e.section === id);
    if (entries.length === 0) continue;
    if (sections.length > 0) top += MAP_GAP_EM;
    const bandNodes = entries.map((entry, row) => {
      const node: MapNode = {
        entry,
        index: index++,
        y: top + (row + 0.5) * MAP_ROW_EM,
        from: from.get(entry.id) ?? [],
        to: to.get(entry.id) ?? [],
      };
      nodes.set(entry.id, node);
      return node;
    });
    const height = entries.length * MAP_ROW_EM;
    sections.push({ id, top, height, nodes: bandNodes });
    top += height;
  }

  const maxSpan = Math.max(1, ordered.length - 1);
  const edges = pairs.map(([a, b]) => {
    const na = nodes.get(a)!;
    const nb = nodes.get(b)!;
    return { from: a, to: b, d: arcPath(na.y, nb.y, nb.index - na.index, maxSpan) };
  });
  return { sections, nodes, edges, height: top };
}
