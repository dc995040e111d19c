import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Values } from '../../src/ui/card/types';
import { SEED_MAX } from '../../src/ui/card/values';
import { serializeParams } from '../../src/ui/url/params';
import { ControlsHarness, playbackParams } from './playbackParams';
import { renderWithI18n } from './renderWithI18n';

/** Animation frames run by hand: `frame(ms)` runs the frames requested so far at time `ms`. */
function mockFrames() {
  let next = 1;
  let queued = new Map<number, FrameRequestCallback>();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    queued.set(next, cb);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queued.delete(id));
  return {
    pending: () => queued.size,
    frame(ms: number) {
      const run = [...queued.values()];
      queued = new Map();
      act(() => run.forEach((cb) => cb(ms)));
    },
  };
}

function setup(initial?: Values) {
  const seen: Values[] = [];
  const utils = renderWithI18n(
    <ControlsHarness initial={initial} onValues={(v) => seen.push(v)} />,
  );
  const now = () => seen[seen.length - 1];
  return { ...utils, now, user: userEvent.setup() };
}

let frames: ReturnType<typeof mockFrames>;
beforeEach(() => {
  frames = mockFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('seed control', () => {
  it('"New seed" sets another whole seed, which the URL then carries', async () => {
    const { now, user } = setup();
    expect(now().s).toBe(42);
    expect(serializeParams(playbackParams, now())).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'New seed for seed' }));
    const s = now().s as number;
    expect(s).not.toBe(42);
    expect(Number.isInteger(s) && s >= 0 && s <= SEED_MAX).toBe(true);
    expect(serializeParams(playbackParams, now())).toEqual([['s', String(s)]]);
    expect(screen.getByRole('textbox', { name: 'seed, seed number' })).toHaveValue(String(s));
    expect(screen.getByText(`New seed: ${s}.`)).toBeInTheDocument();
  });

  it('a typed seed is used; one outside 0…2³²−1 is clamped with a polite note; text is refused', async () => {
    const { now, user } = setup();
    const field = screen.getByRole('textbox', { name: 'seed, seed number' });
    await user.clear(field);
    await user.type(field, '7');
    expect(now().s).toBe(7);
    await user.type(field, '0000000000000');
    expect(now().s).toBe(SEED_MAX);
    expect(screen.getByText(/above the maximum 4294967295; set to 4294967295/)).toHaveAttribute(
      'aria-live',
      'polite',
    );
    await user.clear(field);
    await user.type(field, '-3');
    expect(now().s).toBe(0);
    expect(screen.getByText(/below the minimum 0; set to 0/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '<b>1.5');
    await user.tab();
    expect(now().s).toBe(0);
    expect(screen.getByText('Type a whole number from 0 to 4294967295.')).toBeInTheDocument();
    expect(field).toHaveValue('0');
  });
});

describe('time control', () => {
  const play = () => screen.getByRole('button', { name: 'Play' });
  const pause = () => screen.getByRole('button', { name: 'Pause' });

  it('shows "step k of N" on a named step slider and at most one step a frame while playing', async () => {
    const { now, user } = setup();
    const scrub = screen.getByRole('slider', { name: 'step, step' });
    expect(scrub).toHaveAttribute('aria-valuetext', 'step 0 of 5');
    await user.click(play());
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Playing.');
    frames.frame(1000); // the first frame steps at once
    expect(now().t).toBe(1);
    frames.frame(1100); // 5 steps/s: 200 ms a step
    expect(now().t).toBe(1);
    frames.frame(1200);
    expect(now().t).toBe(2);
    frames.frame(9000); // a frame seconds late takes one step, not forty
    expect(now().t).toBe(3);
    expect(scrub).toHaveAttribute('aria-valuetext', 'step 3 of 5');
    expect(screen.getByText('step 3 of 5')).toBeInTheDocument();
  });

  it('pause stops the frames; step, step back and reset move one step or to 0 and pause', async () => {
    const { now, user } = setup();
    await user.click(play());
    frames.frame(0);
    expect(now().t).toBe(1);
    await user.click(pause());
    expect(frames.pending()).toBe(0);
    expect(screen.getByText('Paused at step 1 of 5.')).toBeInTheDocument();
    frames.frame(5000);
    expect(now().t).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(now().t).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(now().t).toBe(2);
    await user.click(play());
    await user.click(screen.getByRole('button', { name: 'Back to step 0' }));
    expect(now().t).toBe(0);
    expect(play()).toBeInTheDocument();
    expect(frames.pending()).toBe(0);
    // at step 0 step back does nothing and keeps the focus
    const back = screen.getByRole('button', { name: 'Step back' });
    expect(back).toHaveAttribute('aria-disabled', 'true');
    await user.click(back);
    expect(now().t).toBe(0);
    expect(back).toHaveFocus();
  });

  it('stops at the last step and says so; Play there starts again from 0', async () => {
    const { now, user } = setup({ t: 3 });
    await user.click(play());
    for (let i = 0; i < 10; i++) frames.frame(i * 1000);
    expect(now().t).toBe(5);
    expect(frames.pending()).toBe(0);
    expect(play()).toBeInTheDocument();
    expect(screen.getByText('Reached the last step, 5.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Step forward' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(play());
    expect(now().t).toBe(0);
    frames.frame(20_000);
    expect(now().t).toBe(1);
  });

  it('the speed choice sets the steps per second', async () => {
    const { now, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '10 steps/s');
    await user.click(play());
    frames.frame(0);
    frames.frame(100); // 10 steps/s: 100 ms a step
    expect(now().t).toBe(2);
  });

  it('Space plays and pauses, "." and "," step, from anywhere in the card but not from a text field', () => {
    const { now } = setup();
    const plain = screen.getByTestId('plain');
    fireEvent.keyDown(plain, { key: ' ' });
    expect(pause()).toBeInTheDocument();
    frames.frame(0);
    expect(now().t).toBe(1);
    fireEvent.keyDown(plain, { key: ' ' });
    expect(play()).toBeInTheDocument();
    fireEvent.keyDown(plain, { key: '.' });
    fireEvent.keyDown(plain, { key: '.' });
    expect(now().t).toBe(3);
    fireEvent.keyDown(plain, { key: ',' });
    expect(now().t).toBe(2);
    // on the step slider too
    fireEvent.keyDown(screen.getByRole('slider', { name: 'step, step' }), { key: '.' });
    expect(now().t).toBe(3);
    // typing in a text field, or Space on a button, is left alone
    const field = screen.getByRole('textbox', { name: 'seed, seed number' });
    fireEvent.keyDown(field, { key: '.' });
    fireEvent.keyDown(field, { key: ' ' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Reset card' }), { key: ' ' });
    expect(now().t).toBe(3);
    expect(play()).toBeInTheDocument();
    // a key outside the card is not the card's
    fireEvent.keyDown(document.body, { key: '.' });
    expect(now().t).toBe(3);
  });

  it('never plays on its own, with or without prefers-reduced-motion; the reader starts it', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({
      matches: q.includes('reduce'),
      media: q,
      addEventListener() {},
      removeEventListener() {},
    }));
    const { now, user } = setup({ t: 2 });
    expect(frames.pending()).toBe(0);
    frames.frame(0);
    frames.frame(5000);
    expect(now().t).toBe(2);
    expect(play()).toBeInTheDocument();
    await user.click(play());
    frames.frame(6000);
    expect(now().t).toBe(3);
  });

  it('the step follows its last step: a shorter count clamps it; the scrubber sets it and pauses', async () => {
    const { now, user } = setup({ t: 4 });
    await user.click(play());
    const scrub = screen.getByRole('slider', { name: 'step, step' });
    fireEvent.change(scrub, { target: { value: '2' } });
    expect(now().t).toBe(2);
    expect(play()).toBeInTheDocument();
    const steps = screen.getByRole('slider', { name: 'steps' });
    fireEvent.input(steps, { target: { value: '1' } });
    expect(now().steps).toBe(1);
    expect(now().t).toBe(1);
    expect(scrub).toHaveAttribute('aria-valuetext', 'step 1 of 1');
  });

  it('reads and plays in zh-TW', async () => {
    renderWithI18n(<ControlsHarness />, 'zh-TW');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '播放' }));
    expect(screen.getByRole('button', { name: '暫停' })).toBeInTheDocument();
    frames.frame(0);
    expect(screen.getByText('第 1 步，共 5 步')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '為種子換一個種子' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '步：播放控制' })).toBeInTheDocument();
  });
});
