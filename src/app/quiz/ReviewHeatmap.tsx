import { useCallback } from 'react';
import { localDay } from './scheduler.ts';

const WEEKS = 26;
const CELL = 13;
const GAP = 3;
/** Room for the weekday labels on the left and the month labels on top. */
const LEFT = 22;
const TOP = 18;
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/**
 * Reviews per day for the last 26 weeks as a calendar heatmap (columns are
 * weeks, rows Sunday to Saturday), with month names over the first week of
 * each month and every other weekday named. Each day's count is in its
 * tooltip; screen readers get a summary and a table by month.
 */
export function ReviewHeatmap({ perDay, now }: { perDay: ReadonlyMap<string, number>; now: Date }) {
  // Once, when the calendar mounts: a new callback on every render would set scrollLeft
  // each time, and each time force a layout of the whole page (0.6 s of a /stats/ load
  // with 1,000 notes in its table).
  const scrollToToday = useCallback((element: HTMLDivElement | null) => {
    if (element) element.scrollLeft = element.scrollWidth;
  }, []);
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const start = new Date(end);
  start.setDate(end.getDate() - end.getDay() - (WEEKS - 1) * 7);
  const cells: { x: number; y: number; day: string; count: number }[] = [];
  const months: { x: number; label: string }[] = [];
  const byMonth = new Map<string, { days: number; answers: number }>();
  let activeDays = 0;
  let total = 0;
  for (let date = new Date(start), index = 0; date <= end; date.setDate(date.getDate() + 1), index++) {
    const day = localDay(date);
    const count = perDay.get(day) ?? 0;
    const week = Math.floor(index / 7);
    const month = `${date.getFullYear()}년 ${date.getMonth() + 1}월`;
    const monthTotals = byMonth.get(month) ?? { days: 0, answers: 0 };
    if (count > 0) {
      activeDays += 1;
      total += count;
      monthTotals.days += 1;
      monthTotals.answers += count;
    }
    byMonth.set(month, monthTotals);
    // A month's name stands over the first week that starts in it (not over a week it only ends).
    if (date.getDate() <= 7 && date.getDay() === 0 && week < WEEKS - 1)
      months.push({ x: week, label: `${date.getMonth() + 1}월` });
    cells.push({ x: week, y: index % 7, day, count });
  }
  const level = (count: number) => (count === 0 ? 0 : count < 5 ? 1 : count < 15 ? 2 : count < 30 ? 3 : 4);
  const width = WEEKS * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  return (
    <figure className="heatmap">
      <div className="heatmap-frame">
        {/* The weekday names stay in view while the weeks scroll. */}
        <svg className="heatmap-weekdays" width={LEFT} height={height} aria-hidden="true">
          {WEEKDAYS.map((name, row) =>
            row % 2 === 1 ? (
              <text
                key={name}
                className="chart-label"
                x={LEFT - 6}
                y={TOP + row * (CELL + GAP) + CELL - 2}
                textAnchor="end"
              >
                {name}
              </text>
            ) : null,
          )}
        </svg>
        {/* On a phone the calendar keeps its size and scrolls sideways, opened at today. */}
        {/* Focusable so the keyboard can scroll it (WCAG 2.1.1), as ScrollFrame does. */}
        <div
          className="heatmap-scroll"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label="날짜별 복습 달력"
          ref={scrollToToday}
        >
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={`최근 ${WEEKS}주 동안 ${activeDays}일 복습했고, 모두 ${total}번 답했습니다.`}
          >
            {months.map((month) => (
              <text key={month.x} className="chart-label" x={month.x * (CELL + GAP)} y={TOP - 6}>
                {month.label}
              </text>
            ))}
            {cells.map((cell) => (
              <rect
                key={cell.day}
                x={cell.x * (CELL + GAP)}
                y={TOP + cell.y * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={3}
                className={`heat-${level(cell.count)}`}
              >
                <title>{`${cell.day} (${WEEKDAYS[cell.y]}): ${cell.count}번`}</title>
              </rect>
            ))}
          </svg>
        </div>
      </div>
      <figcaption>
        <span>적음</span>
        {[0, 1, 2, 3, 4].map((value) => (
          <span key={value} className={`heat-swatch heat-${value}`} aria-hidden="true" />
        ))}
        <span>많음</span>
      </figcaption>
      {/* In an sr-only box, not sr-only itself: see ForecastChart. */}
      <div className="sr-only">
        <table>
          <caption>달마다 복습한 날과 답한 수</caption>
          <thead>
            <tr>
              <th scope="col">달</th>
              <th scope="col">복습한 날</th>
              <th scope="col">답한 수</th>
            </tr>
          </thead>
          <tbody>
            {[...byMonth].map(([month, totals]) => (
              <tr key={month}>
                <th scope="row">{month}</th>
                <td>{totals.days}일</td>
                <td>{totals.answers}번</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
