/**
 * A plausible note (front matter, sections, a table, code, a callout, cross links) for scale tests.
 * With `questions`, each of its first two sections ends with half of that many quiz blocks of
 * mixed types, ids `q-0`, `q-1`, … across the notes (the ids `syntheticHistory` answers).
 */
export function syntheticNote(index: number, total: number, { questions = 0 } = {}): string {
  const slug = (n: number) => `note-${String(n).padStart(4, '0')}`;
  const next = index < total ? index + 1 : 1;
  const paragraph = (n: number) =>
    `합성 노트 ${index}의 ${n}번째 문단이다. 정규화, 핸드셰이크, 소켓, 가상 서버 같은 용어가 섞여 있어 실제 노트와 비슷한 길이와 밀도를 가진다. ` +
    `다음 노트는 [${slug(next)}](${slug(next)}.md#개요)에서 이어진다.`;
  const quizzes = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, k) => syntheticQuiz((index - 1) * questions + from + k, index))
      .map((block) => `\n${block}\n`)
      .join('');
  const half = Math.ceil(questions / 2);
  return `---
title: 합성 노트 ${index}
summary: 규모 측정을 위해 만든 ${index}번째 노트
order: ${index}
tags: [합성, 측정]
updated: 2026-11-25
goals:
  - 규모가 커져도 첫 화면이 가벼운지 본다
  - 빌드 시간이 노트 수에 비례하는지 본다
  - 노트별 청크가 따로 나오는지 본다
sources:
  - title: 합성 데이터
---

## 개요

${paragraph(1)}

${paragraph(2)}
${quizzes(0, half)}
## 표와 코드

| 주문번호 | 상품코드 | 수량 |
| --- | --- | --- |
| ${index} | P-${index} | 3 |

\`\`\`bash
echo "note ${index}"
\`\`\`

:::tip
${paragraph(3)}
:::
${quizzes(half, questions)}
## 정리

- ${paragraph(4)}
`;
}

/** Question number `n` of note `index`, one of five types in turn. */
function syntheticQuiz(n: number, index: number): string {
  const id = `q-${n}`;
  switch (n % 5) {
    case 0:
      return `:::quiz{#${id}}\n합성 노트 ${index}의 ${n}번 문제: 정규화의 주된 목적은?\n\n- [x] 중복과 이상 현상을 줄인다\n- [ ] 조회를 항상 빠르게 한다\n- [ ] 테이블 수를 줄인다\n\n---\n\n정규화는 중복을 줄여 이상 현상을 막는다.\n:::`;
    case 1:
      return `:::quiz{#${id}}\n합성 노트 ${index}의 ${n}번 문제: 핸드셰이크는 암호화 전에 일어난다.\n\n- [x] 참\n- [ ] 거짓\n:::`;
    case 2:
      return `:::quiz{#${id}}\n합성 노트 ${index}의 ${n}번 문제: 서버와 클라이언트를 잇는 끝점을 ==소켓== 이라 한다.\n:::`;
    case 3:
      return `:::quiz{#${id}}\n합성 노트 ${index}의 ${n}번 문제: 가상 서버란?\n\n?\n\n물리 서버 위에서 나뉘어 도는 서버\n:::`;
    default:
      return `:::quiz{#${id}}\n합성 노트 ${index}의 ${n}번 문제: 정규형을 모두 고르세요.\n\n- [x] 제1정규형\n- [x] 제2정규형\n- [ ] 제0정규형\n:::`;
  }
}
