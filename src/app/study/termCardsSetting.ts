import { PROGRESS_EVENT } from '../quiz/answeredEvent.ts';
import type { ProgressStore } from '../storage/progressStore.ts';

const SAVE_FAILED = '설정을 저장하지 못했습니다. 다시 시도해 주세요.';

/**
 * The glossary's switch for term flashcards (`.glossary-cards`, prerendered
 * unchecked and disabled), in plain DOM: the glossary is HTML with the island
 * loader. It opens the page's progress store at once and is enabled when the
 * store is ready, showing what is stored: a tap never acts on a state the page
 * had not read, and a change is then one write, done before a reader who flips
 * it and moves on has left the page. It follows the store (another tab's
 * change). What was chosen shows at once; a failed save puts the box back and
 * says so. The React page (GlossaryPage) runs the same code. `open` is the
 * store to use (tests). Returns the function that stops.
 */
export function startTermCardsSetting(
  section: HTMLElement,
  open: () => Promise<ProgressStore> = () =>
    import('../storage/pageProgressStore.ts').then((module) => module.getProgressStore()),
): () => void {
  const box = section.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!box) return () => {};
  let stopped = false;
  let saving = 0;
  let unsubscribe: (() => void) | undefined;

  const showError = (message: string) => {
    let line = section.querySelector<HTMLElement>('.glossary-cards-error');
    if (!message) return line?.remove();
    if (!line) {
      line = document.createElement('p');
      line.className = 'glossary-cards-error';
      line.setAttribute('role', 'alert');
      section.append(line);
    }
    line.textContent = message;
  };

  const opening = open();
  void opening.then(
    (store) => {
      if (stopped) return;
      const show = () => {
        // A change being saved shows what was chosen, not the state before it.
        if (saving === 0) box.checked = store.getState().settings.studyTerms === true;
      };
      show();
      box.disabled = false;
      unsubscribe = store.subscribe(show);
    },
    () => {
      if (!stopped) showError('저장된 설정을 읽지 못했습니다. 페이지를 새로 고쳐 주세요.');
    },
  );

  const onChange = () => {
    const studyTerms = box.checked;
    showError('');
    saving += 1;
    void opening
      .then(async (store) => {
        await store.updateSettings({ studyTerms });
        // The due badge counts term cards when they are on: it reads again.
        window.dispatchEvent(new Event(PROGRESS_EVENT));
      })
      .catch(() => {
        if (stopped) return;
        box.checked = !studyTerms;
        showError(SAVE_FAILED);
      })
      .finally(() => (saving -= 1));
  };
  box.addEventListener('change', onChange);
  return () => {
    stopped = true;
    unsubscribe?.();
    box.removeEventListener('change', onChange);
  };
}
