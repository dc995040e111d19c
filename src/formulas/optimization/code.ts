import type { Problem } from './problems';

/**
 * The loss and its gradient of each problem as Python, term for term as in problems.ts (so a
 * trajectory reproduces the card's): `f(theta)` and `grad(theta)` of a float64 array `theta`.
 * `lib` is `np` or `torch` (both have sin, cos and the same array arithmetic).
 */
export function problemPython(problem: Problem, lib: 'np' | 'torch'): string[] {
  const arr = lib === 'np' ? 'np.array' : 'torch.stack';
  switch (problem.id) {
    case 'quadratic':
      return [
        'def f(t):',
        '    return 0.5 * t[0] * t[0]',
        '',
        'def grad(t):',
        '    return t * 1.0',
      ];
    case 'double-well':
      return [
        'def f(t):  # a tilted double well',
        '    x = t[0]',
        '    return x ** 4 / 4 - (x * x) / 2 + 0.3 * x',
        '',
        'def grad(t):',
        '    x = t[0]',
        `    return ${arr}([x ** 3 - x + 0.3])`,
      ];
    case 'bumpy':
      return [
        'def f(t):',
        '    x = t[0]',
        `    return (x * x) / 8 + 0.4 * ${lib}.sin(3 * x)`,
        '',
        'def grad(t):',
        '    x = t[0]',
        `    return ${arr}([x / 4 + 1.2 * ${lib}.cos(3 * x)])`,
      ];
    case 'round-bowl':
      return [
        'def f(t):',
        '    x, y = t',
        '    return 0.5 * (x * x + y * y)',
        '',
        'def grad(t):',
        '    return t * 1.0',
      ];
    case 'narrow-bowl':
      return [
        'def f(t):  # ten times steeper along y',
        '    x, y = t',
        '    return 0.5 * (x * x + 10 * y * y)',
        '',
        'def grad(t):',
        '    x, y = t',
        `    return ${arr}([x, 10 * y])`,
      ];
    case 'rosenbrock':
      return [
        "def f(t):  # Rosenbrock's valley, minimum at (1, 1)",
        '    x, y = t',
        '    return (1 - x) ** 2 + 100 * (y - x * x) ** 2',
        '',
        'def grad(t):',
        '    x, y = t',
        `    return ${arr}([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])`,
      ];
    case 'saddle':
      return [
        'def f(t):  # a saddle at (0, 0), minima at (0, ±1)',
        '    x, y = t',
        '    return 0.5 * x * x + y ** 4 / 4 - 0.5 * y * y',
        '',
        'def grad(t):',
        '    x, y = t',
        `    return ${arr}([x, y ** 3 - y])`,
      ];
    default:
      throw new Error(`no Python for the problem ${problem.id}`);
  }
}
