import { render, screen } from '@testing-library/react';
import 'fake-indexeddb/auto';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { StatsPage } from '../../../../src/app/pages/StatsPage.tsx';
import { Rating, reviewCard } from '../../../../src/app/quiz/scheduler.ts';
import { openProgressStore } from '../../../../src/app/storage/progressStore.ts';
import { metas } from '../../../fixtures/notes.ts';

// Issue 14, item 9: answers to questions removed from the notes are kept, and
// the stats page says how many there are, so that the totals add up.

describe('the stats page with answers to removed questions', () => {
  it('says how many answers belong to questions that no longer exist', async () => {
    const existing = 'https-kept-01';
    const notes = metas.map((note, index) => (index === 0 ? { ...note, questionIds: [existing] } : note));
    const store = await openProgressStore();
    const now = new Date();
    for (const id of [existing, 'removed-1', 'removed-1', 'removed-2']) {
      const { card, log } = reviewCard(store.getState().cards.get(id), Rating.Good, now);
      await store.recordReview(id, card, log);
    }
    store.close();

    const router = createMemoryRouter([{ id: 'root', path: '/', loader: () => notes, element: <StatsPage /> }]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByText(/모두 4번 답했습니다/)).toHaveTextContent(
      '그중 3번은 지금 노트에 없는 문제(2개)에 답한 기록입니다',
    );
    expect(screen.getByText(/노트에서 빠진 문제 2개의 진행 상황도 보관되어 있습니다/)).toBeInTheDocument();
  });
});
