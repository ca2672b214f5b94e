// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCodePoints } from '../../../../src/node/fonts/glyphSet.ts';
import { siteTextSources, textFiles } from '../../../../src/node/fonts/siteFontPlugin.ts';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';

// Words the pipeline writes itself (callout titles, link and copy labels,
// table region names) appear in no note. This note uses every such feature
// with as little text of its own as possible.
const markdown = `---
title: 가
summary: 가
order: 1
updated: 2026-11-25
---

## 가

:::note
가
:::

:::tip
가
:::

:::warning
가
:::

:::update
가
:::

\`\`\`bash title="a.sh"
a
\`\`\`

| a | b |
| --- | --- |
| 1 | 2 |
`;

/** Text a page shows for this HTML: element text and the labels screen readers and tooltips use. */
function shownText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|data-label)="([^"]*)"/g)].map((match) => match[1]);
  const text = html.replace(/<[^>]+>/g, ' ');
  return [text, ...attributes].join(' ');
}

describe('site text sources', () => {
  it('cover every character the pipeline writes into a note', async () => {
    const texts = [markdown];
    // A content folder of this one note; the rest are the app's own sources.
    for (const source of siteTextSources('/nonexistent').slice(1)) {
      for (const file of await textFiles(path.resolve(source))) texts.push(await readFile(file, 'utf8'));
    }
    const covered = new Set(collectCodePoints(texts));
    const { compiled, messages } = compileNote('content/features.md', markdown);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const html = (compiled?.note.body ?? []).map((block) => (block.kind === 'html' ? block.html : '')).join('');
    expect(html).toContain('callout');
    const missing = [...new Set(shownText(html))].filter(
      (char) => /\S/.test(char) && !covered.has(char.codePointAt(0) as number),
    );
    expect(missing).toEqual([]);
  });
});
