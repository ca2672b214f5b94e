/**
 * A moment as a learner reads it in a table or beside "13일 후": month, day
 * and time to the minute ("11. 7. 10:36"), with the year only when it is
 * not `now`'s. Seconds and "오전/오후" made a history row too wide for a
 * phone. `timeZone` is for tests; the page uses the browser's.
 */
export function formatWhen(date: Date, now: Date, timeZone?: string): string {
  const year = (value: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(value);
  return new Intl.DateTimeFormat('ko-KR', {
    year: year(date) === year(now) ? undefined : 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
