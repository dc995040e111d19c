import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Lang } from './types';
import { isClickerKey } from '../theme/keys';
import { formatFixed, formatNumber, tickFormatter } from '../../plots/formatNumber';
import {
  guessStep,
  guessTicks,
  snapGuess,
  spanFraction,
  stepDecimals,
  type Span,
} from './guessScale';

/** Props of `GuessRuler`. */
export interface GuessRulerProps {
  span: Span;
  /** The marked guess; null before the student has marked one. */
  guess: number | null;
  /** Revealed: the answer, marked beside the guess with the gap between them shaded. */
  answer?: number;
  /** Moves the guess (snapped to the line's step); without it the line is only shown. */
  onGuess?: (x: number) => void;
  /** The slider's accessible name ("Your guess for p₃"). */
  label: string;
  /** Words of the markers: "your guess", "answer". */
  words: { guess: string; answer: string; none: string };
  unit?: string;
  /** Significant digits the answer is written with (the answer's own; default 3). */
  answerDigits?: number;
  lang: Lang;
}

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/**
 * A number line on which a guess is marked: while predicting, a slider the student drags or
 * moves by keyboard (the arrow keys by one step, Page Up / Page Down and Shift by ten, Home and
 * End to the ends); once revealed, the guess and the answer side by side. Drawn in SVG with
 * positions in percent of its width, so it needs no measuring.
 */
export function GuessRuler({
  span,
  guess,
  answer,
  onGuess,
  label,
  words,
  unit,
  answerDigits = 3,
  lang,
}: GuessRulerProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const step = guessStep(span);
  const digits = stepDecimals(step);
  const fmt = (x: number) => formatFixed(x, digits, lang);
  const withUnit = (s: string) => (!unit ? s : unit === '%' ? `${s}%` : `${s} ${unit}`);
  const ticks = guessTicks(span);
  const tickText = tickFormatter(ticks, lang);

  const at = (clientX: number) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width <= 0) return;
    const f = (clientX - box.left) / box.width;
    onGuess?.(snapGuess(span[0] + f * (span[1] - span[0]), span));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!onGuess || e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    at(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) at(e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onGuess || isClickerKey(e)) return;
    const from = guess ?? (span[0] + span[1]) / 2;
    const big = e.shiftKey ? 10 : 1;
    const moves: Record<string, number> = {
      ArrowRight: from + step * big,
      ArrowUp: from + step * big,
      ArrowLeft: from - step * big,
      ArrowDown: from - step * big,
      PageUp: from + step * 10,
      PageDown: from - step * 10,
      Home: span[0],
      End: span[1],
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    // an unmarked line moves from its middle
    onGuess(snapGuess(moves[e.key], span));
  };

  // the guess points down onto the line from above, the answer up from below; a label near an
  // end of the line runs inward
  const marker = (x: number, kind: 'guess' | 'answer', text: string) => {
    const f = spanFraction(x, span);
    return (
      <svg x={pct(f)} y="0" overflow="visible" className={`ruler-${kind}`}>
        <line x1="0" x2="0" y1={kind === 'guess' ? 14 : 24} y2={kind === 'guess' ? 30 : 48} />
        <path d={kind === 'guess' ? 'M -8 2 L 8 2 L 0 14 Z' : 'M -8 60 L 8 60 L 0 48 Z'} />
        <text
          y={kind === 'guess' ? -4 : 64}
          dominantBaseline={kind === 'guess' ? undefined : 'hanging'}
          textAnchor={f < 0.2 ? 'start' : f > 0.8 ? 'end' : 'middle'}
          x={f < 0.2 ? -8 : f > 0.8 ? 8 : 0}
        >
          {text}
        </text>
      </svg>
    );
  };

  const revealed = answer !== undefined && Number.isFinite(answer);
  const gap =
    revealed && guess !== null
      ? [spanFraction(Math.min(guess, answer), span), spanFraction(Math.max(guess, answer), span)]
      : null;
  const svg = (
    <svg ref={svgRef} className="ruler-svg" width="100%" height="110" aria-hidden="true">
      <g transform="translate(0 24)">
        {gap && (
          <rect
            className="ruler-gap"
            x={pct(gap[0])}
            width={pct(gap[1] - gap[0])}
            y="16"
            height="16"
          />
        )}
        <line className="ruler-axis" x1="0" x2="100%" y1="24" y2="24" />
        {ticks.map((t) => (
          <g key={t} className="ruler-tick">
            <line x1={pct(spanFraction(t, span))} x2={pct(spanFraction(t, span))} y1="19" y2="29" />
            <text
              x={pct(spanFraction(t, span))}
              y="33"
              textAnchor="middle"
              dominantBaseline="hanging"
            >
              {tickText(t)}
            </text>
          </g>
        ))}
        {guess !== null && marker(guess, 'guess', `${words.guess} ${withUnit(fmt(guess))}`)}
        {revealed &&
          marker(
            answer,
            'answer',
            `${words.answer} ${withUnit(formatNumber(answer, { digits: answerDigits, notation: 'significant', lang }))}`,
          )}
      </g>
    </svg>
  );

  if (!onGuess) return <div className="guess-ruler">{svg}</div>;
  return (
    <div
      className="guess-ruler is-input"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={span[0]}
      aria-valuemax={span[1]}
      // unmarked, the middle: where the first arrow key moves from
      aria-valuenow={guess ?? (span[0] + span[1]) / 2}
      aria-valuetext={guess === null ? words.none : withUnit(fmt(guess))}
      aria-orientation="horizontal"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    >
      {svg}
    </div>
  );
}
