import { describe, expect, it } from 'vitest';
import { stepperReducer, swipeDirection, type StepperState } from '../../../../src/app/diagrams/stepper.ts';

const at = (step: number | null, playing = false): StepperState => ({ step, playing });
const reduce = stepperReducer.bind(null, 4);

describe('stepperReducer', () => {
  it('moves one step at a time and stops at both ends', () => {
    expect(reduce(at(0), { type: 'next' })).toEqual(at(1));
    expect(reduce(at(3), { type: 'next' })).toEqual(at(3));
    expect(reduce(at(0), { type: 'previous' })).toEqual(at(0));
    expect(reduce(at(2), { type: 'previous' })).toEqual(at(1));
  });

  it('jumps to a step, clamped to the steps there are', () => {
    expect(reduce(at(null), { type: 'goto', step: 2 })).toEqual(at(2));
    expect(reduce(at(1), { type: 'goto', step: 9 })).toEqual(at(3));
    expect(reduce(at(1), { type: 'last' })).toEqual(at(3));
    expect(reduce(at(3), { type: 'first' })).toEqual(at(0));
  });

  it('plays to the end and stops there; playing from the end starts over', () => {
    let state = reduce(at(1), { type: 'play' });
    expect(state).toEqual(at(1, true));
    state = reduce(state, { type: 'tick' });
    expect(state).toEqual(at(2, true));
    state = reduce(state, { type: 'tick' });
    expect(state).toEqual(at(3, false));
    expect(reduce(state, { type: 'play' })).toEqual(at(0, true));
  });

  it('stops playing when the reader steps by hand or pauses', () => {
    expect(reduce(at(1, true), { type: 'next' })).toEqual(at(2));
    expect(reduce(at(1, true), { type: 'pause' })).toEqual(at(1));
    expect(reduce(at(1), { type: 'tick' })).toEqual(at(1));
  });
});

describe('swipeDirection', () => {
  const start = { x: 200, y: 300, at: 1000 };
  const end = (dx: number, dy = 0, ms = 200) => ({ clientX: 200 + dx, clientY: 300 + dy, timeStamp: 1000 + ms });

  it('reads a quick sideways move: left is the next step, right the previous', () => {
    expect(swipeDirection(start, end(-80))).toBe('next');
    expect(swipeDirection(start, end(80, 20))).toBe('previous');
  });

  it('ignores taps, scrolling, diagonal drags and slow moves', () => {
    expect(swipeDirection(start, end(-20))).toBeNull();
    expect(swipeDirection(start, end(-10, 200))).toBeNull();
    expect(swipeDirection(start, end(-80, -60))).toBeNull();
    expect(swipeDirection(start, end(-120, 0, 1500))).toBeNull();
  });
});
