import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { UpdatePrompt } from '../../../../src/app/pwa/UpdatePrompt.tsx';
import { serviceWorkerState } from '../../../../src/app/pwa/serviceWorkerState.ts';

const offlineText = '이제 오프라인에서도 모든 노트를 읽을 수 있습니다.';

function Page() {
  return (
    <>
      <main>
        <button type="button">다음 문제</button>
      </main>
      <footer className="site-footer">
        <p>푸터</p>
      </footer>
      <UpdatePrompt />
    </>
  );
}

beforeEach(() => {
  serviceWorkerState.set({ needRefresh: false, offlineReady: false });
});

describe('UpdatePrompt', () => {
  it('says the site works offline as a quiet footer line, with no box or button over the page', () => {
    const { container } = render(<Page />);
    act(() => serviceWorkerState.set({ offlineReady: true }));
    const footer = container.querySelector('.site-footer') as HTMLElement;
    expect(footer).toHaveTextContent(offlineText);
    // Read out once through the live region, but nothing floats over the page.
    expect(screen.getByRole('status')).toHaveTextContent(offlineText);
    expect(container.querySelector('.update-prompt')).toBeNull();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['다음 문제']);
  });

  it('keeps the new-version notice until the reader decides', () => {
    render(<Page />);
    act(() => serviceWorkerState.set({ needRefresh: true, offlineReady: true }));
    expect(screen.getByRole('button', { name: '새로고침' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('새 버전이 있습니다');
    act(() => screen.getByRole('button', { name: '닫기' }).click());
    expect(screen.queryByRole('button', { name: '새로고침' })).toBeNull();
  });
});
