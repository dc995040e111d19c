import { memo, useLayoutEffect, useMemo, type RefObject } from 'react';
import type { FormulaDef, Lang, Values } from './types';
import { useLang } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { describePin, type Pin, type PinSlot } from './pins';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

const noop = () => {};

/** Props of `PinGhost`. */
export interface PinGhostProps {
  def: AnyDef;
  pin: Pin;
  lang: Lang;
}

/**
 * A pinned state's ghost: the page's own Plot rendered again from the pin's values and the
 * result computed when it was pinned, laid over the live plot, faint, grey and with dashed
 * (pin 1) or dotted (pin 2) lines, its text, axes and controls hidden, inert and hidden from
 * screen readers (its legend entry says what it shows). Memoized on the pin: a slider tick
 * never renders it again; it follows resizes and the theme as the live plot does.
 */
export const PinGhost = memo(function PinGhost({ def, pin, lang }: PinGhostProps) {
  const PagePlot = def.Plot;
  return (
    <div className="pin-ghost" data-pin={pin.slot} aria-hidden="true" inert>
      <ErrorBoundary resetKey={pin} fallback={() => null}>
        <PagePlot
          values={pin.values}
          result={pin.result}
          lang={lang}
          highlight={null}
          setHighlight={noop}
          setValue={noop}
        />
      </ErrorBoundary>
    </div>
  );
});

/** The drawn layers of a plot (SVG panels and canvases) in document order, ghosts left out. */
function layers(root: Element, ghost: boolean): Element[] {
  return [...root.querySelectorAll('svg, canvas')].filter(
    (el) =>
      !el.closest('.katex') &&
      !(el.parentElement && el.parentElement.closest('svg')) &&
      (ghost || !el.closest('.pin-ghost')),
  );
}

/** What must match for a ghost's layer to be drawn over a live one: size and axis ticks. */
function layerKey(el: Element): string {
  if (el instanceof HTMLCanvasElement) return `canvas ${el.width}×${el.height}`;
  const ticks = [...el.querySelectorAll('.axis text, .tick-label')].map((t) => t.textContent);
  return `${el.getAttribute('viewBox') ?? ''} ${ticks.join(',')}`;
}

/**
 * Keeps each ghost honest: a ghost's panel is drawn only while the live panel under it has the
 * same size and the same axis ticks (`data-differs` hides it otherwise, and its legend entry
 * says so), since a ghost drawn to other axes would say something false. Watches the figure
 * only while there are pins; a check reads attributes and text, no layout.
 */
export function useGhostCheck(ref: RefObject<HTMLElement | null>, pins: number): void {
  useLayoutEffect(() => {
    const figure = ref.current;
    const image = figure?.querySelector('.plot-image');
    if (!figure || !image || pins === 0) return;
    const check = () => {
      const live = layers(image, false).map(layerKey);
      for (const ghost of image.querySelectorAll<HTMLElement>(':scope > .pin-ghost')) {
        const own = layers(ghost, true);
        const keys = own.map(layerKey);
        const all = keys.length !== live.length;
        const differs = keys.map((k, i) => all || k !== live[i]);
        // a canvas drawn with a panel whose axes differ goes with it
        const hidden = new Set(own.filter((_el, i) => differs[i]).map((el) => el.parentElement));
        own.forEach((el, i) => {
          if (el instanceof HTMLCanvasElement && hidden.has(el.parentElement)) differs[i] = true;
          if (el.hasAttribute('data-differs') !== differs[i]) {
            el.toggleAttribute('data-differs', differs[i]);
          }
        });
        const any = all || differs.some(Boolean);
        const entry = figure.querySelector(`.pin-entry[data-pin="${ghost.dataset.pin}"]`);
        if (entry && entry.hasAttribute('data-differs') !== any) {
          entry.toggleAttribute('data-differs', any);
        }
      }
    };
    check();
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(check);
    observer.observe(figure, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['viewBox', 'width', 'height'],
    });
    return () => observer.disconnect();
  }, [ref, pins]);
}

/** Props of `PinLegend`. */
export interface PinLegendProps {
  def: AnyDef;
  pins: readonly Pin[];
  /** The settled values: each entry says what its pin differs in from them. */
  current: Values;
  lang: Lang;
  onShow: (slot: PinSlot) => void;
  onUnpin: (slot: PinSlot) => void;
}

/** The line pattern of a pin's ghost, as its legend shows it. */
function Swatch({ slot }: { slot: PinSlot }) {
  return (
    <svg className="pin-swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line x1="1" x2="27" y1="5" y2="5" data-pin={slot} />
    </svg>
  );
}

/**
 * The legend of the pins under the plot, the ghosts' text alternative: per pin, what its
 * values differ in from the settled values, "show values" (restores them) and an unpin button.
 */
export const PinLegend = memo(function PinLegend({
  def,
  pins,
  current,
  lang,
  onShow,
  onUnpin,
}: PinLegendProps) {
  const { t } = useLang();
  const sorted = useMemo(() => [...pins].sort((a, b) => a.slot - b.slot), [pins]);
  return (
    <ul className="pin-legend" aria-label={t('pin.legend')}>
      {sorted.map((pin) => {
        const diff = describePin(def.params, pin.values, current, lang);
        return (
          <li className="pin-entry" data-pin={pin.slot} key={pin.slot}>
            <Swatch slot={pin.slot} />
            <span className="pin-text">
              <strong>{t('pin.entry', { slot: pin.slot })}</strong>
              {lang === 'en' ? ': ' : '：'}
              {diff.length > 0 ? diff.join(lang === 'en' ? ', ' : '、') : t('pin.sameNow')}
              <span className="pin-hidden">
                {lang === 'en' ? ' (' : '（'}
                {t('pin.hidden')}
                {lang === 'en' ? ')' : '）'}
              </span>
            </span>
            <span className="pin-actions">
              <button
                type="button"
                className="button pin-show"
                aria-label={t('pin.showLabel', { slot: pin.slot })}
                onClick={() => onShow(pin.slot)}
              >
                {t('pin.show')}
              </button>
              <button
                type="button"
                className="button pin-remove"
                aria-label={t('pin.remove', { slot: pin.slot })}
                title={t('pin.remove', { slot: pin.slot })}
                onClick={() => onUnpin(pin.slot)}
              >
                ×
              </button>
            </span>
          </li>
        );
      })}
    </ul>
  );
});

/** Props of `PinButton`. */
export interface PinButtonProps {
  onPin: () => void;
  /** What the last pin or unpin did, said politely. */
  status: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** "Pin this view", with the controls: keeps the plot as it is now as a ghost. */
export const PinButton = memo(function PinButton({ onPin, status, buttonRef }: PinButtonProps) {
  const { t } = useLang();
  return (
    <div className="pin-bar">
      <button
        ref={buttonRef}
        type="button"
        className="button pin-add"
        title={t('pin.addHint')}
        onClick={onPin}
      >
        {t('pin.add')}
      </button>
      <span className="pin-status" aria-live="polite">
        {status}
      </span>
    </div>
  );
});
