import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { carriedSearch, useCarriedSearch } from '../../src/ui/shell/links';

describe('carriedSearch', () => {
  it('keeps a valid lang and present=1, drops page params and anything else', () => {
    expect(carriedSearch('?T=0.7&lang=zh-TW&z=1,2&present=1')).toBe('?lang=zh-TW&present=1');
    expect(carriedSearch('?lang=fr&present=yes&x=1')).toBe('');
    expect(carriedSearch('')).toBe('');
  });
});

describe('useCarriedSearch', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('re-renders links when lang changes, not when a page param is rewritten', () => {
    window.history.replaceState(null, '', '/softmax?T=1');
    let renders = 0;
    function Probe() {
      renders++;
      return <span data-testid="carried">{useCarriedSearch()}</span>;
    }
    render(<Probe />);
    const first = renders;
    expect(screen.getByTestId('carried').textContent).toBe('');

    act(() => window.history.replaceState(null, '', '/softmax?T=2'));
    act(() => window.history.replaceState(null, '', '/softmax?T=3&z=1,2'));
    expect(renders).toBe(first);

    act(() => window.history.replaceState(null, '', '/softmax?T=3&lang=zh-TW'));
    expect(screen.getByTestId('carried').textContent).toBe('?lang=zh-TW');
    expect(renders).toBe(first + 1);
  });
});
