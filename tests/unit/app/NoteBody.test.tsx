import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { NoteBody } from '../../../src/app/components/NoteBody.tsx';
import { httpsNote } from '../../fixtures/notes.ts';

function LocationProbe() {
  const location = useLocation();
  return <p data-testid="location">{decodeURIComponent(location.pathname + location.hash)}</p>;
}

function renderBody() {
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <>
            <NoteBody blocks={httpsNote.body} />
            <LocationProbe />
          </>
        ),
      },
    ],
    { initialEntries: ['/notes/https-ssl/'] },
  );
  return render(<RouterProvider router={router} />);
}

describe('NoteBody', () => {
  it('renders the prerendered HTML', () => {
    renderBody();
    expect(screen.getByRole('heading', { level: 2, name: '대칭키' })).toBeInTheDocument();
  });

  it('copies a code block to the clipboard and announces it', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderBody();

    await user.click(screen.getByRole('button', { name: '복사' }));

    expect(writeText).toHaveBeenCalledWith('openssl version');
    expect(await screen.findByRole('button', { name: '복사됨' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('코드를 클립보드에 복사했습니다.');
  });

  it('says so when the clipboard refuses', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    renderBody();
    await user.click(screen.getByRole('button', { name: '복사' }));
    expect(await screen.findByRole('button', { name: '복사 실패' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('복사하지 못했습니다');
  });

  it('follows links to other notes through the router, keeping the heading fragment', async () => {
    const user = userEvent.setup();
    renderBody();
    await user.click(screen.getByRole('link', { name: 'EC2 보안 그룹' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/notes/ec2/#보안-그룹'));
  });
});
