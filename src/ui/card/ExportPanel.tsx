import { useId, useRef, useState } from 'react';
import type { FormulaDef, Lang } from './types';
import type { Computed } from './PlotFigure';
import { useLang } from '../i18n';
import { mergeSearch } from '../url/params';
import { copyText } from '../share/clipboard';
import {
  cardLatex,
  download,
  iframeSnippet,
  linkUrl,
  plotSvg,
  svgToPng,
  tableCsv,
} from './exportCard';

/** Props of `ExportPanel`. */
export interface ExportPanelProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  /** The settled values and result: what the worked example and the table show. */
  settled: Computed;
  lang: Lang;
}

type Status = { kind: 'saved'; file: string } | { kind: 'copied' | 'refused' | 'failed' } | null;

/**
 * "Export" under a card, a disclosure built only while open: the plot as SVG and PNG (the
 * theme's colours and the legend written in), the data table as CSV, the formula and worked
 * example as LaTeX, the link, and an `<iframe>` snippet that embeds the card with its values.
 */
export function ExportPanel({ def, settled, lang }: ExportPanelProps) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [latex, setLatex] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);
  const latexId = useId();
  const embedId = useId();

  const plotImage = () => ref.current?.closest('.card')?.querySelector('.plot-image') ?? null;
  const svg = () => {
    const el = plotImage();
    return el ? plotSvg(el, el.getAttribute('aria-label') ?? def.id) : null;
  };
  const saved = (file: string) => setStatus({ kind: 'saved', file });
  // the address of these values now (the page writes its own URL a moment after they rest)
  const href = () => {
    const { origin, pathname, search } = window.location;
    return `${origin}${pathname}${mergeSearch(search, def.params, settled.values)}`;
  };

  const onSvg = () => {
    const s = svg();
    if (!s) return setStatus({ kind: 'failed' });
    download(`${def.id}.svg`, s, 'image/svg+xml');
    saved(`${def.id}.svg`);
  };
  const onPng = () => {
    const s = svg();
    if (!s) return setStatus({ kind: 'failed' });
    svgToPng(s).then(
      (blob) => {
        download(`${def.id}.png`, blob, 'image/png');
        saved(`${def.id}.png`);
      },
      () => setStatus({ kind: 'failed' }),
    );
  };
  const onCsv = () => {
    try {
      const csv = tableCsv(def.table(settled.values, settled.result, lang));
      download(`${def.id}.csv`, `\ufeff${csv}`, 'text/csv;charset=utf-8');
      saved(`${def.id}.csv`);
    } catch {
      setStatus({ kind: 'failed' });
    }
  };
  const latexText = () =>
    cardLatex(def, settled.values, settled.result, lang, {
      worked: t('card.worked'),
      link: linkUrl(href()),
    });
  const onLatex = () => {
    try {
      const tex = latexText();
      setLatex(tex);
      download(`${def.id}.tex`, tex, 'application/x-tex');
      saved(`${def.id}.tex`);
    } catch {
      setStatus({ kind: 'failed' });
    }
  };
  const copy = (text: string) =>
    void copyText(text).then((ok) => setStatus({ kind: ok ? 'copied' : 'refused' }));

  const snippet = open
    ? iframeSnippet(
        href(),
        t('exportCard.frameTitle', { title: document.title.split(' · ')[0] || def.id }),
      )
    : '';
  const message =
    status === null
      ? ''
      : status.kind === 'saved'
        ? t('exportCard.saved', { file: status.file })
        : status.kind === 'copied'
          ? t('exportCard.copied')
          : status.kind === 'refused'
            ? t('exportCard.copyRefused')
            : t('exportCard.failed');

  return (
    <details
      ref={ref}
      className="card-export"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        setStatus(null);
      }}
    >
      <summary>{t('exportCard.heading')}</summary>
      {open && (
        <div className="export-body">
          <div className="export-actions">
            <button type="button" className="button" onClick={onSvg}>
              {t('exportCard.svg')}
            </button>
            <button type="button" className="button" onClick={onPng}>
              {t('exportCard.png')}
            </button>
            <button type="button" className="button" onClick={onCsv}>
              {t('exportCard.csv')}
            </button>
            <button
              type="button"
              className="button"
              onClick={onLatex}
              title={t('exportCard.latexLabel')}
            >
              {t('exportCard.latex')}
            </button>
            <button type="button" className="button" onClick={() => copy(linkUrl(href()))}>
              {t('exportCard.link')}
            </button>
          </div>
          <p className="export-status" role="status">
            {message}
          </p>
          {latex !== null && (
            <div className="export-code">
              <label htmlFor={latexId}>{t('exportCard.latexLabel')}</label>
              <textarea id={latexId} readOnly rows={6} value={latex} />
              <button type="button" className="button" onClick={() => copy(latex)}>
                {t('exportCard.copyLatex')}
              </button>
            </div>
          )}
          <div className="export-code">
            <h3 className="card-subhead">{t('exportCard.embed')}</h3>
            <p>{t('exportCard.embedHint')}</p>
            <label htmlFor={embedId}>{t('exportCard.embedLabel')}</label>
            <textarea id={embedId} readOnly rows={3} value={snippet} />
            <button type="button" className="button" onClick={() => copy(snippet)}>
              {t('exportCard.copyEmbed')}
            </button>
          </div>
        </div>
      )}
    </details>
  );
}
