import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useActiveHeading } from '../../../../src/app/hooks/useActiveHeading.ts';

/** Headings at these distances from the top of the viewport (jsdom lays nothing out). */
function placeHeadings(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) {
    const heading = document.createElement('h2');
    heading.id = id;
    heading.getBoundingClientRect = () => ({ top }) as DOMRect;
    document.body.append(heading);
  }
}

/** The hook measures in the next frame, as the browser lays the page out. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

afterEach(() => {
  document.body.replaceChildren();
});

describe('useActiveHeading', () => {
  it('marks a heading once it is above a third of the screen, with its section below it', async () => {
    Object.assign(window, { innerHeight: 900 });
    placeHeadings({ intro: -400, setup: 250, later: 700 });
    const { result } = renderHook(() => useActiveHeading(['intro', 'setup', 'later']));
    await nextFrame();
    expect(result.current).toBe('setup');
  });

  it('keeps the section above while the next heading is still low on the screen', async () => {
    Object.assign(window, { innerHeight: 900 });
    placeHeadings({ intro: -400, setup: 320, later: 700 });
    const { result } = renderHook(() => useActiveHeading(['intro', 'setup', 'later']));
    await nextFrame();
    expect(result.current).toBe('intro');
  });

  it('uses the offset on a short screen, where a third is less', async () => {
    Object.assign(window, { innerHeight: 240 });
    placeHeadings({ intro: -400, setup: 90 });
    const { result } = renderHook(() => useActiveHeading(['intro', 'setup'], 96));
    await nextFrame();
    expect(result.current).toBe('setup');
  });
});
