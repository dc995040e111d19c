import { useId, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { REGISTRY, SECTION_TITLES, type RegistryEntry } from '../../formulas/registry';
import type { Lang } from '../card/types';
import { useLang, type MessageVars } from '../i18n';
import { useCarriedSearch } from './links';
import {
  MAP_ARC_WIDTH,
  MAP_GAP_EM,
  MAP_ROW_EM,
  layoutNotesMap,
  type MapEdge,
  type MapNode,
} from './notesMap';

type T = ReturnType<typeof useLang>['t'];
type Via = 'hover' | 'focus';

/** The titles of `entries` as one list in `lang`. */
function titles(entries: readonly RegistryEntry[], lang: Lang): string {
  return entries.map((e) => e.title[lang]).join(lang === 'en' ? ', ' : '、');
}

/** "Leads from: … ." and "Leads to: … ." of a node, in words. */
function relations(node: MapNode, t: T, lang: Lang): { from: string; to: string } {
  const list = (entries: readonly RegistryEntry[]): MessageVars => ({
    list: titles(entries, lang),
  });
  return {
    from: node.from.length ? t('map.leadsFrom', list(node.from)) : t('map.fromNone'),
    to: node.to.length ? t('map.leadsTo', list(node.to)) : t('map.toNone'),
  };
}

/** How a node or an arc stands to the formula pointed at or focused. */
function standing(id: string, active: MapNode | null): string {
  if (!active) return '';
  if (id === active.entry.id) return 'is-active';
  if (active.from.some((e) => e.id === id)) return 'is-from';
  if (active.to.some((e) => e.id === id)) return 'is-to';
  return 'is-dim';
}

/** The arcs with how each stands to the active formula; its own arcs last, drawn on top. */
function arcs(edges: readonly MapEdge[], active: MapNode | null): { edge: MapEdge; r: string }[] {
  const id = active?.entry.id;
  const all = edges.map((edge) => ({
    edge,
    r: !active ? '' : edge.to === id ? 'is-from' : edge.from === id ? 'is-to' : 'is-dim',
  }));
  return [
    ...all.filter((a) => a.r === '' || a.r === 'is-dim'),
    ...all.filter((a) => a.r.length > 0 && a.r !== 'is-dim'),
  ];
}

/**
 * The map of the notes: every formula a row in the notes' order, banded by section, and every
 * related pair an arc from the earlier formula to the later one. Built formulas are links (they
 * carry the language and presentation mode like the list); pointing at or focusing one
 * highlights it, its arcs and its neighbours, and the caption says what leads to it and where
 * it leads. ↑ and ↓ move between the links.
 */
export function NotesMap() {
  const { t, lang } = useLang();
  const carry = useCarriedSearch();
  const uid = useId();
  // a few dozen rows and arcs: laid out again on each render (a pointer moving between rows)
  const map = layoutNotesMap(REGISTRY);
  // the formula pointed at and the one focused; the one that came last is highlighted (the
  // pointer counts when it moves, so a page the keyboard scrolls under a resting pointer keeps
  // the focused one)
  const [at, setAt] = useState<{ hover: string | null; focus: string | null; last: Via }>({
    hover: null,
    focus: null,
    last: 'hover',
  });
  const activeId = at.last === 'focus' ? (at.focus ?? at.hover) : (at.hover ?? at.focus);
  const enter = (via: Via, id: string) =>
    setAt((a) => (a[via] === id && a.last === via ? a : { ...a, [via]: id, last: via }));
  const leave = (via: Via, id: string) => setAt((a) => (a[via] === id ? { ...a, [via]: null } : a));
  const active = activeId === null ? null : (map.nodes.get(activeId) ?? null);
  const captionId = `${uid}-caption`;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('a.map-node')];
    const here = links.indexOf(e.target as HTMLAnchorElement);
    if (here < 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? links.length - 1 : here + (keys[e.key] ?? NaN);
    if (!Number.isInteger(to) || to < 0 || to >= links.length) return;
    e.preventDefault();
    links[to].focus();
  };

  // heights in em of the map's own font size, which presentation mode sets to fit the screen
  const style = {
    '--map-row': `${MAP_ROW_EM}em`,
    '--map-gap': `${MAP_GAP_EM}em`,
    '--map-height': map.height,
    height: `${map.height}em`,
  } as CSSProperties;

  return (
    <figure className="notes-map" aria-labelledby={captionId}>
      <figcaption id={captionId} className="notes-map-caption">
        {t('map.caption')}
      </figcaption>
      {/* every node's words stacked in one cell, only the active one shown: the box is as tall
          as the longest at this width, so pointing at another row never moves the rows */}
      <div className="notes-map-status">
        <p className={active ? '' : 'is-shown'}>{t('map.hint')}</p>
        {[...map.nodes.values()].map((n) => {
          const r = relations(n, t, lang);
          return (
            <p key={n.entry.id} className={n === active ? 'is-shown' : ''}>
              <strong>{n.entry.title[lang]}</strong>{' '}
              <span className="map-says map-says-from">
                {n.from.length > 0 && <span className="map-swatch" aria-hidden="true" />}
                {r.from}
              </span>{' '}
              <span className="map-says map-says-to">
                {n.to.length > 0 && <span className="map-swatch" aria-hidden="true" />}
                {r.to}
              </span>
            </p>
          );
        })}
      </div>
      <nav
        className="notes-map-body"
        aria-label={t('map.nav')}
        style={style}
        data-active={active ? '' : undefined}
        onKeyDown={onKeyDown}
      >
        <ol className="map-sections">
          {map.sections.map((s) => {
            const headingId = `${uid}-${s.id}`;
            const section = SECTION_TITLES[s.id][lang];
            return (
              <li key={s.id} className="map-section" style={{ height: `${s.height}em` }}>
                <h2 id={headingId} className="map-section-title">
                  {section}
                </h2>
                <ol className="map-nodes" aria-labelledby={headingId}>
                  {s.nodes.map((n) => {
                    const e = n.entry;
                    const r = relations(n, t, lang);
                    const descId = `${uid}-${e.id}-desc`;
                    const where = t('map.sectionOf', { section });
                    return (
                      <li
                        key={e.id}
                        className={`map-row ${standing(e.id, active)}`}
                        data-id={e.id}
                        onPointerMove={() => enter('hover', e.id)}
                        onPointerLeave={() => leave('hover', e.id)}
                      >
                        {e.load ? (
                          <Link
                            href={`/${e.id}${carry}`}
                            className="map-node"
                            aria-label={`${e.title[lang]} ${where}`}
                            aria-describedby={descId}
                            onFocus={() => enter('focus', e.id)}
                            onBlur={() => leave('focus', e.id)}
                          >
                            <span className="map-node-title">{e.title[lang]}</span>
                          </Link>
                        ) : (
                          <span className="map-node map-node-coming">
                            <span className="map-node-title">
                              {e.title[lang]} <span className="badge">{t('home.comingSoon')}</span>
                            </span>
                            <span className="visually-hidden"> {where}</span>
                          </span>
                        )}
                        <span id={descId} className="visually-hidden">
                          {r.from} {r.to}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </li>
            );
          })}
        </ol>
        <svg
          className="map-arcs"
          viewBox={`0 0 ${MAP_ARC_WIDTH} ${map.height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {arcs(map.edges, active).map(({ edge, r }) => (
            <path
              key={`${edge.from}|${edge.to}`}
              className={`map-arc ${r}`}
              d={edge.d}
              data-from={edge.from}
              data-to={edge.to}
            />
          ))}
        </svg>
      </nav>
    </figure>
  );
}
