import { useId } from 'react';
import type { ThemePreference } from '../storage/themePreference.ts';
import { useTheme } from '../theme/useTheme.ts';
import { Icon, type IconName } from './Icon.tsx';

const options: { value: ThemePreference; label: string; icon: IconName }[] = [
  { value: 'light', label: '라이트', icon: 'sun' },
  { value: 'dark', label: '다크', icon: 'moon' },
  { value: 'system', label: '시스템 설정', icon: 'monitor' },
];

/**
 * Light / dark / system as a native radio group: arrow keys move between the
 * choices and screen readers announce "테마, 3개 중 1번째" for free.
 */
export function ThemeSwitcher() {
  const { preference, setPreference } = useTheme();
  const name = useId();
  return (
    <fieldset className="theme-switcher">
      <legend className="sr-only">테마</legend>
      {options.map((option) => (
        <label key={option.value} className="theme-option" title={option.label}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={preference === option.value}
            onChange={() => setPreference(option.value)}
          />
          <Icon name={option.icon} />
          <span className="sr-only">{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
