// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../src/node/pipeline/collectNotes.ts';
import { formatMessage } from '../../src/node/pipeline/formatMessage.ts';

const REQUIRED = ['normalization', 'https-ssl', 'ec2', 'uwsgi', 'nginx-wsgi'];

describe('content/', async () => {
  const names = (await readdir('content')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  const files = await Promise.all(
    names.map(async (name) => ({ path: `content/${name}`, text: await readFile(path.join('content', name), 'utf8') })),
  );
  const result = collectNotes(files, { base: '/' });

  it('compiles every note without errors or warnings', () => {
    expect(result.messages.map(formatMessage)).toEqual([]);
  });

  it('has the five notes, in their reading order', () => {
    expect(result.notes.map(({ note }) => note.slug)).toEqual(REQUIRED);
  });

  it('gives every note goals, sources and a closing summary section', () => {
    for (const { note } of result.notes) {
      expect(note.goals.length, note.slug).toBeGreaterThanOrEqual(3);
      expect(note.sources.length, note.slug).toBeGreaterThan(0);
      expect(note.outline.at(-1)?.text, note.slug).toBe('정리');
    }
  });
});
