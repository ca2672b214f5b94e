import { stageCounts } from './stats.ts';
import { useProgress } from './useProgress.ts';

/** New / learning / remembered counts of one note's questions (home page cards). */
export default function NoteProgress({ ids }: { ids: readonly string[] }) {
  const progress = useProgress();
  if (progress.status !== 'ready' || ids.length === 0) return null;
  const counts = stageCounts(ids, progress.cards);
  const total = ids.length;
  return (
    <div className="note-progress">
      <div className="note-progress-bar" aria-hidden="true">
        <span className="stage-remembered" style={{ width: `${(counts.remembered / total) * 100}%` }} />
        <span className="stage-learning" style={{ width: `${(counts.learning / total) * 100}%` }} />
      </div>
      <p>
        문제 {total}개: 새 문제 {counts.new} · 학습 중 {counts.learning} · 기억함 {counts.remembered}
      </p>
    </div>
  );
}
