import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REGISTRY,
  SECTIONS,
  SECTION_TITLES,
  builtEntries,
  type RegistryEntry,
} from '../../src/formulas/registry';
import { App } from '../../src/ui/App';
import { LANGS } from '../../src/ui/i18n';
import { parseHomeView } from '../../src/ui/shell/homeView';
import { MAP_ROW_EM, layoutNotesMap, notesOrder, relatedPairs } from '../../src/ui/shell/notesMap';
import { renderWithI18n } from './renderWithI18n';

function go(url: string) {
  window.history.replaceState(null, '', url);
}

afterEach(() => {
  go('/');
  document.documentElement.removeAttribute('data-present');
});

/** Every related pair of the registry once, as "a|b" with a < b as strings (order-free). */
function unorderedPairs(entries: readonly RegistryEntry[]): Set<string> {
  const ids = new Set(entries.map((e) => e.id));
  const out = new Set<string>();
  for (const e of entries)
    for (const id of e.related)
      if (ids.has(id) && id !== e.id) out.add([e.id, id].sort().join('|'));
  return out;
}

/**
 * Links listed by one page only: [page, the page it lists]. PAGE.md asks for links both ways,
 * and none is one-way now: a new one-way link fails here; add it on the other page.
 */
const ONE_WAY: string[][] = [];

describe('related links in the registry', () => {
  it('name registered pages only, never the page itself, each at most once', () => {
    const ids = new Set(REGISTRY.map((e) => e.id));
    for (const e of REGISTRY) {
      for (const id of e.related) expect(ids.has(id), `${e.id} → ${id}`).toBe(true);
      expect(e.related, e.id).not.toContain(e.id);
      expect(new Set(e.related).size, e.id).toBe(e.related.length);
    }
  });

  it('go both ways, except the known one-way links', () => {
    const byId = new Map(REGISTRY.map((e) => [e.id, e]));
    const oneWay = REGISTRY.flatMap((e) =>
      e.related.filter((id) => !byId.get(id)!.related.includes(e.id)).map((id) => [e.id, id]),
    ).sort((a, b) => a.join().localeCompare(b.join()));
    expect(oneWay).toEqual(ONE_WAY);
  });

  it('give every built page at least one link', () => {
    for (const e of builtEntries()) expect(e.related.length, e.id).toBeGreaterThan(0);
  });
});

describe('layoutNotesMap', () => {
  const map = layoutNotesMap(REGISTRY);
  const ordered = notesOrder(REGISTRY);

  it('keeps the notes’ order: sections as SECTIONS lists them, entries as the registry does', () => {
    const sectionRank = ordered.map((e) => SECTIONS.indexOf(e.section));
    expect(sectionRank).toEqual([...sectionRank].sort((a, b) => a - b));
    for (const s of SECTIONS) {
      const inRegistry = REGISTRY.filter((e) => e.section === s).map((e) => e.id);
      expect(ordered.filter((e) => e.section === s).map((e) => e.id)).toEqual(inRegistry);
    }
  });

  it('places a node per entry, one row each, inside its section’s band, top to bottom', () => {
    expect(map.nodes.size).toBe(REGISTRY.length);
    const nodes = ordered.map((e) => map.nodes.get(e.id)!);
    nodes.forEach((n, i) => {
      expect(n.index).toBe(i);
      if (i > 0) expect(n.y - nodes[i - 1].y).toBeGreaterThanOrEqual(MAP_ROW_EM - 1e-9);
    });
    for (const s of map.sections) {
      expect(s.height).toBeCloseTo(s.nodes.length * MAP_ROW_EM, 9);
      for (const n of s.nodes) {
        expect(n.entry.section).toBe(s.id);
        expect(n.y).toBeGreaterThan(s.top);
        expect(n.y).toBeLessThan(s.top + s.height);
      }
    }
    const last = map.sections[map.sections.length - 1];
    expect(map.height).toBeCloseTo(last.top + last.height, 9);
  });

  it('draws an arc per related pair, from the earlier formula to the later one, ending on their rows', () => {
    expect(map.edges.length).toBe(unorderedPairs(REGISTRY).size);
    const drawn = new Set(map.edges.map((e) => [e.from, e.to].sort().join('|')));
    expect(drawn).toEqual(unorderedPairs(REGISTRY));
    for (const edge of map.edges) {
      const a = map.nodes.get(edge.from)!;
      const b = map.nodes.get(edge.to)!;
      expect(a.index).toBeLessThan(b.index);
      const nums = edge.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(nums[0]).toBe(0);
      expect(nums[1]).toBeCloseTo(a.y, 3);
      expect(nums[nums.length - 2]).toBe(0);
      expect(nums[nums.length - 1]).toBeCloseTo(b.y, 3);
      // leads from / leads to agree with the arcs
      expect(a.to.map((e) => e.id)).toContain(b.entry.id);
      expect(b.from.map((e) => e.id)).toContain(a.entry.id);
    }
  });

  it('draws a longer link as a wider arc', () => {
    const width = (d: string) => Number(d.match(/C(-?[\d.]+)/)![1]);
    const span = (e: (typeof map.edges)[number]) =>
      map.nodes.get(e.to)!.index - map.nodes.get(e.from)!.index;
    const sorted = [...map.edges].sort((p, q) => span(p) - span(q));
    for (let i = 1; i < sorted.length; i++)
      expect(width(sorted[i].d)).toBeGreaterThanOrEqual(width(sorted[i - 1].d));
  });

  it('relatedPairs gives each listed pair once, earlier first, whichever side lists it (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...ids, 'missing'), { maxLength: 8 }), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
        (lists) => {
          const entries = ids.map((id, i) => ({ ...REGISTRY[0], id, related: lists[i] }));
          const pairs = relatedPairs(entries);
          const keys = pairs.map((p) => p.join('|'));
          expect(new Set(keys).size).toBe(keys.length);
          for (const [a, b] of pairs) expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
          expect(new Set(pairs.map((p) => [...p].sort().join('|')))).toEqual(
            unorderedPairs(entries),
          );
        },
      ),
    );
  });
});

describe('parseHomeView', () => {
  it('reads list and map; anything else is the list, and the value is said back shortened', () => {
    expect(parseHomeView(null)).toEqual({ view: 'list', rejected: null });
    expect(parseHomeView('list')).toEqual({ view: 'list', rejected: null });
    expect(parseHomeView('map')).toEqual({ view: 'map', rejected: null });
    expect(parseHomeView('MAP')).toEqual({ view: 'list', rejected: 'MAP' });
    const long = parseHomeView('x'.repeat(500));
    expect(long.view).toBe('list');
    expect(long.rejected!.length).toBeLessThan(40);
  });
});

/** A planned page, listed for the time the tests run (as tests/ui/app.test.tsx does). */
const unbuilt: RegistryEntry = {
  id: 'a-planned-page',
  section: 'softmax',
  title: { en: 'A planned page', 'zh-TW': '規劃中的一頁' },
  teaser: { en: 'Not built yet.', 'zh-TW': '尚未完成。' },
  related: ['softmax'],
};

describe('the home page’s map', () => {
  beforeAll(() => void (REGISTRY as RegistryEntry[]).push(unbuilt));
  afterAll(() => void (REGISTRY as RegistryEntry[]).splice(REGISTRY.indexOf(unbuilt), 1));

  for (const lang of LANGS) {
    it(`?view=map shows a node per entry, an arc per pair, built nodes as links naming their section (${lang})`, () => {
      go(`/?view=map&lang=${lang}`);
      const { container } = renderWithI18n(<App />, lang);
      const nav = screen.getByRole('navigation', {
        name: lang === 'en' ? 'Map of the notes' : '筆記的關聯圖',
      });
      expect(nav.closest('figure')).toHaveAccessibleName(/notes’ order|筆記的順序/);
      expect(container.querySelector('.home-sections')).toBeNull();
      expect(nav.querySelectorAll('.map-row').length).toBe(REGISTRY.length);
      expect(nav.querySelectorAll('path.map-arc').length).toBe(unorderedPairs(REGISTRY).size);
      const links = within(nav).getAllByRole('link');
      expect(links.length).toBe(builtEntries().length);
      builtEntries().forEach((e, i) => {
        expect(links[i]).toHaveAttribute('href', `/${e.id}?lang=${lang}`);
        // the link's name: its visible title, then its section
        expect(links[i].textContent).toBe(e.title[lang]);
        expect(links[i]).toHaveAccessibleName(
          `${e.title[lang]} ${lang === 'en' ? `(section: ${SECTION_TITLES[e.section].en})` : `（章節：${SECTION_TITLES[e.section]['zh-TW']}）`}`,
        );
        const desc = links[i].getAttribute('aria-describedby')!;
        expect(document.getElementById(desc)?.textContent).toMatch(
          lang === 'en'
            ? /(Leads from|Nothing earlier).*(Leads to|nothing later)/
            : /(由這些|沒有更前面).*(通往)/,
        );
      });
      // the planned page: shown, muted, not a link and not focusable
      const row = nav.querySelector(`[data-id="${unbuilt.id}"]`)!;
      expect(row.querySelector('a, [tabindex]')).toBeNull();
      expect(row.textContent).toContain(unbuilt.title[lang]);
      expect(container.textContent).not.toMatch(/NaN|undefined/);
    });
  }

  it('focusing a node highlights it, its arcs and its neighbours, and says what leads to it and where it leads', () => {
    go('/?view=map');
    const { container } = renderWithI18n(<App />);
    const map = layoutNotesMap(REGISTRY);
    const id = 'softmax';
    const node = map.nodes.get(id)!;
    expect(node.from.length).toBeGreaterThan(0);
    const link = screen.getByRole('link', { name: /^Softmax and temperature/ });
    expect(link).toHaveAccessibleName('Softmax and temperature (section: Softmax)');
    const status = () => container.querySelector('.notes-map-status .is-shown')!;
    expect(status().textContent).toMatch(/Point at a formula/);
    act(() => link.focus());
    const cls = (rid: string) => container.querySelector(`[data-id="${rid}"]`)!.className;
    expect(cls(id)).toContain('is-active');
    for (const e of node.from) expect(cls(e.id)).toContain('is-from');
    for (const e of node.to) expect(cls(e.id)).toContain('is-to');
    const neighbours = new Set([id, ...node.from.map((e) => e.id), ...node.to.map((e) => e.id)]);
    const others = REGISTRY.filter((e) => !neighbours.has(e.id));
    expect(others.length).toBeGreaterThan(0);
    for (const e of others) expect(cls(e.id)).toContain('is-dim');
    for (const path of container.querySelectorAll('path.map-arc')) {
      const mine = path.getAttribute('data-from') === id || path.getAttribute('data-to') === id;
      expect(path.getAttribute('class')).toContain(
        mine ? (path.getAttribute('data-to') === id ? 'is-from' : 'is-to') : 'is-dim',
      );
    }
    expect(status().textContent).toContain('Softmax and temperature');
    expect(status().textContent).toContain(
      `Leads from: ${node.from.map((e) => e.title.en).join(', ')}.`,
    );
    // the planned page listed after softmax, in its section, links to it
    expect(status().textContent).toContain(`Leads to: ${unbuilt.title.en}.`);
    act(() => link.blur());
    expect(cls(id)).not.toContain('is-active');
    expect(status().textContent).toMatch(/Point at a formula/);
  });

  it('pointing at a row highlights it too; ↓ ↑ Home End move the focus between the links', () => {
    go('/?view=map');
    const { container } = renderWithI18n(<App />);
    const rows = container.querySelectorAll('.map-row');
    fireEvent.pointerMove(rows[1]);
    expect(rows[1].className).toContain('is-active');
    fireEvent.pointerLeave(rows[1]);
    expect(rows[1].className).not.toContain('is-active');
    const links = container.querySelectorAll<HTMLAnchorElement>('a.map-node');
    // the pointer resting on a row, the keyboard moves on: the focused formula is shown
    fireEvent.pointerMove(rows[3]);
    act(() => links[0].focus());
    expect(rows[0].className).toContain('is-active');
    expect(rows[3].className).not.toContain('is-active');
    fireEvent.pointerLeave(rows[3]);
    fireEvent.keyDown(links[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(links[0], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(links[0], { key: 'End' });
    expect(document.activeElement).toBe(links[links.length - 1]);
    fireEvent.keyDown(links[links.length - 1], { key: 'Home' });
    expect(document.activeElement).toBe(links[0]);
  });

  it('the List | Map switch writes ?view=map and back, keeping the rest of the query', async () => {
    const user = userEvent.setup();
    go('/?lang=zh-TW');
    const { container } = renderWithI18n(<App />, 'zh-TW');
    const list = screen.getByRole('radio', { name: '清單' });
    const mapRadio = screen.getByRole('radio', { name: '關聯圖' });
    expect(screen.getByRole('group', { name: '公式的顯示方式' })).toBeInTheDocument();
    expect(list).toBeChecked();
    expect(container.querySelector('.home-sections')).not.toBeNull();
    await user.click(mapRadio);
    expect(window.location.search).toBe('?lang=zh-TW&view=map');
    expect(mapRadio).toBeChecked();
    expect(container.querySelector('.notes-map')).not.toBeNull();
    // keyboard: arrows move within the radio group
    await user.keyboard('{ArrowLeft}');
    expect(list).toBeChecked();
    expect(window.location.search).toBe('?lang=zh-TW');
    expect(container.querySelector('.notes-map')).toBeNull();
    expect(container.querySelector('.home-sections')).not.toBeNull();
  });

  it('P presents the map (not the list), its links carry presentation mode, Esc leaves', () => {
    go('/');
    const { container } = renderWithI18n(<App />);
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(document.documentElement).not.toHaveAttribute('data-present');
    act(() => go('/?view=map'));
    expect(screen.getByRole('button', { name: 'Present' })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'p' });
    expect(document.documentElement).toHaveAttribute('data-present');
    expect(container.querySelector('.site-header')).toBeNull();
    expect(window.location.search).toBe('?view=map&present=1');
    expect(container.querySelector('a.map-node')).toHaveAttribute(
      'href',
      `/${builtEntries()[0].id}?present=1`,
    );
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(document.documentElement).not.toHaveAttribute('data-present');
    expect(window.location.search).toBe('?view=map');
  });

  it('a hostile ?view= value shows the list with a polite notice, as text; choosing a view clears it', async () => {
    const user = userEvent.setup();
    go('/?view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const { container } = renderWithI18n(<App />);
    expect(container.querySelector('.home-sections')).not.toBeNull();
    expect(container.querySelector('.notes-map, img')).toBeNull();
    expect(container.querySelector('.view-notice')).toHaveTextContent(
      /view “<img src=x onerro.*” that does not exist, so the list is shown/,
    );
    expect(screen.getByRole('radio', { name: 'List' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Map' }));
    expect(window.location.search).toBe('?view=map');
    expect(container.querySelector('.view-notice')).toBeNull();
    expect(container.querySelector('.notes-map')).not.toBeNull();
  });
});
