import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLang } from '../i18n';
import { pinText } from '../card/pins';
import { copyText } from '../share/clipboard';
import { writeDraft } from './draft';
import { MAX_LESSON_URL, MAX_NOTE, encodeLesson, lessonUrl, type LessonView } from './format';

/** Props of `LessonPanel`. */
export interface LessonPanelProps {
  open: boolean;
  onClose: () => void;
  /** The lesson being built (`useDraft`). */
  views: readonly LessonView[];
  /** The title of a page in the reader's language, or null for a page this build does not have. */
  titleOf: (page: string) => string | null;
  /** The app's address without a trailing slash: origin and deploy base. */
  root: () => string;
}

type Status =
  | { kind: 'moved'; index: number }
  | { kind: 'removed' }
  | { kind: 'copied' | 'copyRefused' }
  | null;

/** The link of a lesson and its length, made off the render (compression is asynchronous). */
function useLessonLink(views: readonly LessonView[], root: () => string, active: boolean) {
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    if (!active || views.length === 0) return;
    let current = true;
    void encodeLesson(views).then((code) => {
      // a language the teacher chose (in the address) plays in it for the class too
      const lang = new URLSearchParams(window.location.search).get('lang');
      if (current) setLink(lessonUrl(root(), code, views, 0, lang));
    });
    return () => {
      current = false;
    };
  }, [views, root, active]);
  return views.length === 0 ? null : link;
}

/**
 * The values of a view as short text, e.g. `T = 2, z = 1,2,3`, its pins after them
 * (`· pin 1: T = 0.5`), or `fallback` when it holds the defaults.
 */
function valuesText(query: string, t: ReturnType<typeof useLang>['t']): string {
  const parts: string[] = [];
  const pins: string[] = [];
  for (const [k, v] of new URLSearchParams(query)) {
    if (k === 'pin')
      pins.push(
        `${t('pin.entry', { slot: pins.length + 1 })}: ${pinText(v) || t('lesson.defaults')}`,
      );
    else parts.push(`${k} = ${v}`);
  }
  return [parts.length ? parts.join(', ') : t('lesson.defaults'), ...pins].join(' · ');
}

/**
 * The lesson being built, as a modal dialog: its views in order (page, values, a note to edit),
 * each moved up or down by button or Alt+↑ / Alt+↓ and removed, and the whole lesson as one link
 * to copy or play, with a message instead when the link would be too long to travel.
 */
export function LessonPanel({ open, onClose, views, titleOf, root }: LessonPanelProps) {
  const { t } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const refocus = useRef<{ index: number; action: string } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const titleId = useId();
  const hintId = useId();
  const linkId = useId();
  const link = useLessonLink(views, root, open);
  const tooLong = link !== null && link.length > MAX_LESSON_URL;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement as HTMLElement | null;
      setStatus(null);
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  // after a move, focus stays on the control that moved the view, at its new place
  useEffect(() => {
    const r = refocus.current;
    if (!r) return;
    refocus.current = null;
    const item = list.current?.children[r.index];
    const el = item?.querySelector<HTMLElement>(`[data-action="${r.action}"]`);
    el?.focus();
  }, [views]);

  const onDialogClose = () => {
    onClose();
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
  };

  const move = (from: number, to: number, action: string) => {
    if (to < 0 || to >= views.length || to === from) return;
    const next = views.slice();
    const [v] = next.splice(from, 1);
    next.splice(to, 0, v);
    refocus.current = { index: to, action };
    writeDraft(next);
    setStatus({ kind: 'moved', index: to + 1 });
  };
  const remove = (i: number) => {
    const next = views.filter((_, j) => j !== i);
    writeDraft(next);
    setStatus({ kind: 'removed' });
    // focus goes to the view that took its place, or the one before it
    const item = list.current?.children[Math.min(i, next.length - 1)];
    queueMicrotask(() =>
      (item?.querySelector<HTMLElement>('[data-action="note"]') ?? dialog.current)?.focus(),
    );
  };
  const setNote = (i: number, note: string) =>
    writeDraft(views.map((v, j) => (j === i ? { ...v, note: note.slice(0, MAX_NOTE) } : v)));

  const onItemKey = (i: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const action = (e.target as HTMLElement).dataset.action ?? 'note';
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, action);
  };

  const onCopy = async () => {
    if (!link || tooLong) return;
    setStatus({ kind: (await copyText(link)) ? 'copied' : 'copyRefused' });
  };

  const statusText =
    status === null
      ? ''
      : status.kind === 'moved'
        ? t('lesson.moved', { index: status.index, count: views.length })
        : status.kind === 'removed'
          ? t('lesson.removed', { count: views.length })
          : t(`lesson.${status.kind}`);

  return (
    <dialog
      ref={dialog}
      className="lesson-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      // the dialog keeps its keys, so arrows never turn a presentation's page behind it
      onKeyDown={(e) => e.stopPropagation()}
      onClose={onDialogClose}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <div className="lesson-box">
        <h2 id={titleId}>{t('lesson.title')}</h2>
        <p id={hintId} className="lesson-hint">
          {views.length === 0 ? t('lesson.empty') : t('lesson.hint')}
        </p>
        {views.length > 0 && (
          <ol ref={list} className="lesson-views" aria-label={t('lesson.views')}>
            {views.map((v, i) => {
              const title = titleOf(v.page) ?? v.page;
              const label = t('lesson.view', { index: i + 1, title });
              return (
                <li
                  key={`${i}:${v.page}:${v.query}`}
                  className="lesson-view"
                  aria-label={label}
                  onKeyDown={onItemKey(i)}
                >
                  <p className="lesson-view-title">
                    <strong>{label}</strong>
                    <span className="lesson-view-values">{valuesText(v.query, t)}</span>
                  </p>
                  <label className="lesson-note">
                    <span>{t('lesson.note', { index: i + 1, max: MAX_NOTE })}</span>
                    <textarea
                      data-action="note"
                      rows={2}
                      maxLength={MAX_NOTE}
                      value={v.note}
                      onChange={(e) => setNote(i, e.target.value)}
                    />
                  </label>
                  <div className="lesson-view-tools">
                    <button
                      type="button"
                      className="button"
                      data-action="up"
                      aria-disabled={i === 0}
                      aria-keyshortcuts="Alt+ArrowUp"
                      onClick={() => move(i, i - 1, 'up')}
                    >
                      {t('lesson.moveUp')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      data-action="down"
                      aria-disabled={i === views.length - 1}
                      aria-keyshortcuts="Alt+ArrowDown"
                      onClick={() => move(i, i + 1, 'down')}
                    >
                      {t('lesson.moveDown')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      data-action="remove"
                      onClick={() => remove(i)}
                    >
                      {t('lesson.remove')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {link !== null && !tooLong && (
          <div className="lesson-link">
            <label htmlFor={linkId}>{t('lesson.link')}</label>
            <input
              id={linkId}
              type="text"
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
            />
          </div>
        )}
        {tooLong && (
          <p className="lesson-too-long" role="alert">
            {t('lesson.tooLong', { length: link.length, max: MAX_LESSON_URL })}
          </p>
        )}
        <p className="lesson-status" role="status">
          {statusText}
        </p>
        <div className="lesson-actions">
          {link !== null && !tooLong && (
            <>
              <button type="button" className="button" onClick={() => void onCopy()}>
                {t('lesson.copy')}
              </button>
              <a className="button" href={link}>
                {t('lesson.play')}
              </a>
            </>
          )}
          {views.length > 0 && (
            <button type="button" className="button" onClick={() => writeDraft([])}>
              {t('lesson.clear')}
            </button>
          )}
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('lesson.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
