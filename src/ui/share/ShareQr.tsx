import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLang } from '../i18n';
import { qrPath, shareUrl } from './qr';

interface Code {
  url: string;
  size: number;
  path: string;
}

/**
 * A button that shows the current page's link as a QR code in a dialog, for a class to scan
 * from the projected card: each student's phone opens the same formula with the same values.
 * The encoder loads on first use. The dialog keeps its keys to itself, so Esc closes it (and
 * does not leave presentation mode) and arrows do not turn the page behind it.
 */
export function ShareQr() {
  const { t } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState<Code | null>(null);
  const [failed, setFailed] = useState(false);
  /** What became of the last Copy link: nothing yet, copied, or refused (no clipboard here). */
  const [copied, setCopied] = useState<'copied' | 'refused' | null>(null);
  const titleId = useId();

  const open = () => {
    const link = shareUrl(window.location.href);
    setUrl(link);
    setCopied(null);
    setFailed(false);
    dialog.current?.showModal();
    import('uqr')
      .then(({ encode }) => {
        const qr = encode(link, { ecc: 'M', border: 4 });
        setCode({ url: link, size: qr.size, path: qrPath(qr.data) });
      })
      .catch(() => {
        setCode(null);
        setFailed(true);
      });
  };

  // the code drawn is the current link's, never an older one's
  const shown = code?.url === url ? code : null;

  useEffect(() => {
    if (copied !== 'copied') return;
    const timer = window.setTimeout(() => setCopied(null), 4000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    // the clipboard is missing on a page served without https (other than localhost)
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied('refused');
      return;
    }
    clipboard.writeText(url).then(
      () => setCopied('copied'),
      () => setCopied('refused'),
    );
  };

  const keepKeys = (e: KeyboardEvent<HTMLDialogElement>) => e.stopPropagation();

  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={open}>
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={titleId} onKeyDown={keepKeys}>
        <h2 id={titleId}>{t('share.title')}</h2>
        <p>{t('share.hint')}</p>
        <div className="share-code">
          {shown ? (
            <svg
              viewBox={`0 0 ${shown.size} ${shown.size}`}
              role="img"
              aria-label={t('share.alt', { url: shown.url })}
              shapeRendering="crispEdges"
            >
              <rect width={shown.size} height={shown.size} fill="#fff" />
              <path d={shown.path} fill="#000" />
            </svg>
          ) : (
            <p role="status">{failed ? t('share.failed') : t('share.making')}</p>
          )}
        </div>
        <p className="share-url">{url}</p>
        <div className="share-actions">
          <span className="share-copied" role="status">
            {copied === 'copied'
              ? t('share.copied')
              : copied === 'refused'
                ? t('share.copyRefused')
                : ''}
          </span>
          <button type="button" className="button" onClick={copy}>
            {t('share.copy')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('share.close')}
          </button>
        </div>
      </dialog>
    </>
  );
}
