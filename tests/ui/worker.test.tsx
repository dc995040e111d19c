import { act, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createComputeClient,
  exposeCompute,
  useWorkerCompute,
  type ComputeOutcome,
  type ComputeRequest,
  type WorkerScope,
} from '../../src/ui/worker';

/** A Worker stand-in whose requests the test answers by hand, in any order. */
class FakeWorker {
  static last: FakeWorker | null = null;
  received: ComputeRequest<number>[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: ComputeRequest<number>) {
    this.received.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers request `id` with `value` (or an error). */
  answer(id: number, outcome: ComputeOutcome<number>) {
    this.onmessage?.({ data: { id, ...outcome } } as MessageEvent);
  }
}

const square = (x: number) => {
  if (x < 0) throw new RangeError(`square: x must be >= 0, got ${x}`);
  return x * x;
};
const factory = () => new FakeWorker() as unknown as Worker;
const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('createComputeClient', () => {
  it('without Worker (jsdom) computes on the main thread after the current task, newest request only', async () => {
    expect(typeof Worker).toBe('undefined');
    const delivered: [number, ComputeOutcome<number>][] = [];
    const client = createComputeClient(square, factory);
    for (const x of [1, 2, 3]) client.request(x, (o) => delivered.push([x, o]));
    expect(delivered).toEqual([]);
    await tick();
    expect(delivered).toEqual([[3, { ok: true, value: 9 }]]);
  });

  it('keeps one request in the worker; a stale answer is dropped and only the newest is sent next', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const delivered: number[] = [];
    const client = createComputeClient(square, factory);
    const w = FakeWorker.last!;
    client.request(1, (o) => o.ok && delivered.push(o.value));
    client.request(2, (o) => o.ok && delivered.push(o.value));
    client.request(3, (o) => o.ok && delivered.push(o.value));
    expect(w.received.map((r) => r.input)).toEqual([1]);
    w.answer(1, { ok: true, value: 1 });
    expect(delivered).toEqual([]);
    expect(w.received.map((r) => r.input)).toEqual([1, 3]);
    w.answer(w.received[1].id, { ok: true, value: 9 });
    expect(delivered).toEqual([9]);
    // an answer arriving again, or late for an old id, is never delivered
    w.answer(w.received[0].id, { ok: true, value: 1 });
    w.answer(w.received[1].id, { ok: true, value: 9 });
    expect(delivered).toEqual([9]);
  });

  it('never delivers a stale answer, whatever the order of requests and answers (fast-check)', () => {
    vi.stubGlobal('Worker', FakeWorker);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('request' as const), fc.nat(20)), { maxLength: 40 }),
        (script) => {
          const client = createComputeClient(square, factory);
          const w = FakeWorker.last!;
          let newestInput = -1;
          let x = 0;
          const delivered: number[] = [];
          for (const step of script) {
            if (step === 'request') {
              const input = x++;
              newestInput = input;
              client.request(input, (o) => {
                // delivered only while it is still the newest, and once
                expect(input).toBe(newestInput);
                expect(delivered).not.toContain(input);
                delivered.push(input);
                expect(o).toEqual({ ok: true, value: input * input });
              });
            } else if (w.received.length > 0) {
              // answer some request sent so far (possibly an old one, possibly twice)
              const r = w.received[step % w.received.length];
              w.answer(r.id, { ok: true, value: r.input * r.input });
            }
          }
          // answering everything sent delivers the newest at last
          for (let i = 0; i < 3 && newestInput >= 0; i++) {
            const r = w.received[w.received.length - 1];
            w.answer(r.id, { ok: true, value: r.input * r.input });
          }
          if (newestInput >= 0) expect(delivered[delivered.length - 1]).toBe(newestInput);
          client.dispose();
        },
      ),
    );
  });

  it('disposed while a request is in flight, the worker ends once it answers, delivering nothing', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const idle = createComputeClient(square, factory);
    const first = FakeWorker.last!;
    idle.dispose();
    expect(first.terminated).toBe(true); // nothing sent: ended at once

    const delivered: ComputeOutcome<number>[] = [];
    const busy = createComputeClient(square, factory);
    const w = FakeWorker.last!;
    busy.request(3, (o) => delivered.push(o));
    busy.dispose();
    expect(w.terminated).toBe(false); // it may still be loading its script
    w.answer(w.received[0].id, { ok: true, value: 9 });
    expect(w.terminated).toBe(true);
    expect(delivered).toEqual([]);
  });

  it('an error thrown by the compute comes back as a message, on either thread', async () => {
    const outcomes: ComputeOutcome<number>[] = [];
    createComputeClient(square).request(-2, (o) => outcomes.push(o));
    await tick();
    expect(outcomes).toEqual([{ ok: false, message: 'square: x must be >= 0, got -2' }]);

    const scope: WorkerScope = { onmessage: null, postMessage: vi.fn() };
    exposeCompute(square, scope);
    scope.onmessage!({ data: { id: 7, input: -1 } } as MessageEvent);
    scope.onmessage!({ data: { id: 8, input: 4 } } as MessageEvent);
    expect(scope.postMessage).toHaveBeenNthCalledWith(1, {
      id: 7,
      ok: false,
      message: 'square: x must be >= 0, got -1',
    });
    expect(scope.postMessage).toHaveBeenNthCalledWith(2, { id: 8, ok: true, value: 16 });
  });

  it('a worker that errors out (or fails to load) is ended and the newest request runs on the main thread', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const delivered: number[] = [];
    const client = createComputeClient(square, factory);
    const w = FakeWorker.last!;
    client.request(5, (o) => o.ok && delivered.push(o.value));
    w.onerror!(new Event('error'));
    expect(w.terminated).toBe(true);
    await tick();
    expect(delivered).toEqual([25]);
    client.request(6, (o) => o.ok && delivered.push(o.value));
    await tick();
    expect(delivered).toEqual([25, 36]);
  });

  it('a factory that throws falls back to the main thread; nothing is delivered after dispose', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const delivered: number[] = [];
    const broken = createComputeClient(square, () => {
      throw new Error('no workers here');
    });
    broken.request(3, (o) => o.ok && delivered.push(o.value));
    await tick();
    expect(delivered).toEqual([9]);
    const client = createComputeClient(square, factory);
    client.request(4, (o) => o.ok && delivered.push(o.value));
    client.dispose();
    FakeWorker.last!.answer(1, { ok: true, value: 16 });
    expect(delivered).toEqual([9]);
    expect(FakeWorker.last!.terminated).toBe(true);
  });
});

function Squared({ x }: { x: number }) {
  const { value, pending, error } = useWorkerCompute(square, x);
  return (
    <p data-testid="out">
      {String(value)} {pending ? 'pending' : 'done'} {error ?? ''}
    </p>
  );
}

describe('useWorkerCompute', () => {
  it('shows the newest input’s value, keeps the last value while pending, and surfaces an error', async () => {
    const { rerender } = render(<Squared x={2} />);
    expect(screen.getByTestId('out')).toHaveTextContent('undefined pending');
    await tick();
    expect(screen.getByTestId('out')).toHaveTextContent('4 done');
    rerender(<Squared x={3} />);
    rerender(<Squared x={5} />);
    expect(screen.getByTestId('out')).toHaveTextContent('4 pending');
    await tick();
    expect(screen.getByTestId('out')).toHaveTextContent('25 done');
    rerender(<Squared x={-1} />);
    await tick();
    expect(screen.getByTestId('out')).toHaveTextContent('25 done square: x must be >= 0, got -1');
  });
});
