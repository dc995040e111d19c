import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
  type RefObject,
} from 'react';
import type { FormulaDef, Lang, ParamValue, Values } from './types';
import { useLang } from '../i18n';
import { MeasureEpochProvider, useLiveEpoch } from '../prerender/hydration';
import { DataTable } from './DataTable';
import { ErrorBoundary } from './ErrorBoundary';
import type { Pin, PinSlot } from './pins';
import { PinGhost, PinLegend, useGhostCheck } from './PinGhosts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDef = FormulaDef<any>;

/** Values and the result computed from them. */
export interface Computed {
  values: Values;
  result: unknown;
}

/** Props of `PlotFigure`. */
export interface PlotFigureProps {
  def: AnyDef;
  /** What the plot draws: the newest values. */
  live: Computed;
  /** What the spoken summary and the data table follow: the settled values. */
  settled: Computed;
  highlight: string | null;
  lang: Lang;
  setHighlight: (name: string | null) => void;
  setValue: (name: string, value: ParamValue) => void;
  /**
   * Predicting: the plot is blurred under a cover ("Hidden until you reveal"), out of reach of
   * the keyboard and screen readers (inert), while it still follows the sliders.
   */
  hidden?: boolean;
  /** While hidden, what the cover holds under its words (the guess's number line). */
  cover?: ReactNode;
}

/** Props of `PlotFigure`: the plot's, with the card's pins. */
export interface PlotFigureWithPinsProps extends PlotFigureProps {
  /** Pinned states, oldest first: drawn as ghosts over the plot, with a legend under it. */
  pins?: readonly Pin[];
  onShowPin?: (slot: PinSlot) => void;
  onUnpin?: (slot: PinSlot) => void;
}

const NO_PINS: readonly Pin[] = [];

function safe(f: () => string): string {
  try {
    return f();
  } catch {
    return '';
  }
}

const noop = () => {};

/** The page's plot, rendered by React from the newest values. */
const Plot = memo(function Plot({
  def,
  live,
  highlight,
  lang,
  setHighlight,
  setValue,
}: Omit<PlotFigureProps, 'settled'>) {
  const { t } = useLang();
  const PagePlot = def.Plot;
  return (
    <ErrorBoundary
      resetKey={live.values}
      fallback={() => <p className="card-message">{t('card.cardError')}</p>}
    >
      <PagePlot
        values={live.values}
        result={live.result}
        lang={lang}
        highlight={highlight}
        setHighlight={setHighlight}
        setValue={setValue}
      />
    </ErrorBoundary>
  );
});

/**
 * How much of the viewport's height a plot may take and start to stay at the top of the
 * screen while its controls scroll under it (single-column layout, src/ui/styles/card.css): a
 * taller one (several panels, a phone held sideways) would leave no room for them.
 */
export const STICKY_PLOT_MAX = 0.6;

/**
 * How high a plot that sticks may grow with its values (softmax's draws add a row and a line)
 * and keep sticking: up to this much of the viewport, and by a quarter of its height at most.
 * Above STICKY_PLOT_MAX, so that a plot near that limit does not stick and let go, jumping
 * away, as a slider moves; the quarter, so that a plot that first draws small (before its
 * page has measured it) is judged again at its real size.
 */
export const STICKY_PLOT_KEEP = 0.7;

/**
 * Marks the figure `data-sticky` while it is short enough for the viewport (STICKY_PLOT_MAX,
 * STICKY_PLOT_KEEP), and gives the controls after it its height as `--plot-sticky-height`,
 * the room they keep above them when focus scrolls them into view. Whether it sticks is the
 * stylesheet's call (single column, not presenting); neither changes the figure's size.
 *
 * The height is written on the controls, its only reader, and only from the reader's first
 * key, touch or focus on: a custom property is inherited, so each write restyles everything
 * under it (on neural-network about 370 elements of controls, 900 of the whole card; 100-190
 * ms on a 4× slower CPU), and during the first load the figure's height changes several
 * times while nothing can be focused yet. The figure is measured by its ResizeObserver's
 * reports, which come after the browser's own layout, not by a layout forced in the commit.
 */
function useStickyPlot(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const figure = ref.current;
    if (!figure) return;
    let sticky = false;
    let judged = 0; // the height it was last judged at
    let height = -1; // the height measured last
    let written = -1; // the height the controls have
    let armed = false; // the reader has pressed, touched or focused something
    const controls = () =>
      figure.parentElement?.querySelector<HTMLElement>(':scope > .card-controls') ?? null;
    const write = () => {
      if (!armed || height === written) return;
      written = height;
      controls()?.style.setProperty('--plot-sticky-height', `${height}px`);
    };
    const update = () => {
      const h = Math.ceil(figure.getBoundingClientRect().height);
      const keep = sticky && h <= window.innerHeight * STICKY_PLOT_KEEP && h <= judged * 1.25;
      if (!keep) {
        judged = h;
        const stick = h > 0 && h <= window.innerHeight * STICKY_PLOT_MAX;
        if (stick !== sticky) {
          sticky = stick;
          figure.toggleAttribute('data-sticky', sticky);
        }
      }
      height = h;
      write();
    };
    const inputs = ['keydown', 'pointerdown', 'focusin'] as const;
    const arm = (e: Event) => {
      armed = true;
      for (const type of inputs) window.removeEventListener(type, arm, true);
      write();
      // focus that came first (a script's, a link's) scrolled before the room was known: once
      // the browser has done so, a control it left under the plot comes out below it
      const target = e.type === 'focusin' ? e.target : null;
      if (target instanceof Element && controls()?.contains(target))
        requestAnimationFrame(() => {
          if (document.activeElement === target)
            target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        });
    };
    for (const type of inputs) window.addEventListener(type, arm, true);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    if (observer) observer.observe(figure);
    else update();
    window.addEventListener('resize', update);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', update);
      for (const type of inputs) window.removeEventListener(type, arm, true);
      controls()?.style.removeProperty('--plot-sticky-height');
    };
  }, [ref]);
}

/**
 * The page's plot as an image with a spoken summary. On a phone it stays at the top of the
 * screen while the controls after it scroll under it, when it is short enough (useStickyPlot).
 */
export function PlotFigure({
  settled,
  hidden = false,
  cover,
  pins = NO_PINS,
  onShowPin = noop,
  onUnpin = noop,
  ...plot
}: PlotFigureWithPinsProps) {
  const { t } = useLang();
  const { def, lang } = plot;
  const ref = useRef<HTMLElement>(null);
  useStickyPlot(ref);
  useGhostCheck(ref, pins.length);
  // prerendered at the fallback width with estimated text widths: laid out again, measured, once live
  const epoch = useLiveEpoch();
  const summary = useMemo(
    () => safe(() => def.summary(settled.values, settled.result, lang)),
    [def, settled, lang],
  );
  return (
    <figure className="card-plot" ref={ref} data-predict={hidden ? '' : undefined}>
      <div
        className={pins.length > 0 ? 'plot-image has-pins' : 'plot-image'}
        role={def.interactivePlot ? 'group' : 'img'}
        data-estimated={epoch === 0 ? '' : undefined}
        aria-label={hidden ? t('predict.hiddenPlot') : summary || t('card.plot')}
        inert={hidden || undefined}
      >
        <MeasureEpochProvider value={epoch}>
          <Plot {...plot} />
          {pins.map((pin) => (
            <PinGhost key={pin.slot} def={def} pin={pin} lang={lang} />
          ))}
        </MeasureEpochProvider>
      </div>
      {hidden && (
        <div className="plot-cover">
          <p>{t('predict.hiddenPlot')}</p>
          {cover}
        </div>
      )}
      {pins.length > 0 && !hidden && (
        <PinLegend
          def={def}
          pins={pins}
          current={settled.values}
          lang={lang}
          onShow={onShowPin}
          onUnpin={onUnpin}
        />
      )}
    </figure>
  );
}

/** Props of `PlotData`. */
export interface PlotDataProps {
  def: AnyDef;
  /** The settled values and result, which the table shows. */
  settled: Computed;
  lang: Lang;
}

/**
 * The numbers behind the plot, as a "show data" table. A sibling after the controls, not part
 * of the figure, so it never sticks with the plot on a phone; on a wide screen the stylesheet
 * puts it under the plot.
 */
export function PlotData({ def, settled, lang }: PlotDataProps) {
  const { t } = useLang();
  const table = useCallback(
    () => def.table(settled.values, settled.result, lang),
    [def, settled, lang],
  );
  return <DataTable table={table} summary={t('card.showData')} />;
}
