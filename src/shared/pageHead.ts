/** The site's name, used in every page title and in the web app manifest. */
export const SITE_NAME = '스터디 노트';

export const SITE_DESCRIPTION =
  '데이터베이스 정규화, HTTPS와 TLS, EC2 서버, uWSGI와 nginx로 Django 배포하기: 2018년의 공부 기록을 오늘 기준으로 고쳐 쓴 한국어 학습 노트';

/** What goes in `<head>` for one page; the same function serves the prerender and client navigation. */
export interface PageHead {
  title: string;
  description: string;
}

export function homeHead(): PageHead {
  return { title: SITE_NAME, description: SITE_DESCRIPTION };
}

export function noteHead(note: { title: string; summary: string }): PageHead {
  return { title: `${note.title} · ${SITE_NAME}`, description: note.summary };
}

export function notFoundHead(): PageHead {
  return { title: `페이지를 찾을 수 없습니다 · ${SITE_NAME}`, description: SITE_DESCRIPTION };
}

export function errorHead(): PageHead {
  return { title: `문제가 생겼습니다 · ${SITE_NAME}`, description: SITE_DESCRIPTION };
}

export function reviewHead(noteTitle?: string): PageHead {
  return {
    title: `${noteTitle ? `${noteTitle} 문제 풀기` : '복습'} · ${SITE_NAME}`,
    description: '간격 반복(FSRS)으로 지금 복습할 문제를 풀며 노트의 내용을 기억합니다.',
  };
}

export function questionsHead(): PageHead {
  return {
    title: `문제 목록 · ${SITE_NAME}`,
    description: '모든 확인 문제의 상태, 다음 복습, 최근 결과를 보고 보류·표시·초기화합니다.',
  };
}

export function studyHead(): PageHead {
  return {
    title: `골라서 공부하기 · ${SITE_NAME}`,
    description: '최근에 틀린 문제, 한 노트나 한 절, 미리 복습, 새 문제, 섞어 푸는 시험 가운데 골라서 공부합니다.',
  };
}

export function statsHead(): PageHead {
  return {
    title: `학습 기록 · ${SITE_NAME}`,
    description: '날짜별 복습, 기억률, 앞으로의 복습 일정, 기록 내보내기와 가져오기.',
  };
}

export function glossaryHead(): PageHead {
  return {
    title: `용어집 · ${SITE_NAME}`,
    description: '노트에 나오는 용어를 가나다순으로 모아 뜻과 쓰인 노트를 보여 줍니다.',
  };
}

export function tagHead(tag: string, count: number): PageHead {
  return { title: `태그: ${tag} · ${SITE_NAME}`, description: `‘${tag}’ 태그가 붙은 노트 ${count}편.` };
}
