/**
 * What a reader did inside an island before its code arrived, and how to hand
 * it over. Native controls work before any script: a radio button is checked,
 * text is typed, a select is chosen. The island then hydrates against the
 * HTML as prerendered (so React finds what it rendered), and the reader's
 * input is replayed through React's own events, so its state follows.
 * Buttons and form submits cannot do anything without a script: index.html's
 * inline script and the loader keep them and they are replayed as clicks.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface ControlState {
  index: number;
  checked: boolean;
  value: string;
}

const CONTROLS = 'input, select, textarea';

function controls(container: Element): Control[] {
  return [...container.querySelectorAll<Control>(CONTROLS)];
}

function defaultValue(control: Control): string {
  if (control instanceof HTMLSelectElement) {
    const selected = [...control.options].find((option) => option.defaultSelected) ?? control.options[0];
    return selected?.value ?? '';
  }
  return control.defaultValue;
}

function changed(control: Control): boolean {
  if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox'))
    return control.checked !== control.defaultChecked;
  return control.value !== defaultValue(control);
}

/**
 * Records the controls the reader changed, leaving them as they are: React
 * hydrates the DOM's own values (it does not put back what it prerendered),
 * so the reader never sees a choice undone. Returns what `replayInput` needs.
 */
export function takeInput(container: Element): ControlState[] {
  const taken: ControlState[] = [];
  controls(container).forEach((control, index) => {
    if (!changed(control)) return;
    const checked = control instanceof HTMLInputElement ? control.checked : false;
    taken.push({ index, checked, value: control.value });
  });
  return taken;
}

/**
 * Keeps `taken` up to date with what the reader changes while the island is
 * hydrating (React may set a select back to its rendered value then). The
 * latest change of a control goes last, so it wins when replayed. Returns the
 * function that stops listening.
 */
export function followInput(container: Element, taken: ControlState[]): () => void {
  const record = (event: Event) => {
    const control = event.target as Control;
    const index = controls(container).indexOf(control);
    if (index < 0) return;
    const existing = taken.findIndex((state) => state.index === index);
    if (existing >= 0) taken.splice(existing, 1);
    taken.push({ index, checked: control instanceof HTMLInputElement ? control.checked : false, value: control.value });
  };
  container.addEventListener('input', record, true);
  container.addEventListener('change', record, true);
  return () => {
    container.removeEventListener('input', record, true);
    container.removeEventListener('change', record, true);
  };
}

/** The value setter React does not watch, so the change below reads as the reader's. */
function setNativeValue(control: Control, value: string): void {
  const prototype = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
}

/**
 * Hands what `takeInput` recorded to the hydrated island's state, through the
 * events React listens to. React's change tracking took the DOM's values at
 * hydration, so each control is first set back through the element (which
 * React's tracker sees) and then changed as the reader did; both happen in one
 * task, so nothing flickers.
 */
export function replayInput(container: Element, taken: readonly ControlState[]): void {
  const now = controls(container);
  for (const state of taken) {
    const control = now[state.index];
    if (!control || control.disabled) continue;
    if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) {
      control.checked = !state.checked;
      // A click is what the reader did; it also fires React's onChange.
      control.click();
      continue;
    }
    control.value = defaultValue(control);
    setNativeValue(control, state.value);
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
}

/** Where a button sits in its island, to find the same button after hydration. */
export function buttonIndex(container: Element, button: Element): number {
  return [...container.querySelectorAll('button')].indexOf(button as HTMLButtonElement);
}

export function buttonAt(container: Element, index: number): HTMLButtonElement | undefined {
  return container.querySelectorAll('button')[index];
}
