/**
 * Ten questions for synthetic note `index` (1-based), ids `q-0` … `q-9999`
 * across 1,000 notes: the ids `syntheticHistory` (tests/unit/app/storage)
 * answers with prefix `q`, so a seeded history belongs to the built notes.
 * Appended to `syntheticNote`'s text, they land in its last section.
 */
export function syntheticQuizzes(index: number, perNote = 10): string {
  const blocks: string[] = [];
  for (let k = 0; k < perNote; k++) {
    const id = `q-${(index - 1) * perNote + k}`;
    blocks.push(
      [
        `:::quiz{#${id}}`,
        `합성 노트 ${index}의 ${k + 1}번째 문제에서 맞는 것은?`,
        '',
        '- [ ] 틀린 보기',
        '- [x] 맞는 보기',
        '',
        '---',
        '',
        `측정용 문제 ${id}의 설명.`,
        ':::',
      ].join('\n'),
    );
  }
  return `\n\n${blocks.join('\n\n')}\n`;
}
