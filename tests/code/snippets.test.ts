import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/formulas/registry';
import { py, pyList } from '../../src/ui/card/code';
import type { AnyFormulaDef, Param, ParamValue, Values } from '../../src/ui/card/types';
import { defaultValues, normalizeValues, presetValues } from '../../src/ui/card/values';

/*
 * The code a card shows is run: each page's NumPy snippet, at its default values, at two
 * presets and at three random states (seeded), in one Python process for all of them, and the
 * JSON its last line prints is compared with the page's compute() to a relative 1e-9 (with an
 * absolute 1e-14 for numbers that are zero up to rounding), or, for a state whose numbers the
 * page itself cannot hold still under a few ulps of change (see `spread`), to ten times that. Python's NumPy is installed by
 * .ci/run; without it the test is skipped here, and fails in CI.
 */

/** What each page's NumPy snippet prints, taken from the page's own result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Expect = (values: Values, r: any) => Record<string, unknown>;
const activation: Expect = (_v, r) => ({ y: r.y, dy: r.dy });
const EXPECTED: Record<string, Expect> = {
  softmax: (_v, r) => ({ p: r.p, entropy: r.entropy }),
  'cross-entropy': (_v, r) => ({ q: r.q, loss: r.loss, grad: r.grad, bce: r.bce }),
  mse: (_v, r) => ({ residuals: r.residuals, mse: r.mse, rmse: r.rmse, mae: r.mae }),
  sigmoid: activation,
  tanh: activation,
  relu: activation,
  attention: (_v, r) => ({ weights: r.weights, output: r.output }),
  'matrix-multiplication': (_v, r) => ({ C: r.C, image: r.plane.image, det: r.plane.det }),
  'vector-similarity': (_v, r) => ({
    dot: r.shown.dot,
    norm_a: r.shown.normA,
    norm_b: r.shown.normB,
    cos: r.shown.cos,
    angle: r.shown.angle,
    distance: r.shown.distance,
  }),
  entropy: (_v, r) => ({
    p: r.p,
    q: r.q,
    bits: r.bits,
    nats: r.nats,
    perplexity: r.perplexity,
    cross: r.cross,
    kl: r.kl,
  }),
  'next-token-distribution': (_v, r) => ({
    softmax: r.pipe.softmax,
    after_k: r.pipe.afterK,
    after_p: r.pipe.afterP,
    final: r.pipe.final,
  }),
  'gradient-descent': (_v, r) => ({ theta: r.theta, loss: r.loss }),
  'learning-rate': (_v, r) => ({ thetas: r.runs.map((run: { theta: number }) => run.theta) }),
  adam: (_v, r) => ({ theta: r.theta, loss: r.run.losses[r.k] }),
  adagrad: (_v, r) => ({ theta: r.theta }),
  sgd: (_v, r) => ({
    batch_grad: r.batchGrad,
    full_grad: r.fullGrad,
    loss: r.run.losses[r.k],
    ...(r.next ? { next: r.next } : {}),
  }),
  backpropagation: (_v, r) => ({
    y_hat: r.yhat,
    loss: r.loss,
    gW1: r.grads[0].W,
    gb1: r.grads[0].b,
    gW2: r.grads[1].W,
    gb2: r.grads[1].b,
    loss_after: r.lossAfter,
  }),
  // the fit's errors at the card's weights; for L2 also a refit, whose objective is flat at the optimum
  regularization: (_v, r) => ({
    train: r.train,
    test: r.test,
    penalty: r.penalty,
    objective: r.objective,
    ...(r.kind === 2 ? { objective_refit: r.objective } : {}),
  }),
  optimizers: (_v, r) =>
    Object.fromEntries(
      r.runs.map((run: { racer: { id: string }; theta: number[] }) => [run.racer.id, run.theta]),
    ),
  // the single neuron only: the network trains from weights the app's own generator draws
  'neural-network': (_v, r) => ({
    z: r.z,
    y: r.y,
    truth: r.truth.map((t: { y: number }) => t.y),
  }),
  transformer: (_v, r) => ({ output: r.run.block.output, probs: r.run.probs }),
  bayes: (_v, r) => ({
    belief: r.belief,
    posteriors: r.steps.slice(0, r.k).map((s: { posterior: number }) => s.posterior),
    topics: r.topics.en.at(-1).posterior,
  }),
};

/** Any value a param can hold, in its range (normalized as the card does). */
function paramValue(p: Param): fc.Arbitrary<ParamValue> {
  const num = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  switch (p.kind) {
    case 'scalar':
      return p.integer ? fc.integer({ min: p.min, max: p.max }) : num(p.min, p.max);
    case 'vector':
      return fc.array(num(p.min, p.max), {
        minLength: p.default.length,
        maxLength: p.default.length,
      });
    case 'matrix':
      return fc.array(fc.array(num(p.min, p.max), { minLength: p.cols, maxLength: p.cols }), {
        minLength: p.default.length,
        maxLength: p.default.length,
      });
    case 'toggle':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...p.options.map((o) => o.value));
    default:
      return fc.integer({ min: 0, max: 1000 });
  }
}

function randomStates(def: AnyFormulaDef, count: number, seed: number): Values[] {
  const shape: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const p of def.params) shape[p.name] = paramValue(p);
  return fc
    .sample(fc.record(shape), { numRuns: count, seed })
    .map((raw) => normalizeValues(def.params, raw));
}

/** The states each page's snippet is run at: defaults, two presets, three random. */
function states(def: AnyFormulaDef, seed: number): { label: string; values: Values }[] {
  const presets = (def.presets ?? []).slice(0, 2);
  return [
    { label: 'defaults', values: defaultValues(def.params) },
    ...presets.map((p) => ({
      label: `preset ${p.id}`,
      values: presetValues(def.params, p.values),
    })),
    ...randomStates(def, 3, seed).map((values, i) => ({ label: `random ${i + 1}`, values })),
  ];
}

/**
 * Runs every snippet in its own namespace in one Python process; each answer is the JSON of
 * the snippet's last printed line (non-finite floats as "inf", "-inf", "nan"), or its error.
 */
const RUNNER = String.raw`
import contextlib, io, json, math, sys, traceback
def finite(x):
    if isinstance(x, float) and not math.isfinite(x):
        return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")
    if isinstance(x, list):
        return [finite(v) for v in x]
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    return x
answers = []
for code in json.load(sys.stdin):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<snippet>", "exec"), {"__name__": "__main__"})
        last = [l for l in out.getvalue().splitlines() if l.strip()][-1]
        answers.append({"ok": finite(json.loads(last))})
    except Exception:
        answers.append({"error": traceback.format_exc(limit=3)})
print(json.dumps(answers))
`;

type Answer = { ok: unknown } | { error: string };

function runPython(snippets: string[]): Answer[] {
  const run = spawnSync('python3', ['-c', RUNNER], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Answer[];
}

/** Compiles (does not run) every snippet: the error of each that is not valid Python, or null. */
const COMPILER = String.raw`
import json, sys
errors = []
for code in json.load(sys.stdin):
    try:
        compile(code, "<snippet>", "exec")
        errors.append(None)
    except SyntaxError as e:
        errors.append(f"line {e.lineno}: {e.msg}: {(e.text or '').strip()}")
print(json.dumps(errors))
`;

function compilePython(snippets: string[]): (string | null)[] {
  const run = spawnSync('python3', ['-c', COMPILER], {
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as (string | null)[];
}

const hasPython = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0;
const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
const hasNumpy = numpy.status === 0;

/** The numbers of a nested value, in order. */
function numbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) x.forEach((v) => numbers(v, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((v) => numbers(v, out));
  return out;
}

/**
 * How far the page's own numbers move when every non-integer scalar moves by 2⁻⁴⁸ of itself
 * (some ulps): the spread two float64 implementations (V8's Math and C's libm differ in the
 * last bit of sin, cos, pow) may show. Tiny for a stable computation; of the size of the
 * numbers themselves for a chaotic run (gradient descent at a large rate on a bumpy curve),
 * which no other program can reproduce digit for digit.
 */
function spread(def: AnyFormulaDef, values: Values, want: Record<string, unknown>): number {
  const nudged: Record<string, ParamValue> = { ...values };
  for (const p of def.params) {
    const v = values[p.name];
    if (p.kind === 'scalar' && !p.integer && typeof v === 'number' && v !== 0)
      nudged[p.name] = v * (1 + 2 ** -48);
  }
  const moved = normalizeValues(def.params, nudged);
  const a = numbers(want);
  const b = numbers(EXPECTED[def.id](moved, def.compute(moved)));
  if (a.length !== b.length) return Infinity;
  let most = 0;
  a.forEach((x, i) => {
    const y = b[i];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return;
    most = Math.max(most, Math.abs(x - y) / Math.max(Math.abs(x), 1e-300));
  });
  return Number.isNaN(most) ? Infinity : most;
}

/** Compares what Python printed with what the page computed; returns the differences. */
function differences(
  got: unknown,
  want: unknown,
  path: string,
  out: string[],
  tolerance = 1e-9,
): string[] {
  if (typeof want === 'number') {
    if (!Number.isFinite(want)) {
      const name = Number.isNaN(want) ? 'nan' : want > 0 ? 'inf' : '-inf';
      if (got !== name) out.push(`${path}: got ${String(got)}, want ${name}`);
    } else if (
      typeof got !== 'number' ||
      !(Math.abs(got - want) <= tolerance * Math.abs(want) + 1e-14)
    ) {
      out.push(`${path}: got ${String(got)}, want ${want}`);
    }
  } else if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length)
      out.push(`${path}: got ${JSON.stringify(got)}, want ${want.length} entries`);
    else want.forEach((w, i) => differences(got[i], w, `${path}[${i}]`, out, tolerance));
  } else if (want === null) {
    if (got !== null) out.push(`${path}: got ${JSON.stringify(got)}, want None`);
  } else if (typeof want === 'object') {
    const keys = Object.keys(want as object).sort();
    const gotKeys = got && typeof got === 'object' ? Object.keys(got).sort() : [];
    if (JSON.stringify(keys) !== JSON.stringify(gotKeys))
      out.push(`${path}: keys ${gotKeys.join(',')}, want ${keys.join(',')}`);
    else
      for (const k of keys)
        differences(
          (got as Record<string, unknown>)[k],
          (want as Record<string, unknown>)[k],
          `${path}.${k}`,
          out,
          tolerance,
        );
  } else if (got !== want) out.push(`${path}: got ${String(got)}, want ${String(want)}`);
  return out;
}

describe('Python literals (src/ui/card/code.ts)', () => {
  it('writes floats as Python floats and plain Python values', () => {
    expect([py(2), py(-3), py(0.1), py(-0), py(1e21), py(1e-7)]).toEqual([
      '2.0',
      '-3.0',
      '0.1',
      '-0.0',
      '1e+21',
      '1e-7',
    ]);
    expect([py(Infinity), py(-Infinity), py(NaN)]).toEqual([
      'float("inf")',
      '-float("inf")',
      'float("nan")',
    ]);
    expect(pyList([1, 2.5])).toBe('[1.0, 2.5]');
  });
});

describe('the NumPy code of every page with code reproduces its numbers', () => {
  it('python3 with NumPy is there in CI', () => {
    if (!hasNumpy && process.env.CI)
      throw new Error(`CI is set but python3 cannot import numpy: ${numpy.stderr ?? numpy.error}`);
    if (!hasNumpy) console.warn('python3 with NumPy is missing: the snippets are not run here.');
  });

  const cases: {
    page: string;
    label: string;
    code: string;
    /** The PyTorch snippet of the same state: not run (no torch here), only compiled. */
    torch: string;
    want: Record<string, unknown>;
    tolerance: number;
  }[] = [];
  const literals = [0.1 + 0.2, 1 / 3, -0, 2, 5e-324, 1.7976931348623157e308, 1e-7, 123456789.125];
  let answers: Answer[] = [];

  beforeAll(async () => {
    const built = REGISTRY.filter((e) => e.load);
    let seed = 20;
    for (const entry of built) {
      const def = (await entry.load!()).default;
      seed += 1;
      if (!def.code) continue;
      const expected = EXPECTED[def.id] as Expect | undefined;
      for (const { label, values } of states(def, seed)) {
        const result = def.compute(values);
        const want = expected ? expected(values, result) : {};
        const code = def.code(values, result);
        cases.push({
          page: def.id,
          label,
          code: code.numpy,
          torch: code.torch,
          want,
          // a relative 1e-9, or ten times the spread of a state the page cannot hold still
          tolerance: expected ? Math.max(1e-9, 10 * spread(def, values, want)) : 1e-9,
        });
      }
    }
    if (!hasNumpy) return;
    const floats = `import json\nprint(json.dumps({"x": [${literals.map(py).join(', ')}]}))\n`;
    answers = runPython([floats, ...cases.map((c) => c.code)]);
  }, 60_000);

  it('every page with code says what its snippet prints (EXPECTED above)', () => {
    const pages = new Set(cases.map((c) => c.page));
    expect(pages.size).toBeGreaterThan(0);
    for (const page of pages) expect(EXPECTED[page], page).toBeDefined();
  });

  it.skipIf(!hasNumpy)('floats read back in Python as the same doubles', () => {
    const a = answers[0];
    expect('ok' in a ? a.ok : a.error).toEqual({ x: literals });
    const [, , minusZero] = (a as { ok: { x: number[] } }).ok.x;
    expect(Object.is(minusZero, -0)).toBe(true);
  });

  it.skipIf(!hasNumpy)('each snippet runs and prints the numbers the card shows', () => {
    const problems: string[] = [];
    cases.forEach((c, i) => {
      const a = answers[i + 1];
      const where = `${c.page} (${c.label})`;
      if ('error' in a) problems.push(`${where}: ${a.error}`);
      else problems.push(...differences(a.ok, c.want, where, [], c.tolerance));
    });
    expect(problems).toEqual([]);
    // most states are held to 1e-9: the spread excuses only the few chaotic ones
    const strict = cases.filter((c) => c.tolerance === 1e-9).length;
    expect(strict / cases.length).toBeGreaterThan(0.9);
  });

  // torch cannot be installed here: the PyTorch snippets, at every state the NumPy code is run
  // at, are compiled as Python and must import torch, but they are not run
  it.skipIf(!hasPython)('each PyTorch snippet is valid Python that imports torch', () => {
    const errors = compilePython(cases.map((c) => c.torch));
    const problems: string[] = [];
    cases.forEach((c, i) => {
      const where = `${c.page} (${c.label})`;
      if (errors[i] !== null) problems.push(`${where}: ${errors[i]}`);
      if (!/^import torch$/m.test(c.torch)) problems.push(`${where}: no "import torch"`);
    });
    expect(problems).toEqual([]);
  });
});
