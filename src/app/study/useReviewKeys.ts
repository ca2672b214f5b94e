import { useEffect, type RefObject } from 'react';
import { pickChoiceByKey, promptForEnter } from './choiceKeys.ts';

export interface ReviewKeyActions {
  /** The session's panel: keys act on the question inside it. */
  panel: RefObject<HTMLElement | null>;
  /** Whether the current question has been answered (Space/Enter then goes on). */
  answered: boolean;
  next: () => void;
  undo: () => void;
  /** What to say when a key can do nothing yet ('' clears it). */
  say: (message: string) => void;
}

/**
 * The review session's keys: Space/Enter reveal, submit and go on, 1–9 pick a
 * choice or grade a flashcard, Z undoes the last answer. Keys typed into a
 * gap or a select are the field's own, and a focused button or link keeps its
 * Space/Enter. Subscribed again on every render, so each key sees the
 * session as it is now.
 */
export function useReviewKeys({ panel, answered, next, undo, say }: ReviewKeyActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.matches('input[type="text"], textarea, select') ?? false;
      const root = panel.current;
      if (!root) return;
      if ((event.key === 'z' || event.key === 'Z') && !typing) {
        event.preventDefault();
        undo();
        return;
      }
      if (typing) {
        // Typing in a gap or choosing in a select: Enter submits natively, unless nothing is filled in yet.
        const submit = root.querySelector<HTMLButtonElement>('.quiz-submit');
        if (event.key === 'Enter' && submit?.disabled && root.contains(target)) say(promptForEnter(root));
        return;
      }
      if (/^[1-9]$/.test(event.key)) {
        const button = root.querySelectorAll<HTMLButtonElement>('.quiz-grades button')[Number(event.key) - 1];
        if (button) {
          event.preventDefault();
          button.click();
        } else if (!answered && pickChoiceByKey(root, Number(event.key))) {
          event.preventDefault();
          say('');
        }
        return;
      }
      if (event.key === ' ' || event.key === 'Enter') {
        // Let a focused button or link do its own thing.
        if (target?.closest('button, a, summary')) return;
        if (answered) {
          event.preventDefault();
          next();
          return;
        }
        const reveal = root.querySelector<HTMLButtonElement>('.quiz-reveal');
        if (reveal) {
          event.preventDefault();
          reveal.click();
          return;
        }
        const form = root.querySelector<HTMLFormElement>('.quiz-form');
        const submit = form?.querySelector<HTMLButtonElement>('.quiz-submit');
        if (form && submit && !submit.disabled) {
          event.preventDefault();
          form.requestSubmit();
        } else if (form && submit && event.key === 'Enter') {
          // Nothing chosen or typed yet: say how to answer instead of doing nothing.
          event.preventDefault();
          say(promptForEnter(root));
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
