/**
 * Which step a diagram shows, and whether it plays by itself: a plain
 * reducer, so the rules are testable without rendering.
 *
 * `step: null` is the complete final picture, the state the page is
 * prerendered in (and stays in without JavaScript); the component moves to
 * a step as soon as it runs in the browser.
 */
export interface StepperState {
  step: number | null;
  playing: boolean;
}

export type StepperAction =
  | { type: 'goto'; step: number }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'play' }
  | { type: 'pause' }
  /** The play timer fired: advance, and stop at the last step. */
  | { type: 'tick' };

export function stepperReducer(count: number, state: StepperState, action: StepperAction): StepperState {
  const last = count - 1;
  const at = state.step ?? 0;
  const clamp = (step: number) => Math.min(Math.max(step, 0), last);
  switch (action.type) {
    case 'goto':
      return { step: clamp(action.step), playing: false };
    case 'next':
      return { step: clamp(at + 1), playing: false };
    case 'previous':
      return { step: clamp(at - 1), playing: false };
    case 'first':
      return { step: 0, playing: false };
    case 'last':
      return { step: last, playing: false };
    case 'play':
      // Playing from the end starts over.
      return { step: state.step === null || at >= last ? 0 : at, playing: count > 1 };
    case 'pause':
      return { ...state, playing: false };
    case 'tick': {
      if (!state.playing) return state;
      const step = clamp(at + 1);
      return { step, playing: step < last };
    }
  }
}

/** How long each step stays up while playing. */
export const PLAY_INTERVAL_MS = 3500;

/** A finger's quick, mostly sideways move: left for the next step, right for the previous. */
const SWIPE = { minDistance: 48, maxMs: 800 };

export function swipeDirection(
  start: { x: number; y: number; at: number },
  end: { clientX: number; clientY: number; timeStamp: number },
): 'next' | 'previous' | null {
  const dx = end.clientX - start.x;
  const dy = end.clientY - start.y;
  if (Math.abs(dx) < SWIPE.minDistance || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  if (end.timeStamp - start.at > SWIPE.maxMs) return null;
  return dx < 0 ? 'next' : 'previous';
}
