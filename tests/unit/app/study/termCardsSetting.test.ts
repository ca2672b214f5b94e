// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { startTermCardsSetting } from '../../../../src/app/study/termCardsSetting.ts';
import type { ProgressStore } from '../../../../src/app/storage/progressStore.ts';

/** The prerendered switch, as GlossaryPage renders it. */
function section(): { section: HTMLElement; box: HTMLInputElement } {
  const element = document.createElement('section');
  element.className = 'glossary-cards';
  element.innerHTML =
    '<h2>용어 카드</h2><label><input id="study-terms" type="checkbox" disabled> 복습에 용어 카드도 넣기</label>';
  document.body.replaceChildren(element);
  return { section: element, box: element.querySelector('input')! };
}

/** A store holding only the setting; `update` is what saving does, `change` another tab's write. */
function fakeStore(studyTerms: boolean, update: (value: boolean) => Promise<void> = async () => {}) {
  const listeners = new Set<() => void>();
  let value = studyTerms;
  const store = {
    getState: () => ({ settings: { studyTerms: value } }),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    updateSettings: vi.fn(async (patch: { studyTerms: boolean }) => {
      await update(patch.studyTerms);
      value = patch.studyTerms;
      for (const listener of listeners) listener();
    }),
  };
  const change = (next: boolean) => {
    value = next;
    for (const listener of listeners) listener();
  };
  return { store: store as unknown as ProgressStore & typeof store, change };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the glossary’s term cards switch', () => {
  it('stays disabled until the store is open, then shows what is stored and follows it', async () => {
    const { section: element, box } = section();
    const { store, change } = fakeStore(true);
    let open!: (value: ProgressStore) => void;
    startTermCardsSetting(element, () => new Promise((resolve) => (open = resolve)));
    expect(box.disabled).toBe(true);
    open(store);
    await settle();
    expect(box.disabled).toBe(false);
    expect(box.checked).toBe(true);
    change(false);
    expect(box.checked).toBe(false);
  });

  it('saves a change, keeps showing it while it saves, and tells the due badge to count again', async () => {
    let finish!: () => void;
    const { store } = fakeStore(false, () => new Promise<void>((resolve) => (finish = resolve)));
    const { section: element, box } = section();
    startTermCardsSetting(element, async () => store);
    await settle();
    const progress = vi.fn();
    window.addEventListener('study-notes:progress', progress);
    box.click();
    await settle();
    expect(store.updateSettings).toHaveBeenCalledWith({ studyTerms: true });
    expect(box.checked).toBe(true);
    finish();
    await vi.waitFor(() => expect(progress).toHaveBeenCalledOnce());
    expect(box.checked).toBe(true);
    window.removeEventListener('study-notes:progress', progress);
  });

  it('puts the box back and says so when the save fails, and clears the message on the next try', async () => {
    let fail = true;
    const { store } = fakeStore(false, async () => {
      if (fail) throw new Error('quota');
    });
    const { section: element, box } = section();
    startTermCardsSetting(element, async () => store);
    await settle();
    box.click();
    await vi.waitFor(() => expect(element.querySelector('[role="alert"]')).not.toBeNull());
    expect(element.querySelector('[role="alert"]')?.textContent).toBe(
      '설정을 저장하지 못했습니다. 다시 시도해 주세요.',
    );
    expect(box.checked).toBe(false);
    fail = false;
    box.click();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    await settle();
    expect(box.checked).toBe(true);
  });

  it('stops following the store once stopped', async () => {
    const { section: element, box } = section();
    const { store, change } = fakeStore(false);
    const stop = startTermCardsSetting(element, async () => store);
    await settle();
    stop();
    change(true);
    expect(box.checked).toBe(false);
  });
});
