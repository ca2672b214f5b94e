import { afterEach, describe, expect, it } from 'vitest';
import { openDeepForHash } from '../../../src/app/dom/openDeepForHash.ts';

describe('openDeepForHash', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  const page = () => {
    document.body.innerHTML = `<div class="prose"><details class="deep" id="deep-1"><summary>심화</summary>
      <h3 id="레코드">레코드</h3><figure id="tls12-handshake"></figure></details></div>`;
    return document.querySelector<HTMLElement>('.prose')!;
  };

  it('opens the fold that holds a linked heading, at once and on later hash changes', () => {
    history.replaceState(null, '', '#%EB%A0%88%EC%BD%94%EB%93%9C');
    const root = page();
    const stop = openDeepForHash(root);
    expect(root.querySelector('details')!.open).toBe(true);
    root.querySelector('details')!.open = false;
    history.replaceState(null, '', '#tls12-handshake-step-3');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(root.querySelector('details')!.open).toBe(true);
    stop();
  });

  it('leaves folds closed when the address points elsewhere', () => {
    history.replaceState(null, '', '#none');
    const root = page();
    openDeepForHash(root)();
    expect(root.querySelector('details')!.open).toBe(false);
  });
});
