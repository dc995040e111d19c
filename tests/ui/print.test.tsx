import { act, fireEvent, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findEntry } from '../../src/formulas/registry';
import { App } from '../../src/ui/App';
import { PrintLink } from '../../src/ui/share/PrintLink';
import { renderWithI18n } from './renderWithI18n';

const LOAD = { timeout: 10_000 };

/** Decodes a QR code drawn as `qrPath` draws it (one unit per module). */
function decode(d: string, size: number, scale = 4): string | null {
  const dark = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = m.slice(1).map(Number);
    for (let i = 0; i < w; i++) dark.add(`${x + i},${y}`);
  }
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4);
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++) {
      const v = dark.has(`${Math.floor(x / scale)},${Math.floor(y / scale)}`) ? 0 : 255;
      rgba.set([v, v, v, 255], (y * px + x) * 4);
    }
  return jsQR(rgba, px, px)?.data ?? null;
}

afterEach(() => window.history.replaceState(null, '', '/'));

/** The reader acts on the page (the QR encoder loads), then printing starts. */
async function actThenPrint(): Promise<void> {
  fireEvent.pointerDown(document.body);
  await import('uqr');
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  act(() => {
    window.dispatchEvent(new Event('beforeprint'));
  });
}

describe('printing a formula page', () => {
  it('draws the link as text and as a QR code of the same values when printing starts', async () => {
    window.history.replaceState(null, '', '/softmax?T=2&present=1&lang=zh-TW');
    const { container } = renderWithI18n(<App />, 'zh-TW');
    await screen.findByRole(
      'heading',
      { level: 1, name: findEntry('softmax')!.title['zh-TW'] },
      LOAD,
    );
    // leave presentation mode (Esc): printing is of the page
    fireEvent.keyDown(window, { key: 'Escape' });
    await actThenPrint();
    const box = container.querySelector('.print-link')!;
    expect(box.querySelector('.print-url')!.textContent).toBe(
      `${window.location.origin}/softmax?T=2&lang=zh-TW`,
    );
    const svg = box.querySelector('svg')!;
    expect(svg).toHaveAccessibleName('這張卡片連結的 QR 碼');
    const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const text = decode(svg.querySelector('path')!.getAttribute('d')!, size);
    expect(text).toBe(box.querySelector('.print-url')!.textContent);
    expect(new URL(text!).search).toBe('?T=2&lang=zh-TW');
  });

  it('a link too long for a QR code prints as text alone, without an error', async () => {
    const long = `/softmax?lang=en&note=${'x'.repeat(4000)}`;
    window.history.replaceState(null, '', long);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const { container } = renderWithI18n(<PrintLink />);
    await actThenPrint();
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    const box = container.querySelector('.print-link')!;
    expect(box.querySelector('.print-url')!.textContent).toBe(`${window.location.origin}${long}`);
    expect(box.querySelector('svg')).toBeNull();
  });

  it('the print stylesheet hides every control and the site around the card, and shows the link', () => {
    const css = readFileSync('src/ui/styles/print.css', 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    for (const sel of [
      '.site-header',
      '.site-footer',
      '.card-controls',
      '.card-export',
      '.card-predict',
      '.predict-start',
      '.card-code',
      '.data-table',
      '.page-links',
    ])
      expect(print).toContain(sel);
    expect(print).toMatch(
      /\.plot-image :is\(button, select, input, textarea\) \{\s*display: none !important;/,
    );
    expect(print).toMatch(/\.print-link\s*\{\s*display:\s*flex/);
    expect(css.slice(0, css.indexOf('@media print'))).toMatch(
      /\.print-link\s*\{\s*display:\s*none/,
    );
  });
});
