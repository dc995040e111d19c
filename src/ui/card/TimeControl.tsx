import { useEffect, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import type { TimeParam } from './types';
import { useLang } from '../i18n';
import { isEditableTarget } from '../theme/keys';
import { DEFAULT_SPEEDS } from './values';

/** Props of `TimeControl`. */
export interface TimeControlProps {
  param: TimeParam;
  /** The current step, 0…max. */
  value: number;
  /** The last step under the current values. */
  max: number;
  /** The param's name in words, for accessible names. */
  spoken: string;
  /** Id given to the step slider (for an external `<label htmlFor>`). */
  id: string;
  onSet: (name: string, value: number) => void;
}

/** The speeds of a time param and the one selected at first. */
export function speedsOf(param: TimeParam): { speeds: readonly number[]; initial: number } {
  const speeds = param.speeds && param.speeds.length > 0 ? param.speeds : DEFAULT_SPEEDS;
  const wanted = param.speed ?? 5;
  return { speeds, initial: speeds.includes(wanted) ? wanted : speeds[0] };
}

/** A 16×16 glyph of the playback buttons (drawn, not a font's: many fonts lack ⏮ and ⏸). */
function Icon({ d }: { d: string }) {
  return (
    <svg className="time-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

/** Whether Space on this element does something of its own (press a button, tick a box). */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement && target.type === 'range') return false;
  return (
    isEditableTarget(target) ||
    target.closest('button, a[href], summary, select, [role="button"], [role="switch"]') !== null
  );
}

/** Whether `.` and `,` type into this element (a text or number field, not a slider). */
function typesText(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement && target.type === 'range') return false;
  return isEditableTarget(target);
}

/** A number of the most digits a step can have (at least four: 1,000 steps), in zeros. */
function widest(max: number): string {
  return '0'.repeat(Math.max(4, String(Math.max(0, Math.round(max))).length));
}

/**
 * A generous width of a line of text in em: a wide character (CJK, full-width
 * punctuation) 1em, any other 0.6em. The step's box keeps this width whatever the step,
 * so a new step or max never changes its size.
 */
function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(w * 10) / 10;
}

/**
 * Playback of a step-based page: reset, step back, play/pause, step forward, a
 * speed and a step slider ("step k of N"). Playing is only ever started by the
 * reader; it advances on animation frames at the chosen speed, at most one step
 * a frame (a late frame drops steps rather than queueing them), and stops at the
 * last step. Space, `.` and `,` play/pause and step while focus is in the card
 * (not in a text field). Every step goes through `onSet`, as a slider's value.
 */
export function TimeControl({ param, value, max, spoken, id, onSet }: TimeControlProps) {
  const { t } = useLang();
  const { speeds, initial } = speedsOf(param);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(initial);
  const [status, setStatus] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const now = useRef({ value, max });
  useLayoutEffect(() => {
    now.current = { value, max };
  }, [value, max]);

  const set = (step: number) => {
    const v = Math.min(now.current.max, Math.max(0, step));
    if (v === now.current.value) return;
    now.current = { ...now.current, value: v };
    onSet(param.name, v);
  };
  const pause = () => {
    if (!playing) return;
    setPlaying(false);
    setStatus(t('player.paused', { step: now.current.value, max: now.current.max }));
  };
  const play = () => {
    if (now.current.max === 0) return;
    if (now.current.value >= now.current.max) set(0);
    setPlaying(true);
    setStatus(t('player.playing'));
  };
  const toggle = () => (playing ? pause() : play());
  const forward = () => {
    pause();
    set(now.current.value + 1);
  };
  const back = () => {
    pause();
    set(now.current.value - 1);
  };
  const reset = () => {
    pause();
    set(0);
  };

  // The frame loop: one step when a step's time has passed, never more in one frame.
  const finished = useRef<() => void>(() => {});
  const setStep = useRef(onSet);
  useLayoutEffect(() => {
    setStep.current = onSet;
    finished.current = () => {
      setPlaying(false);
      setStatus(t('player.finished', { max: now.current.max }));
    };
  });
  useEffect(() => {
    if (!playing) return;
    const interval = 1000 / speed;
    let last: number | null = null;
    let frame = 0;
    const tick = (time: number) => {
      // the first frame steps at once, so a press is answered without a wait
      if (last === null || time - last >= interval) {
        // a frame later than two steps drops the missed steps instead of catching up
        last = last === null || time - last >= 2 * interval ? time : last + interval;
        const { value: v, max: m } = now.current;
        if (v >= m) {
          finished.current();
          return;
        }
        now.current = { value: v + 1, max: m };
        setStep.current(param.name, v + 1);
        if (v + 1 >= m) {
          finished.current();
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, param.name]);

  // Keys from anywhere in the card; the newest handlers, without re-listening each render.
  const keys = useRef({ toggle, forward, back });
  useLayoutEffect(() => {
    keys.current = { toggle, forward, back };
  });
  useEffect(() => {
    const root = rootRef.current;
    const scope = root?.closest('.card') ?? root;
    if (!scope) return;
    const onKey = (e: Event) => {
      if (!(e instanceof KeyboardEvent)) return;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === ' ' && !ownsSpace(e.target)) {
        e.preventDefault();
        keys.current.toggle();
      } else if ((e.key === '.' || e.key === ',') && !typesText(e.target)) {
        e.preventDefault();
        if (e.key === '.') keys.current.forward();
        else keys.current.back();
      }
    };
    scope.addEventListener('keydown', onKey);
    return () => scope.removeEventListener('keydown', onKey);
  }, []);

  const onScrub = (e: ChangeEvent<HTMLInputElement>) => {
    pause();
    set(Math.round(Number(e.target.value)));
  };

  const stepOf = t('player.stepOf', { step: value, max });
  const stepWidth = textWidthEm(t('player.stepOf', { step: widest(max), max: widest(max) }));
  return (
    <div
      ref={rootRef}
      className="time-control"
      role="group"
      aria-label={t('player.group', { label: spoken })}
      data-playing={playing ? '' : undefined}
    >
      <div className="time-buttons">
        {/* aria-disabled, not disabled: a button pressed to its end keeps the focus */}
        <button
          type="button"
          className="button time-button"
          aria-label={t('player.reset')}
          title={t('player.reset')}
          aria-disabled={value === 0}
          onClick={reset}
        >
          <Icon d="M3 3h2v10H3zM9 8l5-5v10zM4.5 8l5-5v10z" />
        </button>
        <button
          type="button"
          className="button time-button"
          aria-label={t('player.stepBack')}
          title={`${t('player.stepBack')} (,)`}
          aria-disabled={value === 0}
          onClick={back}
        >
          <Icon d="M11 3h2v10h-2zM3 8l7-5v10z" />
        </button>
        <button
          type="button"
          className="button time-play"
          title={`${playing ? t('player.pause') : t('player.play')} (Space)`}
          disabled={max === 0}
          onClick={toggle}
        >
          <Icon d={playing ? 'M4 3h3v10H4zM9 3h3v10H9z' : 'M4 3l9 5-9 5z'} />{' '}
          {playing ? t('player.pause') : t('player.play')}
        </button>
        <button
          type="button"
          className="button time-button"
          aria-label={t('player.stepForward')}
          title={`${t('player.stepForward')} (.)`}
          aria-disabled={value >= max}
          onClick={forward}
        >
          <Icon d="M3 3h2v10H3zM6 3l7 5-7 5z" />
        </button>
        <label className="time-speed">
          <span>{t('player.speed')}</span>
          <select
            className="choice-select"
            value={String(speed)}
            onChange={(e) => setSpeed(Number(e.target.value))}
          >
            {speeds.map((s) => (
              <option key={s} value={String(s)}>
                {t('player.speedOption', { speed: s })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="time-scrub">
        {/* each in a block host of its own and contained (card.css, .native-input and
            .time-step): the step's max follows a param, and a tick of that param would
            otherwise lay out the page from its root */}
        <span className="native-input">
          <input
            id={id}
            className="slider-range time-range"
            type="range"
            min={0}
            max={max}
            step={1}
            value={value}
            aria-label={t('player.scrubber', { label: spoken })}
            aria-valuetext={stepOf}
            onChange={onScrub}
          />
        </span>
        <span className="time-step-host">
          <span className="time-step" aria-hidden="true" style={{ width: `${stepWidth}em` }}>
            {stepOf}
          </span>
        </span>
      </div>
      <p className="visually-hidden">{t('player.keys')}</p>
      <p className="slider-note" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
