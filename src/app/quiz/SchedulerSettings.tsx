import { useId, useState } from 'react';
import { MAX_REVIEWS_LIMIT, RETENTION_RANGE, schedulerSettings, type Settings } from '../storage/progressSchema.ts';
import { getProgressStore } from './useProgress.ts';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  unit?: string;
  help?: string;
  /** Turns what the learner typed into the stored value (e.g. 90 % → 0.9). */
  toStored?: (typed: number) => number;
  save: (value: number) => Promise<void>;
}

/**
 * A number field that keeps what the learner types (even half-typed or out
 * of range) and saves it only when it is valid; otherwise it says which
 * values are allowed, next to the field.
 */
function NumberSetting({ label, value, min, max, unit, help, toStored = (v) => v, save }: NumberSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  // Said once the value is stored, so a learner who leaves the page at once knows it was kept.
  const [saved, setSaved] = useState(false);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="setting-row">
      <label htmlFor={id}>{label}</label>
      <span className="setting-field">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft ?? String(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const typed = event.target.value;
            setDraft(typed);
            setSaved(false);
            const number = Number(typed);
            if (typed.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
              setError(`${min}에서 ${max} 사이의 정수를 넣어 주세요.`);
              return;
            }
            setError('');
            save(toStored(number)).then(
              () => {
                setDraft(null);
                setSaved(true);
              },
              () => setError('저장하지 못했습니다. 다시 시도해 주세요.'),
            );
          }}
          onBlur={() => {
            if (!error) setDraft(null);
          }}
        />
        {unit && <span aria-hidden="true">{unit}</span>}
        <span className="setting-saved" role="status">
          {saved ? '저장됨' : ''}
        </span>
      </span>
      {help && (
        <p id={helpId} className="setting-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="setting-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const save = (patch: Partial<Settings>) => getProgressStore().then((store) => store.updateSettings(patch));

/**
 * Scheduler settings on the stats page: new questions and reviews per day,
 * desired retention (ts-fsrs `request_retention`) and the order of new
 * questions. Each is saved as soon as it is valid.
 */
export function SchedulerSettings({ settings }: { settings: Settings }) {
  const current = schedulerSettings(settings);
  const orderId = useId();
  return (
    <div className="scheduler-settings">
      <NumberSetting
        label="하루에 새로 풀 문제 수"
        value={current.newPerDay}
        min={0}
        max={500}
        save={(value) => save({ newPerDay: value })}
      />
      <NumberSetting
        label="하루 최대 복습 수"
        value={current.maxReviewsPerDay}
        min={0}
        max={MAX_REVIEWS_LIMIT}
        help="기억하는 문제의 복습을 하루에 이만큼까지만 보여 줍니다. 다시 익히는 중인 문제는 제한 없이 나옵니다."
        save={(value) => save({ maxReviewsPerDay: value })}
      />
      <NumberSetting
        label="목표 기억률"
        value={Math.round(current.requestRetention * 100)}
        min={Math.round(RETENTION_RANGE.min * 100)}
        max={Math.round(RETENTION_RANGE.max * 100)}
        unit="%"
        help="복습할 때 기억하고 있을 확률의 목표입니다. 높을수록 더 자주, 더 많이 복습합니다. 바꾸면 다음에 답하는 문제부터 적용되고, 이미 정해진 복습 날짜는 바뀌지 않습니다."
        toStored={(percent) => percent / 100}
        save={(value) => save({ requestRetention: value })}
      />
      <fieldset className="setting-row setting-choice">
        <legend id={orderId}>새 문제 순서</legend>
        {(
          [
            ['note', '노트 순서대로'],
            ['mixed', '여러 노트에서 섞어서'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={orderId}
              value={value}
              checked={current.newOrder === value}
              onChange={() => void save({ newOrder: value })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
