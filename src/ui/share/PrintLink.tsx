import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { encode } from 'uqr';
import { linkUrl } from '../card/exportCard';
import { useLang } from '../i18n';
import { qrPath } from './qr';

type Encode = typeof encode;

/** The QR encoder once loaded (module state: code, not app state). */
let encoder: Encode | null = null;

function loadEncoder(): Promise<Encode> {
  return import('uqr').then((m) => (encoder = m.encode));
}

interface Code {
  url: string;
  /** The QR code, once its encoder has come. */
  qr: { size: number; path: string } | null;
}

/**
 * The link of the page as text and as a QR code, shown on paper only (the print stylesheet), so
 * a printed handout leads back to the live card with the same values. The code is drawn when
 * printing starts (`beforeprint`); its encoder loads when the reader first acts on the page,
 * and Ctrl+P / ⌘P before it has come waits for it.
 */
export function PrintLink() {
  const { t } = useLang();
  const [code, setCode] = useState<Code | null>(null);
  useEffect(() => {
    const make = () => {
      const url = linkUrl(window.location.href);
      let qr: Code['qr'] = null;
      if (encoder) {
        try {
          const c = encoder(url, { ecc: 'M', border: 2 });
          qr = { size: c.size, path: qrPath(c.data) };
        } catch {
          // longer than a QR code holds: the handout has the link as text only
        }
      }
      flushSync(() => setCode({ url, qr }));
    };
    const events = ['pointerdown', 'keydown', 'focusin'] as const;
    const warm = () => {
      events.forEach((e) => window.removeEventListener(e, warm, true));
      void loadEncoder().catch(() => undefined);
    };
    const onKey = (e: KeyboardEvent) => {
      if (encoder || !(e.ctrlKey || e.metaKey) || (e.key !== 'p' && e.key !== 'P')) return;
      e.preventDefault();
      loadEncoder().then(
        () => window.print(),
        () => window.print(),
      );
    };
    if (!encoder)
      events.forEach((e) => window.addEventListener(e, warm, { capture: true, passive: true }));
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeprint', make);
    return () => {
      events.forEach((e) => window.removeEventListener(e, warm, true));
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeprint', make);
    };
  }, []);
  return (
    <div className="print-link">
      <p>
        {t('print.link')} <span className="print-url">{code?.url ?? ''}</span>
      </p>
      {code?.qr && (
        <svg
          viewBox={`0 0 ${code.qr.size} ${code.qr.size}`}
          role="img"
          aria-label={t('print.qr')}
          shapeRendering="crispEdges"
        >
          <rect width={code.qr.size} height={code.qr.size} fill="#fff" />
          <path d={code.qr.path} fill="#000" />
        </svg>
      )}
    </div>
  );
}
