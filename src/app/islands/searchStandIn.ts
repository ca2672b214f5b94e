/**
 * Search on a note page: a plain field shown at once while the dialog's code
 * (and React) loads, so nothing typed right after the shortcut is lost.
 */
let searchModule: Promise<typeof import('./SearchIsland.tsx')> | undefined;

let standIn: { dialog: HTMLDialogElement; input: HTMLInputElement; returnFocus: HTMLElement | null } | undefined;

/**
 * A plain search field shown at once while the dialog's code loads, so what
 * the reader types right after the shortcut is kept (and handed over).
 */
function showStandIn(): void {
  if (standIn || document.querySelector('.search-island')) return;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement('dialog');
  dialog.className = 'search-dialog search-stand-in';
  dialog.setAttribute('aria-label', '노트 검색');
  const panel = document.createElement('div');
  panel.className = 'search-panel';
  const field = document.createElement('div');
  field.className = 'search-field';
  const input = document.createElement('input');
  input.type = 'text';
  input.setAttribute('aria-label', '검색어');
  input.placeholder = '낱말이나 설정 이름으로 찾기';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  status.textContent = '검색을 준비하는 중…';
  field.append(input);
  panel.append(field, status);
  dialog.append(panel);
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    standIn = undefined;
  });
  dialog.showModal();
  input.focus();
  standIn = { dialog, input, returnFocus };
}

export function openSearch(navigate: (url: string) => void): void {
  showStandIn();
  // Taken now: closed (Esc) before the code arrives, the stand-in means "never mind".
  const waiting = standIn;
  searchModule ??= import('./SearchIsland.tsx');
  void searchModule.then(async ({ openSearch: open }) => {
    if (waiting && !waiting.dialog.open) return;
    await open(navigate, waiting?.input.value ?? '');
    waiting?.dialog.close();
    // The dialog opened over the stand-in, so on closing it would hand focus back to
    // the stand-in's field, which is gone: hand it to where the reader was instead.
    const real = document.querySelector('.search-island dialog');
    if (waiting && real) {
      real.addEventListener(
        'close',
        () => {
          // Still inside the closed dialog (or already on the body): focus would be lost.
          const active = document.activeElement;
          if (!active || active === document.body || real.contains(active)) waiting.returnFocus?.focus();
        },
        { once: true },
      );
    }
  });
}
