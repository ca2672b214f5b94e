import type { ForecastDay } from './answerStats.ts';

const HEIGHT = 168;
const TOP = 22;
const BOTTOM = 26;

const shortDate = (day: string) => {
  const [, month, date] = day.split('-');
  return `${Number(month)}/${Number(date)}`;
};

/**
 * Questions falling due on each of the next 30 days as an SVG bar chart.
 * Bars are placed in percentages and text in pixels, so the labels keep
 * their size from a 320 px phone to a desktop. Screen readers get a summary
 * and the same numbers as a table.
 */
export function ForecastChart({ days }: { days: readonly ForecastDay[] }) {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiest = days.reduce<ForecastDay | undefined>(
    (best, day) => (day.count > (best?.count ?? 0) ? day : best),
    undefined,
  );
  const max = Math.max(1, busiest?.count ?? 0);
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = 100 / Math.max(1, days.length);
  const label = (index: number) => (index === 0 ? '오늘' : `${index}일 후`);
  const summary =
    total === 0
      ? `앞으로 ${days.length}일 동안 복습할 문제가 없습니다.`
      : `앞으로 ${days.length}일 동안 ${total}문제를 복습합니다. 가장 많은 날은 ${busiest ? `${shortDate(busiest.day)} (${busiest.count}문제)` : ''}입니다.`;
  return (
    <figure className="chart forecast-chart">
      <svg width="100%" height={HEIGHT} role="img" aria-label={summary}>
        <line className="chart-grid" x1="0" x2="100%" y1={TOP} y2={TOP} />
        <line className="chart-axis" x1="0" x2="100%" y1={TOP + plot} y2={TOP + plot} />
        <text className="chart-label" x="100%" y={TOP - 6} textAnchor="end">
          {max}문제
        </text>
        {days.map((day, index) => {
          const height = day.count === 0 ? 0 : Math.max(2, (day.count / max) * plot);
          return (
            <rect
              key={day.day}
              className={index === 0 ? 'chart-bar chart-bar-today' : 'chart-bar'}
              x={`${index * slot + slot * 0.15}%`}
              width={`${slot * 0.7}%`}
              y={TOP + plot - height}
              height={height}
              rx={2}
            >
              <title>{`${shortDate(day.day)} (${label(index)}): ${day.count}문제`}</title>
            </rect>
          );
        })}
        {days.map((day, index) =>
          index % 7 === 0 ? (
            <text
              key={`label-${day.day}`}
              className="chart-label"
              x={`${index * slot + slot / 2}%`}
              y={HEIGHT - 8}
              textAnchor={index === 0 ? 'start' : 'middle'}
            >
              {index === 0 ? '오늘' : shortDate(day.day)}
            </text>
          ) : null,
        )}
      </svg>
      {/* The sr-only box holds the table: a table is never narrower than its content, so as the
          sr-only element itself it stayed as wide as its text and widened a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>날짜별 복습할 문제 수 (오늘은 밀린 문제 포함)</caption>
          <thead>
            <tr>
              <th scope="col">날짜</th>
              <th scope="col">문제 수</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={day.day}>
                <th scope="row">{`${shortDate(day.day)} (${label(index)})`}</th>
                <td>{day.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
