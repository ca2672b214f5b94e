// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../src/node/pipeline/collectNotes.ts';
import { formatMessage } from '../../src/node/pipeline/formatMessage.ts';
import { flatBlocks } from '../../src/shared/note.ts';

// The learning path: the nginx → uWSGI → Django concepts come before the EC2 and uWSGI set-up.
const REQUIRED = ['normalization', 'https-ssl', 'nginx-wsgi', 'ec2', 'uwsgi'];

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

  it('keeps every main path at 15 minutes or less, with deep material timed apart', () => {
    for (const { note } of result.notes) {
      expect(note.readingMinutes, note.slug).toBeLessThanOrEqual(15);
    }
    expect(result.notes.some(({ note }) => (note.deepMinutes ?? 0) > 0)).toBe(true);
  });

  it('teaches with at least two step-through diagrams and a self-check before 정리 in every note', () => {
    for (const { note } of result.notes) {
      const diagrams = flatBlocks(note.body).filter((block) => block.kind === 'diagram');
      expect(diagrams.length, note.slug).toBeGreaterThanOrEqual(2);
      // The self-check comes last before 정리 (the short "what changed since 2018" part may sit between).
      const sections = note.outline
        .filter((item) => item.depth === 2 && item.text !== '2018년 글과 달라진 점')
        .map((item) => item.text);
      expect(sections.slice(-2), note.slug).toEqual(['스스로 점검하기', '정리']);
    }
  });

  it('names the 2018 source post ("원문") at most five times per note', () => {
    for (const file of files) {
      expect(file.text.match(/원문/g)?.length ?? 0, file.path).toBeLessThanOrEqual(5);
    }
  });

  it('says what to read first and why each note sits where it does in the learning path', () => {
    const order = new Map(result.notes.map(({ note }, index) => [note.slug, index]));
    for (const { note } of result.notes) {
      expect(note.pathReason, note.slug).toBeTruthy();
      for (const before of note.prerequisites ?? []) {
        expect(order.get(before), `${note.slug} after ${before}`).toBeLessThan(order.get(note.slug) ?? -1);
      }
    }
    const slugs = (slug: string) => result.notes.find(({ note }) => note.slug === slug)?.note.prerequisites;
    expect(slugs('ec2')).toContain('nginx-wsgi');
    expect(slugs('uwsgi')).toEqual(expect.arrayContaining(['nginx-wsgi', 'ec2']));
  });

  it('gives every note goals, sources and a closing summary section', () => {
    for (const { note } of result.notes) {
      expect(note.goals.length, note.slug).toBeGreaterThanOrEqual(3);
      expect(note.sources.length, note.slug).toBeGreaterThan(0);
      expect(note.outline.at(-1)?.text, note.slug).toBe('정리');
    }
  });
});
