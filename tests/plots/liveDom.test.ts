import { describe, expect, it } from 'vitest';
import { setAttr, setAttrs, setText } from '../../src/plots/liveDom';

const SVG = 'http://www.w3.org/2000/svg';

/** The mutation records `act` causes on `el` and its subtree. */
function mutations(el: Element, act: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(el, { attributes: true, characterData: true, childList: true, subtree: true });
  act();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('live DOM writes', () => {
  it('write an attribute or a text only when it changes', () => {
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', '1.5');
    text.setAttribute('y', '2');
    text.textContent = '0.25';
    expect(mutations(text, () => setAttrs(text, { x: 1.5, y: '2' }))).toHaveLength(0);
    expect(mutations(text, () => setText(text, '0.25'))).toHaveLength(0);
    const changed = mutations(text, () => {
      setAttr(text, 'x', 3);
      setAttrs(text, { y: 2, 'text-anchor': 'end' });
      setText(text, '0.50');
    });
    expect(changed.map((r) => r.attributeName ?? r.type)).toEqual([
      'x',
      'text-anchor',
      'characterData',
    ]);
    expect(text.getAttribute('x')).toBe('3');
    expect(text.getAttribute('text-anchor')).toBe('end');
    expect(text.textContent).toBe('0.50');
  });

  it('keep the text node React rendered, and ignore a missing element', () => {
    const text = document.createElementNS(SVG, 'text');
    text.textContent = 'a';
    const node = text.firstChild;
    setText(text, 'b');
    expect(text.firstChild).toBe(node);
    expect(() => {
      setAttr(null, 'x', 1);
      setAttrs(undefined, { x: 1 });
      setText(null, 'c');
    }).not.toThrow();
  });
});
