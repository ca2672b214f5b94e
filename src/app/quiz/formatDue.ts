/** "10분 후", "내일", "5일 후", "3개월 후": when a card is due, relative to `now`. */
export function formatDue(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return '지금';
  if (minutes < 60) return `${minutes}분 후`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}시간 후`;
  const days = Math.round(hours / 24);
  if (days === 1) return '내일';
  if (days < 45) return `${days}일 후`;
  const months = Math.round(days / 30);
  if (months < 12) return `${months}개월 후`;
  return `${Math.round(days / 365)}년 후`;
}
