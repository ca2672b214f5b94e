import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { NoteMeta } from '../../../src/shared/note.ts';
import { allTags, tagPath, tagSlug } from '../../../src/shared/routes.ts';
import { HomePage } from '../../../src/app/pages/HomePage.tsx';
import { TagPage } from '../../../src/app/pages/TagPage.tsx';
import { metas } from '../../fixtures/notes.ts';

const notes: NoteMeta[] = metas.map((meta, index) => ({
  ...meta,
  tags: index === 0 ? ['보안', 'Let’s Encrypt'] : ['보안', 'DB'],
}));

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        id: 'root',
        path: '/',
        loader: () => notes,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'tags/:tag',
            // The app's loader reads the notes index chunk; this one reads the fixture the same way.
            loader: ({ params }) => {
              const wanted = tagSlug(params.tag ?? '');
              const tagged = notes.filter((note) => note.tags.some((tag) => tagSlug(tag) === wanted));
              return { tag: tagged[0]?.tags.find((tag) => tagSlug(tag) === wanted), notes: tagged };
            },
            element: <TagPage />,
          },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

describe('tags', () => {
  it('make one URL per tag, whatever its case or spacing', () => {
    expect(tagPath('보안')).toBe(`/tags/${encodeURIComponent('보안')}/`);
    expect(tagSlug(' Let’s  Encrypt ')).toBe('let’s-encrypt');
    expect(allTags([{ tags: ['DB', '보안'] }, { tags: ['db', 'SQL'] }])).toEqual(['DB', '보안', 'SQL']);
  });

  it('link from a note card to a page listing every note with the tag', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const first = (await screen.findAllByRole('listitem')).find((item) => item.classList.contains('note-card'));
    if (!first) throw new Error('no note card');
    await user.click(within(first).getByRole('link', { name: '보안' }));
    expect(await screen.findByRole('heading', { level: 1, name: '태그: 보안' })).toBeInTheDocument();
    const cards = screen.getAllByRole('heading', { level: 2 });
    expect(cards.map((heading) => heading.textContent)).toEqual(notes.map((note) => note.title));
    expect(within(cards[0] as HTMLElement).getByRole('link')).toHaveAttribute('href', `/notes/${notes[0]?.slug}/`);
  });

  it('list only the notes with the tag', async () => {
    renderAt(tagPath('DB'));
    expect(await screen.findByRole('heading', { level: 1, name: '태그: DB' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(notes.length - 1);
    expect(screen.getByText(`‘DB’ 태그가 붙은 노트 ${notes.length - 1}편입니다.`)).toBeInTheDocument();
  });
});
