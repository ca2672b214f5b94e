import { localDay } from './scheduler.ts';

const WEEKS = 26;
const CELL = 13;
const GAP = 3;

/**
 * Reviews per day for the last 26 weeks as a calendar heatmap (columns are
 * weeks, rows Sunday to Saturday). The picture has one summary label; each
 * day's count is in its tooltip, and the same numbers are in the stats text.
 */
export function ReviewHeatmap({ perDay, now }: { perDay: ReadonlyMap<string, number>; now: Date }) {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const start = new Date(end);
  start.setDate(end.getDate() - end.getDay() - (WEEKS - 1) * 7);
  const cells: { x: number; y: number; day: string; count: number }[] = [];
  let activeDays = 0;
  let total = 0;
  for (let date = new Date(start), index = 0; date <= end; date.setDate(date.getDate() + 1), index++) {
    const day = localDay(date);
    const count = perDay.get(day) ?? 0;
    if (count > 0) {
      activeDays += 1;
      total += count;
    }
    cells.push({ x: Math.floor(index / 7), y: index % 7, day, count });
  }
  const level = (count: number) => (count === 0 ? 0 : count < 5 ? 1 : count < 15 ? 2 : count < 30 ? 3 : 4);
  const width = WEEKS * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  return (
    <figure className="heatmap">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`최근 ${WEEKS}주 동안 ${activeDays}일 복습했고, 모두 ${total}번 답했습니다.`}
      >
        {cells.map((cell) => (
          <rect
            key={cell.day}
            x={cell.x * (CELL + GAP)}
            y={cell.y * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={3}
            className={`heat-${level(cell.count)}`}
          >
            <title>{`${cell.day}: ${cell.count}번`}</title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <span>적음</span>
        {[0, 1, 2, 3, 4].map((value) => (
          <span key={value} className={`heat-swatch heat-${value}`} aria-hidden="true" />
        ))}
        <span>많음</span>
      </figcaption>
    </figure>
  );
}
