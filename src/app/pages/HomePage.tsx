import { useRouteLoaderData } from 'react-router';
import type { NoteMeta } from '../../shared/note.ts';
import { notePath } from '../../shared/routes.ts';
import { LearningPath } from '../components/LearningPath.tsx';
import { homeHead } from '../../shared/pageHead.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { useStartOnMount } from '../hooks/useStartOnMount.ts';

/**
 * The notes in the order a beginner should read them, with why and what comes first.
 * Prerendered, it is HTML with the island loader, which fills in what storage knows
 * (reading/homeProgress.ts); rendered by the app, the same code runs from an effect.
 */
export function HomePage() {
  useDocumentHead(homeHead());
  const notes = (useRouteLoaderData('root') as NoteMeta[] | undefined) ?? [];
  const totalMinutes = notes.reduce((sum, note) => sum + note.readingMinutes, 0);
  const deepMinutes = notes.reduce((sum, note) => sum + (note.deepMinutes ?? 0), 0);
  const first = notes[0];
  // The cards it fills are the notes': fill them again if the list changes.
  const home = useStartOnMount<HTMLDivElement>(
    (scope) => import('../reading/homeProgress.ts').then((module) => module.startHomeProgress(scope)),
    notes.map((note) => note.slug).join(' '),
  );

  return (
    <div className="home" ref={home}>
      <header className="home-hero">
        <h1 tabIndex={-1}>스터디 노트</h1>
        <p className="home-lead">
          데이터베이스 정규화부터 HTTPS, EC2 서버, uWSGI와 nginx로 Django를 배포하는 과정까지. 2018년의 공부 기록을
          오늘의 기준으로 고쳐 쓰고, 바뀐 점은 따로 표시했습니다.
        </p>
        {first && (
          <p className="home-cta">
            {/* A document link: where the reader left off (a section of a note) opens the
                note's prerendered page at that section, as a shared link would. */}
            <a className="button-primary" href={`${import.meta.env.BASE_URL}${notePath(first.slug).slice(1)}`}>
              첫 노트부터 읽기
            </a>
            <span className="home-stats">
              노트 {notes.length}편 · 본문을 모두 읽는 데 약 {totalMinutes}분
              {deepMinutes > 0 && ` (심화 약 ${deepMinutes}분 더)`}
            </span>
          </p>
        )}
      </header>
      <LearningPath notes={notes} />
    </div>
  );
}
