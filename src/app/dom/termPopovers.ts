/**
 * The definition of a linked term (`a.term-link`, made by the build's
 * rehypeTermLinks) as a popover: on mouse hover (and while the pointer is on
 * the popover, so it can be read and selected), on keyboard focus, and on a
 * tap (a first tap shows it, a second follows the link to /glossary/). Escape
 * or a tap elsewhere closes it.
 *
 * Nothing here is needed to reach a definition: the link goes to the glossary
 * entry, and the definition is already the link's description
 * (`aria-describedby`), so screen readers read it on focus. This only shows it.
 *
 * Native first: the Popover API puts it in the top layer with light dismiss
 * and Escape; CSS anchor positioning (popover.css) keeps it under its term as
 * the page scrolls. Where either is missing it is placed from the link's box
 * and closed on scroll.
 */

const SHOW_AFTER_MS = 250;
const HIDE_AFTER_MS = 300;

const popoverApi = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;
const anchoring =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('anchor-name: --term');

const popoverOf = (link: Element): HTMLElement | null =>
  document.getElementById(link.getAttribute('aria-describedby') ?? '');

const termLink = (target: EventTarget | null): HTMLAnchorElement | null =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a.term-link') : null;

export function watchTermPopovers(element: HTMLElement): () => void {
  let open: { link: HTMLAnchorElement; popover: HTMLElement } | undefined;
  let timer = 0;
  /** Whether the current press is a touch, and the popover was already open when it began. */
  let press: { touch: boolean; wasOpen: boolean } = { touch: false, wasOpen: false };

  const later = (run: () => void, ms: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, ms);
  };

  const hide = () => {
    window.clearTimeout(timer);
    if (!open) return;
    const { link, popover } = open;
    open = undefined;
    if (popoverApi && popover.matches(':popover-open')) popover.hidePopover();
    popover.hidden = true;
    popover.classList.remove('is-open');
    delete popover.dataset.by;
    link.style.removeProperty('anchor-name');
  };

  const place = (link: HTMLElement, popover: HTMLElement) => {
    if (anchoring) {
      link.style.setProperty('anchor-name', '--term');
      // Chromium keeps the first position when no fallback fits the whole box, so flip by hand
      // when the definition would run off the bottom and fits above.
      popover.style.removeProperty('position-area');
      const room = popover.getBoundingClientRect();
      if (room.bottom > window.innerHeight && link.getBoundingClientRect().top > room.height + 8) {
        popover.style.setProperty('position-area', 'top span-all');
      }
      return;
    }
    const box = link.getBoundingClientRect();
    const width = Math.min(popover.offsetWidth, window.innerWidth - 16);
    const below = box.bottom + 6 + popover.offsetHeight < window.innerHeight;
    popover.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - width - 8))}px`;
    popover.style.top = `${below ? box.bottom + 6 : Math.max(8, box.top - 6 - popover.offsetHeight)}px`;
  };

  const show = (link: HTMLAnchorElement, by: 'hover' | 'focus' | 'touch') => {
    window.clearTimeout(timer);
    const popover = popoverOf(link);
    if (!popover) return;
    if (open?.popover === popover) return;
    hide();
    open = { link, popover };
    popover.dataset.by = by;
    popover.hidden = false;
    if (popoverApi) {
      popover.popover = 'auto';
      popover.showPopover();
    } else {
      popover.classList.add('is-open');
    }
    place(link, popover);
  };

  const onToggle = (event: Event) => {
    // Light dismiss (Escape, a tap elsewhere) closed it: forget it too.
    if ((event as ToggleEvent).newState === 'closed' && open?.popover === event.target) hide();
  };

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const link = termLink(event.target);
    if (link) {
      if (open?.link === link) window.clearTimeout(timer);
      else later(() => show(link, 'hover'), SHOW_AFTER_MS);
    } else if (open && event.target instanceof Node && open.popover.contains(event.target)) {
      window.clearTimeout(timer);
    }
  };

  const onPointerOut = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const from = event.target instanceof Node ? event.target : null;
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    const inside = (node: Node | null) => !!node && !!open && (open.link.contains(node) || open.popover.contains(node));
    if (!open) {
      if (termLink(from)) window.clearTimeout(timer);
      return;
    }
    if (inside(from) && !inside(to) && open.popover.dataset.by === 'hover') later(hide, HIDE_AFTER_MS);
  };

  const onPointerDown = (event: PointerEvent) => {
    const link = termLink(event.target);
    press = { touch: event.pointerType !== 'mouse', wasOpen: !!link && open?.link === link };
  };

  const onClick = (event: MouseEvent) => {
    const link = termLink(event.target);
    if (!link || !press.touch) return;
    // First tap shows the definition; a tap on a term whose definition is open follows the link.
    if (!press.wasOpen) {
      event.preventDefault();
      show(link, 'touch');
    }
    press = { touch: false, wasOpen: false };
  };

  const onFocusIn = (event: FocusEvent) => {
    const link = termLink(event.target);
    // A tap focuses the link too; the click decides what a tap does.
    if (link && !press.touch && link.matches(':focus-visible')) show(link, 'focus');
  };

  const onFocusOut = (event: FocusEvent) => {
    if (open?.popover.dataset.by === 'focus' && termLink(event.target) === open.link) hide();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) hide();
  };

  const onScroll = () => {
    if (!anchoring) hide();
  };

  const listeners: [EventTarget, string, EventListener][] = [
    [element, 'pointerover', onPointerOver as EventListener],
    [element, 'pointerout', onPointerOut as EventListener],
    [element, 'pointerdown', onPointerDown as EventListener],
    [element, 'click', onClick as EventListener],
    [element, 'focusin', onFocusIn as EventListener],
    [element, 'focusout', onFocusOut as EventListener],
    [element, 'toggle', onToggle],
    [document, 'keydown', onKeyDown as EventListener],
    [window, 'scroll', onScroll],
  ];
  // `toggle` does not bubble: listen in the capture phase.
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, type === 'toggle');
  return () => {
    hide();
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, type === 'toggle');
  };
}
