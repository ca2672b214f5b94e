import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OFFLINE_NOTICE_MS, UpdatePrompt } from '../../../../src/app/pwa/UpdatePrompt.tsx';
import { serviceWorkerState } from '../../../../src/app/pwa/serviceWorkerState.ts';

const offlineText = '이제 오프라인에서도 모든 노트를 읽을 수 있습니다.';

beforeEach(() => {
  vi.useFakeTimers();
  serviceWorkerState.set({ needRefresh: false, offlineReady: false });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('UpdatePrompt', () => {
  it('says the site works offline, then goes by itself', () => {
    render(<UpdatePrompt />);
    act(() => serviceWorkerState.set({ offlineReady: true }));
    expect(screen.getByRole('status')).toHaveTextContent(offlineText);
    act(() => vi.advanceTimersByTime(OFFLINE_NOTICE_MS - 100));
    expect(screen.queryByText(offlineText)).not.toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByText(offlineText)).toBeNull();
  });

  it('stays while the pointer or focus is on it, and closes with its button', () => {
    render(<UpdatePrompt />);
    act(() => serviceWorkerState.set({ offlineReady: true }));
    const close = screen.getByRole('button', { name: '닫기' });
    act(() => close.focus());
    act(() => vi.advanceTimersByTime(OFFLINE_NOTICE_MS * 3));
    expect(screen.queryByText(offlineText)).not.toBeNull();

    act(() => close.blur());
    fireEvent.pointerEnter(close.closest('.update-prompt') as Element);
    act(() => vi.advanceTimersByTime(OFFLINE_NOTICE_MS * 3));
    expect(screen.queryByText(offlineText)).not.toBeNull();

    fireEvent.click(close);
    expect(screen.queryByText(offlineText)).toBeNull();
  });

  it('keeps the new-version notice until the reader decides', () => {
    render(<UpdatePrompt />);
    act(() => serviceWorkerState.set({ needRefresh: true, offlineReady: true }));
    act(() => vi.advanceTimersByTime(OFFLINE_NOTICE_MS * 5));
    expect(screen.getByRole('button', { name: '새로고침' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('새 버전이 있습니다');
  });
});
