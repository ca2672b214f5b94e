/** A plausible note (front matter, sections, a table, code, a callout, cross links) for scale tests. */
export function syntheticNote(index: number, total: number): string {
  const slug = (n: number) => `note-${String(n).padStart(4, '0')}`;
  const next = index < total ? index + 1 : 1;
  const paragraph = (n: number) =>
    `합성 노트 ${index}의 ${n}번째 문단이다. 정규화, 핸드셰이크, 소켓, 가상 서버 같은 용어가 섞여 있어 실제 노트와 비슷한 길이와 밀도를 가진다. ` +
    `다음 노트는 [${slug(next)}](${slug(next)}.md#개요)에서 이어진다.`;
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

## 정리

- ${paragraph(4)}
`;
}
