// @vitest-environment node
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ankiDeck } from '../../../../src/node/anki/ankiPlugin.ts';
import { ANKI_MODELS } from '../../../../src/node/anki/ankiCollection.ts';
import { dateSeconds, fieldChecksum, guidFor, stableId, stripHtmlForAnki } from '../../../../src/node/anki/ankiIds.ts';
import { ROOT_DECK_ID, writeApkg, type ApkgDeck } from '../../../../src/node/anki/writeApkg.ts';
import { collectNotes, type Collection } from '../../../../src/node/pipeline/collectNotes.ts';
import { readApkg } from './readApkg.ts';

const SITE_URL = 'https://example.github.io/study-notes/';

async function realContent(): Promise<Collection> {
  const names = (await readdir('content')).filter((name) => name.endsWith('.md') && name !== 'README.md');
  const files = await Promise.all(
    names.map(async (name) => ({ path: `content/${name}`, text: await readFile(path.join('content', name), 'utf8') })),
  );
  return collectNotes(files, { base: '/study-notes/' });
}

const sha1Int = (text: string) => Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);

describe('Anki ids and checksums', () => {
  it('strips a field as Anki does for sfld: tags and comments go, entities decode, images keep their file name', () => {
    expect(stripHtmlForAnki('<p>2NF는 <code>a&amp;b</code>&nbsp;<!-- x -->&lt;c&gt;</p>')).toBe('2NF는 a&b <c>');
    expect(stripHtmlForAnki('앞 <img alt="" src="dog.png"> 뒤')).toBe('앞  dog.png  뒤');
    expect(stripHtmlForAnki('&#xAC00;&#44033;')).toBe('가각');
  });

  it('computes csum as the first 8 hex digits of the SHA-1 of the stripped field', () => {
    // SHA-1("abc") = a9993e36…
    expect(fieldChecksum('abc')).toBe(0xa9993e36);
    expect(fieldChecksum('정규화')).toBe(sha1Int('정규화'));
  });

  it('derives GUIDs and ids from names only, in Anki-safe ranges', () => {
    expect(guidFor('db-2nf-01')).toBe(guidFor('db-2nf-01'));
    expect(guidFor('db-2nf-01')).not.toBe(guidFor('db-2nf-02'));
    expect(guidFor('db-2nf-01')).toMatch(/^[\x21-\x7e]{1,11}$/);
    expect(guidFor('db-2nf-01')).not.toMatch(/["'\\\s]/);
    const id = stableId('study-notes:deck:uwsgi');
    expect(Number.isSafeInteger(id)).toBe(true);
    expect(id).toBeGreaterThan(1);
    expect(stableId('study-notes:deck:uwsgi')).toBe(id);
  });
});

describe('the built decks', async () => {
  const collection = await realContent();
  const decks = collection.notes.map((compiled) => ankiDeck(compiled, SITE_URL, '/study-notes/'));
  const site = await writeApkg({ rootName: '스터디 노트', rootDescription: '설명', decks });
  const contents = await readApkg(site);
  const questions = collection.notes.flatMap(({ note, questions: list }) => list.map((q) => ({ note, question: q })));

  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a zip of collection.anki2 and an empty media map, a sound SQLite database with Anki’s tables', () => {
    expect(contents.entries).toEqual(['collection.anki2', 'media']);
    expect(contents.media).toBe('{}');
    expect(contents.integrity).toBe('ok');
    expect(contents.tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    expect(contents.indexes).toEqual([
      'ix_cards_nid',
      'ix_cards_sched',
      'ix_cards_usn',
      'ix_notes_csum',
      'ix_notes_usn',
      'ix_revlog_cid',
      'ix_revlog_usn',
    ]);
  });

  it('writes one col row of schema 11 with times from the newest `updated:` date', () => {
    const newest = Math.max(...collection.notes.map(({ note }) => dateSeconds(note.updated)));
    const oldest = Math.min(...collection.notes.map(({ note }) => dateSeconds(note.updated)));
    const { col } = contents;
    expect(col).toMatchObject({
      id: 1,
      crt: oldest,
      mod: newest * 1000,
      scm: newest * 1000,
      ver: 11,
      dty: 0,
      usn: 0,
      ls: 0,
    });
    expect(col.tags).toEqual({});
    expect(col.conf).toMatchObject({ curModel: ANKI_MODELS.basic.id, nextPos: questions.length + 1, addToCur: true });
    expect(col.dconf).toEqual({ '1': expect.objectContaining({ id: 1, name: 'Default' }) });
    expect(col.dconf['1']).toMatchObject({ new: { perDay: 20 }, rev: { perDay: 200 }, lapse: { leechFails: 8 } });
  });

  it('has a Basic and a Cloze note type with fixed ids, Anki’s field and template layout', () => {
    const { models } = contents.col;
    expect(Object.keys(models).sort()).toEqual([String(ANKI_MODELS.basic.id), String(ANKI_MODELS.cloze.id)].sort());
    expect(ANKI_MODELS.basic.id).toBe(stableId('study-notes:model:basic'));
    const basic = models[String(ANKI_MODELS.basic.id)];
    const cloze = models[String(ANKI_MODELS.cloze.id)];
    expect(basic).toMatchObject({ id: ANKI_MODELS.basic.id, type: 0, sortf: 0, usn: -1, req: [[0, 'any', [0]]] });
    expect(cloze).toMatchObject({ id: ANKI_MODELS.cloze.id, type: 1, sortf: 0, usn: -1 });
    expect((basic?.flds as { name: string; ord: number }[]).map((f) => [f.name, f.ord])).toEqual([
      ['Front', 0],
      ['Back', 1],
    ]);
    expect((cloze?.flds as { name: string }[]).map((f) => f.name)).toEqual(['Text', 'Back Extra']);
    expect(basic?.tmpls).toEqual([
      expect.objectContaining({ ord: 0, qfmt: '{{Front}}', afmt: expect.stringContaining('{{FrontSide}}') }),
    ]);
    expect(cloze?.tmpls).toEqual([expect.objectContaining({ ord: 0, qfmt: '{{cloze:Text}}' })]);
    expect(String(basic?.css)).toContain('.nightMode');
    for (const model of [basic, cloze]) expect(model).toHaveProperty('latexPre');
  });

  it('has the Default deck, the site deck and one subdeck per note, ids from their slugs', () => {
    const { decks: deckJson } = contents.col;
    const expected = [
      '1',
      String(ROOT_DECK_ID),
      ...collection.notes.map(({ note }) => String(stableId(`study-notes:deck:${note.slug}`))),
    ];
    expect(Object.keys(deckJson).sort()).toEqual(expected.sort());
    expect(deckJson['1']).toMatchObject({ id: 1, name: 'Default', dyn: 0, conf: 1 });
    expect(deckJson[String(ROOT_DECK_ID)]).toMatchObject({ name: '스터디 노트', desc: '설명', usn: -1, dyn: 0 });
    for (const { note } of collection.notes) {
      const id = stableId(`study-notes:deck:${note.slug}`);
      expect(deckJson[String(id)]).toMatchObject({
        id,
        name: `스터디 노트::${note.title}`,
        mod: dateSeconds(note.updated),
        usn: -1,
        dyn: 0,
        conf: 1,
        newToday: [0, 0],
        revToday: [0, 0],
      });
    }
  });

  it('writes every question as a note whose every column is what Anki expects', () => {
    expect(contents.notes).toHaveLength(questions.length);
    const byGuid = new Map(contents.notes.map((row) => [row.guid, row]));
    for (const { note, question } of questions) {
      const row = byGuid.get(guidFor(question.id));
      expect(row, question.id).toBeDefined();
      const fields = String(row?.flds).split('\x1f');
      const kind = question.type === 'cloze' ? 'cloze' : 'basic';
      expect(fields, question.id).toHaveLength(2);
      expect(row).toEqual({
        id: stableId(`study-notes:note:${question.id}`),
        guid: guidFor(question.id),
        mid: ANKI_MODELS[kind].id,
        mod: dateSeconds(note.updated),
        usn: -1,
        tags: expect.any(String),
        flds: row?.flds,
        sfld: stripHtmlForAnki(fields[0] ?? ''),
        csum: sha1Int(stripHtmlForAnki(fields[0] ?? '')),
        flags: 0,
        data: '',
      });
      const tags = String(row?.tags);
      expect(tags.startsWith(' ') && tags.endsWith(' '), question.id).toBe(true);
      const expectedTags = [`study-notes::${note.slug}`];
      if (question.section) expectedTags.push(`study-notes::${note.slug}::${question.section.id}`);
      expect(tags.trim().split(' ')).toEqual(expectedTags);
      // The back links to the section the question tests, with the public URL.
      const link = `${SITE_URL}notes/${note.slug}/${question.section ? `#${encodeURIComponent(question.section.id)}` : ''}`;
      expect(fields[1], question.id).toContain(`href="${link}"`);
      if (question.section) expect(fields[1]).toContain(question.section.title);
    }
  });

  it('writes one new card per note, in reading order, in the note’s subdeck', () => {
    expect(contents.cards).toHaveLength(questions.length);
    const cardsByNote = new Map(contents.cards.map((card) => [card.nid, card]));
    questions.forEach(({ note, question }, index) => {
      const noteId = stableId(`study-notes:note:${question.id}`);
      expect(cardsByNote.get(noteId), question.id).toEqual({
        id: stableId(`study-notes:card:${question.id}:0`),
        nid: noteId,
        did: stableId(`study-notes:deck:${note.slug}`),
        ord: 0,
        mod: dateSeconds(note.updated),
        usn: -1,
        type: 0,
        queue: 0,
        due: index + 1,
        ivl: 0,
        factor: 0,
        reps: 0,
        lapses: 0,
        left: 0,
        odue: 0,
        odid: 0,
        flags: 0,
        data: '',
      });
    });
  });

  it('leaves revlog and graves empty, so an import never touches the learner’s history', () => {
    expect(contents.revlog).toEqual([]);
    expect(contents.graves).toEqual([]);
  });

  it('puts each question type on a fitting card: choices on the front, gaps as {{c1::…}}, lists for order and match', () => {
    const fieldsOf = (id: string) => String(contents.notes.find((row) => row.guid === guidFor(id))?.flds).split('\x1f');
    const seen = new Set<string>();
    for (const { question } of questions) {
      seen.add(question.type);
      const [front = '', back = ''] = fieldsOf(question.id);
      if (question.type === 'single' || question.type === 'multiple' || question.type === 'truefalse') {
        for (const choice of question.choices) expect(front).toContain(choice.html);
        for (const choice of question.choices.filter((c) => c.correct)) expect(back).toContain(choice.html);
      } else if (question.type === 'cloze') {
        const gaps = question.paragraphs.flat().filter((part) => part.kind === 'gap');
        expect(front.match(/\{\{c1::/g)).toHaveLength(gaps.length);
        expect(front).not.toMatch(/\{\{c[2-9]/);
      } else if (question.type === 'flashcard') {
        expect(back.startsWith(question.back)).toBe(true);
      } else if (question.type === 'order') {
        expect(back).toContain(`<ol class="answer">${question.items.map((item) => `<li>${item}</li>`).join('')}</ol>`);
        for (const item of question.items) expect(front).toContain(item);
      } else if (question.type === 'match') {
        for (const pair of question.pairs) {
          expect(front).toContain(pair.term);
          expect(front).toContain(pair.meaning);
          expect(back).toContain(`<th scope="row">${pair.term}</th><td>${pair.meaning}</td>`);
        }
      }
      if (question.explanation) expect(back).toContain(question.explanation);
    }
    expect([...seen].sort()).toEqual(['cloze', 'flashcard', 'match', 'multiple', 'order', 'single', 'truefalse']);
  });

  it('gives the same bytes and ids whatever the clock says, so a rebuilt deck updates the cards Anki has', async () => {
    vi.useFakeTimers({ now: new Date('2031-07-04T12:00:00Z'), toFake: ['Date'] });
    const again = await writeApkg({ rootName: '스터디 노트', rootDescription: '설명', decks });
    expect(Buffer.from(again).equals(Buffer.from(site))).toBe(true);
    const reread = await readApkg(again);
    expect(reread.notes.map((row) => [row.id, row.guid, row.mod])).toEqual(
      contents.notes.map((row) => [row.id, row.guid, row.mod]),
    );
  });

  it('gives a note’s own deck the same note, card and deck ids as the whole-site deck', async () => {
    const [first] = decks as [ApkgDeck];
    const single = await readApkg(
      await writeApkg({ rootName: '스터디 노트', rootDescription: '설명', decks: [first] }),
    );
    const siteRows = new Map(contents.notes.map((row) => [row.guid, row]));
    expect(single.notes.length).toBe(first.notes.length);
    for (const row of single.notes) expect(siteRows.get(row.guid)).toEqual(row);
    for (const card of single.cards) expect(contents.cards.find((c) => c.id === card.id)?.did).toBe(card.did);
  });

  it('moves notes.mod forward when the note’s `updated:` date moves, and keeps GUIDs when the wording changes', async () => {
    const [first] = decks as [ApkgDeck];
    const reworded: ApkgDeck = {
      ...first,
      modSeconds: dateSeconds('2030-01-02'),
      notes: first.notes.map((note) => ({ ...note, fields: [`${note.fields[0]} (고침)`, note.fields[1]] })),
    };
    const updated = await readApkg(
      await writeApkg({ rootName: '스터디 노트', rootDescription: '', decks: [reworded] }),
    );
    const before = await readApkg(await writeApkg({ rootName: '스터디 노트', rootDescription: '', decks: [first] }));
    expect(updated.notes.map((row) => row.guid)).toEqual(before.notes.map((row) => row.guid));
    for (const row of updated.notes) expect(row.mod).toBe(dateSeconds('2030-01-02'));
    expect(updated.notes[0]?.csum).not.toBe(before.notes[0]?.csum);
  });

  it('links to the base path when the build does not know the public URL', () => {
    const [compiled] = collection.notes;
    if (!compiled) throw new Error('no notes');
    const deck = ankiDeck(compiled, '/study-notes/', '/study-notes/');
    for (const note of deck.notes)
      expect(note.fields[1]).toMatch(new RegExp(`href="/study-notes/notes/${compiled.note.slug}/`));
  });
});
