import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ThemeSwitcher } from '../../../src/app/components/ThemeSwitcher.tsx';
import { THEME_STORAGE_KEY } from '../../../src/app/storage/themePreference.ts';
import { resolveTheme } from '../../../src/app/theme/useTheme.ts';

describe('ThemeSwitcher', () => {
  it('starts on the system setting when nothing is saved', () => {
    render(<ThemeSwitcher />);
    expect(screen.getByRole('radio', { name: '시스템 설정' })).toBeChecked();
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('applies and remembers the dark theme', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<ThemeSwitcher />);
    await user.click(screen.getByRole('radio', { name: '다크' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    unmount();
    render(<ThemeSwitcher />);
    expect(screen.getByRole('radio', { name: '다크' })).toBeChecked();
  });

  it('forgets the saved choice when the learner goes back to the system setting', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    const user = userEvent.setup();
    render(<ThemeSwitcher />);
    await user.click(screen.getByRole('radio', { name: '시스템 설정' }));
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('moves between choices with arrow keys, as a radio group', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitcher />);
    screen.getByRole('radio', { name: '시스템 설정' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: '다크' })).toBeChecked();
    expect(screen.getByRole('group', { name: '테마' })).toBeInTheDocument();
  });

  it('ignores a corrupt saved value', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    render(<ThemeSwitcher />);
    expect(screen.getByRole('radio', { name: '시스템 설정' })).toBeChecked();
  });

  it('resolves the system setting against the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
