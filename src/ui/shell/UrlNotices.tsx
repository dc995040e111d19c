import { useState } from 'react';
import type { Lang, Param } from '../card/types';
import { formatValue } from '../card/values';
import { useLang } from '../i18n';
import type { UrlNotice } from '../url/params';
import type { PinNotice } from '../card/pins';

/** Props of `UrlNotices`. */
export interface UrlNoticesProps {
  /** What reading the values and the pins (`pin=`) did. */
  notices: readonly (UrlNotice | PinNotice)[];
  params: readonly Param[];
  lang: Lang;
}

/** A polite, dismissible list of what was adjusted while reading values from the link. */
export function UrlNotices({ notices, params, lang }: UrlNoticesProps) {
  const { t } = useLang();
  const [open, setOpen] = useState(true);
  const shown = notices.slice(0, 12);
  const name = (key: string) => {
    const base = key.replace(/\[\d+\]$/, '');
    const p = params.find((q) => q.name === base);
    return p ? `${p.label[lang]} (${key})` : key;
  };
  const step = (key: string) => {
    const p = params.find((q) => q.name === key.replace(/\[\d+\]$/, ''));
    if (p && (p.kind === 'seed' || p.kind === 'time')) return 1;
    return p && 'step' in p ? p.step : 0.01;
  };
  const text = (n: UrlNotice | PinNotice): string => {
    switch (n.kind) {
      case 'invalid':
        return t('url.invalid', { name: name(n.name), raw: n.raw });
      case 'clamped': {
        const f = (x: number) => formatValue(step(n.name), x);
        return t('url.clamped', {
          name: name(n.name),
          raw: n.raw,
          min: f(n.min),
          max: f(n.max),
          value: f(n.value),
        });
      }
      case 'tooMany':
      case 'tooFew':
        return t(n.kind === 'tooMany' ? 'url.tooMany' : 'url.tooFew', {
          name: name(n.name),
          expected: n.expected,
          got: n.got,
        });
      case 'entryInvalid':
        return t('url.entryInvalid', { name: name(n.name), index: n.index, raw: n.raw });
      case 'pinDropped':
        return t('url.pinDropped', { index: n.index, raw: n.raw });
      case 'pinsTooMany':
        return t('url.pinsTooMany', { got: n.got });
    }
  };
  return (
    <div className="url-notices" role="status" aria-live="polite">
      {open && shown.length > 0 && (
        <div className="notice">
          <p className="notice-heading">{t('url.heading')}</p>
          <ul>
            {shown.map((n, i) => (
              <li key={i}>{text(n)}</li>
            ))}
            {notices.length > shown.length && <li>…</li>}
          </ul>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('url.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
