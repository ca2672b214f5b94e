import { DORMANT, DORMANT_PREFIX } from '../../shared/dormantControls.ts';

/** Each stand-in woken so far, with the control that replaced it: a tap kept on a stand-in finds its control. */
const woken = new WeakMap<Element, Element>();

/**
 * Puts back the real form controls of a question prerendered asleep
 * (`src/shared/dormantControls.ts`): the same elements, with the same
 * attributes and children, that the HTML parser would have made, so the
 * island hydrates as if they had always been there. Does nothing to a
 * question already awake. Returns whether anything woke.
 */
export function wakeControls(scope: Element): boolean {
  const sleeping = [...scope.querySelectorAll(`[${DORMANT}]`)];
  // In document order: a form wakes before the fields it holds, and takes them along as they are.
  for (const standIn of sleeping) {
    const control = document.createElement(standIn.getAttribute(DORMANT) ?? 'span');
    for (const { name, value } of standIn.attributes) {
      if (name === DORMANT) continue;
      control.setAttribute(name.startsWith(DORMANT_PREFIX) ? name.slice(DORMANT_PREFIX.length) : name, value);
    }
    control.append(...standIn.childNodes);
    standIn.replaceWith(control);
    woken.set(standIn, control);
  }
  return sleeping.length > 0;
}

/** What a node kept before its question woke now is: the control that replaced a stand-in, or itself. */
export function awakeNode(node: Element): Element {
  const standIn = node.closest(`[${DORMANT}]`) ?? node;
  return woken.get(standIn) ?? node;
}
