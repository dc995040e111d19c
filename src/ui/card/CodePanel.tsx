import { memo, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CodeSnippets, FormulaDef } from './types';
import type { Computed } from './PlotFigure';
import { useLang } from '../i18n';
import { copyText } from '../share/clipboard';

/** Props of `CodePanel`. */
export interface CodePanelProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>;
  /** The settled values and result: what the worked example shows. */
  settled: Computed;
}

type Library = keyof CodeSnippets;

/** The tabs, in order; the names of the libraries are the same in both languages. */
const LIBRARIES: readonly { id: Library; name: string }[] = [
  { id: 'numpy', name: 'NumPy' },
  { id: 'torch', name: 'PyTorch' },
];

type Status = 'copied' | 'selected' | null;

/** The page's code for these values, or null when it cannot be written for them. */
function snippets(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  def: FormulaDef<any>,
  settled: Computed,
): CodeSnippets | null {
  if (!def.code) return null;
  try {
    return def.code(settled.values, settled.result);
  } catch {
    return null;
  }
}

/**
 * Copies where the Clipboard API is missing or refused (no https, an older browser): the code
 * is selected and `execCommand('copy')` tried; if that fails too, it stays selected for Ctrl+C.
 */
function copyBySelection(el: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  selection.selectAllChildren(el);
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * "Code" under a card, a disclosure built only while open: NumPy and PyTorch code that computes
 * what the card shows with its settled values, in two tabs (arrow keys, Home and End move
 * between them), and a button that copies the code of the tab shown.
 */
export const CodePanel = memo(function CodePanel({ def, settled }: CodePanelProps) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Library>('numpy');
  const [status, setStatus] = useState<Status>(null);
  const codeRef = useRef<HTMLPreElement>(null);
  const tabRefs = useRef<Partial<Record<Library, HTMLButtonElement | null>>>({});
  const id = useId();
  const code = useMemo(() => (open ? snippets(def, settled) : null), [open, def, settled]);

  const choose = (next: Library, focus = false) => {
    setTab(next);
    setStatus(null);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = LIBRARIES.findIndex((l) => l.id === tab);
    const last = LIBRARIES.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % LIBRARIES.length
        : e.key === 'ArrowLeft'
          ? (at + last) % LIBRARIES.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (to < 0) return;
    e.preventDefault();
    choose(LIBRARIES[to].id, true);
  };
  const onCopy = () => {
    if (!code) return;
    const text = code[tab];
    void copyText(text).then((ok) => {
      if (ok) return setStatus('copied');
      const el = codeRef.current;
      setStatus(el && copyBySelection(el) ? 'copied' : 'selected');
    });
  };

  return (
    <details
      className="card-code"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        setStatus(null);
      }}
    >
      <summary>{t('code.heading')}</summary>
      {open && (
        <div className="code-body">
          <p className="code-hint">{t('code.hint')}</p>
          {code === null ? (
            <p className="code-status" role="status">
              {t('code.none')}
            </p>
          ) : (
            <>
              <div className="code-bar">
                <div
                  className="code-tabs"
                  role="tablist"
                  aria-label={t('code.tabs')}
                  onKeyDown={onTabKey}
                >
                  {LIBRARIES.map((l) => (
                    <button
                      key={l.id}
                      ref={(el) => {
                        tabRefs.current[l.id] = el;
                      }}
                      type="button"
                      role="tab"
                      id={`${id}-${l.id}`}
                      className="code-tab"
                      aria-selected={tab === l.id}
                      aria-controls={`${id}-panel`}
                      tabIndex={tab === l.id ? 0 : -1}
                      onClick={() => choose(l.id)}
                    >
                      {l.name}
                    </button>
                  ))}
                </div>
                <button type="button" className="button code-copy" onClick={onCopy}>
                  {t('code.copy')}
                </button>
              </div>
              <pre
                ref={codeRef}
                className="code-text"
                id={`${id}-panel`}
                role="tabpanel"
                aria-labelledby={`${id}-${tab}`}
                tabIndex={0}
                data-library={tab}
              >
                <code>{code[tab]}</code>
              </pre>
              <p className="code-status" role="status">
                {status === 'copied'
                  ? t('code.copied')
                  : status === 'selected'
                    ? t('code.selected')
                    : ''}
              </p>
            </>
          )}
        </div>
      )}
    </details>
  );
});
