import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { ShareQr } from '../../src/ui/share/ShareQr';
import { qrPath, shareUrl } from '../../src/ui/share/qr';
import { renderWithI18n } from './renderWithI18n';

/** The dark cells a path of `qrPath` fills (its rectangles, one unit high), as "x,y" keys. */
function cellsOfPath(d: string): Set<string> {
  const cells = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = m.slice(1).map(Number);
    expect(back).toBe(w);
    for (let i = 0; i < w; i++) cells.add(`${x + i},${y}`);
  }
  return cells;
}

/** Decodes a QR drawn from `path` (size × size modules, `scale` px each) with jsQR. */
function decode(path: string, size: number, scale = 4): string | null {
  const dark = cellsOfPath(path);
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4);
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      const v = dark.has(`${Math.floor(x / scale)},${Math.floor(y / scale)}`) ? 0 : 255;
      rgba.set([v, v, v, 255], (y * px + x) * 4);
    }
  }
  return jsQR(rgba, px, px)?.data ?? null;
}

describe('shareUrl', () => {
  it('keeps the page, the values (commas readable, as the app writes them) and the language; drops presentation mode and the hash', () => {
    expect(
      shareUrl('https://example.org/llm/softmax?T=0.7&z=2,1,0.1,-1,-3&lang=zh-TW&present=1#x'),
    ).toBe('https://example.org/llm/softmax?T=0.7&z=2,1,0.1,-1,-3&lang=zh-TW');
  });

  it('any query: every key but present survives with its values, in order (fast-check)', () => {
    const key = fc.constantFrom('T', 'z', 'lang', 'present', 'n', 'c', 'Q', 'x');
    const value = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (pairs) => {
        const q = new URLSearchParams(pairs);
        const out = new URL(shareUrl(`https://h.example/mse?${q.toString()}`));
        expect(out.pathname).toBe('/mse');
        expect([...out.searchParams]).toEqual(pairs.filter(([k]) => k !== 'present'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('qrPath', () => {
  it('fills exactly the dark modules of any matrix (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (data) => {
          const want = new Set<string>();
          data.forEach((row, y) => row.forEach((dark, x) => dark && want.add(`${x},${y}`)));
          expect(cellsOfPath(qrPath(data))).toEqual(want);
        },
      ),
    );
  });

  it('a code drawn from it reads back as the link with an independent decoder (jsQR)', () => {
    const links = [
      'https://example.org/attention?Q=1.5,0;0.5,1.5;2,0.5;0,2&K=-1,-1.5;2,0.5&row=2&lang=zh-TW',
      shareUrl('http://127.0.0.1:4173/softmax?T=0.7&z=2,1,0.1,-1,-3&present=1'),
    ];
    for (const link of links) {
      const qr = encode(link, { ecc: 'M', border: 4 });
      expect(decode(qrPath(qr.data), qr.size)).toBe(link);
    }
  });
});

describe('ShareQr', () => {
  // jsdom has no modal dialogs: showModal and close toggle `open` here.
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  const native = { showModal: proto.showModal, close: proto.close };
  beforeEach(() => {
    proto.showModal = function (this: HTMLDialogElement) {
      this.open = true;
    };
    proto.close = function (this: HTMLDialogElement) {
      this.open = false;
    };
    window.history.replaceState(null, '', '/softmax?T=0.7&lang=zh-TW&present=1');
  });
  afterEach(() => {
    proto.showModal = native.showModal;
    proto.close = native.close;
    window.history.replaceState(null, '', '/');
  });

  it.each([
    ['en', en.share],
    ['zh-TW', zhTW.share],
  ] as const)(
    'opens a dialog with the code of the link, copies it, closes (%s)',
    async (lang, s) => {
      const writeText = vi.fn(async () => {});
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      renderWithI18n(<ShareQr />, lang);
      await userEvent.click(screen.getByRole('button', { name: s.button }));
      const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
      expect(dialog.open).toBe(true);
      expect(dialog).toHaveAccessibleName(s.title);
      const link = `${window.location.origin}/softmax?T=0.7&lang=zh-TW`;
      const img = await screen.findByRole('img', { name: s.alt.replace('{{url}}', link) });
      const size = Number(img.getAttribute('viewBox')!.split(' ')[2]);
      expect(decode(img.querySelector('path')!.getAttribute('d')!, size)).toBe(link);
      expect(dialog).toHaveTextContent(link);

      await userEvent.click(screen.getByRole('button', { name: s.copy }));
      expect(writeText).toHaveBeenCalledWith(link);
      await waitFor(() => expect(dialog).toHaveTextContent(s.copied));

      await userEvent.click(screen.getByRole('button', { name: s.close }));
      expect(dialog.open).toBe(false);
    },
  );

  it.each([
    ['no clipboard (a page served without https)', undefined],
    ['a clipboard that refuses', { writeText: vi.fn(async () => Promise.reject(new Error('no'))) }],
  ])('says so when the link cannot be copied: %s', async (_, clipboard) => {
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    renderWithI18n(<ShareQr />, 'en');
    await userEvent.click(screen.getByRole('button', { name: en.share.button }));
    await userEvent.click(screen.getByRole('button', { name: en.share.copy }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    await waitFor(() => expect(dialog).toHaveTextContent(en.share.copyRefused));
    expect(dialog).not.toHaveTextContent(en.share.copied);
  });

  it('its keys stay in the dialog: Esc and arrows do not reach the page behind', async () => {
    const onKey = vi.fn();
    window.addEventListener('keydown', onKey);
    try {
      renderWithI18n(<ShareQr />, 'en');
      await userEvent.click(screen.getByRole('button', { name: en.share.button }));
      const dialog = screen.getByRole('dialog', { hidden: true });
      act(() => {
        for (const key of ['Escape', 'ArrowRight', 'PageDown']) {
          dialog.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        }
      });
      expect(onKey).not.toHaveBeenCalled();
      // a key elsewhere still reaches the page
      act(() => {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true }));
      });
      expect(onKey).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', onKey);
    }
  });
});
