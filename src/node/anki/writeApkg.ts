import { createRequire } from 'node:module';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import {
  ANKI_MODELS,
  collectionConfJson,
  DEFAULT_CONF_ID,
  DEFAULT_DECK_ID,
  deckJson,
  defaultDeckConfJson,
  modelJson,
} from './ankiCollection.ts';
import { fieldChecksum, stableId, stripHtmlForAnki } from './ankiIds.ts';
import { guidFor } from './ankiIds.ts';
import type { AnkiNoteContent } from './questionToAnki.ts';

/** One subdeck: a note of the site and its questions as Anki notes. */
export interface ApkgDeck {
  /** Stable name the deck id derives from (the note's slug). */
  key: string;
  /** Shown in Anki under the root deck (`스터디 노트::uWSGI로 Django 실행하기`). */
  name: string;
  description: string;
  /** The note's `updated:` date as Unix seconds: every Anki note of it gets this `mod`. */
  modSeconds: number;
  notes: AnkiNoteContent[];
}

export interface ApkgInput {
  /** The root deck's name (the site's name); subdecks go under it. */
  rootName: string;
  rootDescription: string;
  decks: ApkgDeck[];
}

/** The SQL of Anki's schema 11 collection (what `collection.anki2` holds), with its indexes. */
const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/** Anki's field separator inside `notes.flds`. */
const FIELD_SEPARATOR = '\x1f';
/** The zip entries' time: fixed, so the same content gives the same file (and the same precache revision). */
const ZIP_TIME = new Date('2026-01-01T00:00:00Z');

let sqlJs: Promise<SqlJsStatic> | undefined;

/** sql.js with its wasm read from the npm package (nothing is fetched). */
function loadSqlJs(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
  return (sqlJs ??= initSqlJs({ locateFile: (file: string) => path.join(dist, file) }));
}

/** Ids of the Anki rows made for a question, for tests and for `writeApkg`. */
export function ankiRowIds(questionId: string, deckKey: string) {
  return {
    noteId: stableId(`study-notes:note:${questionId}`),
    cardId: stableId(`study-notes:card:${questionId}:0`),
    deckId: stableId(`study-notes:deck:${deckKey}`),
    guid: guidFor(questionId),
  };
}

export const ROOT_DECK_ID = stableId('study-notes:deck');

/**
 * Writes an `.apkg`: a zip of `collection.anki2` (an SQLite database in
 * Anki's schema 11) and `media` (`{}`, no media files). Every note and card
 * is new to Anki (`usn` -1, queue "new", due in reading order); `revlog` and
 * `graves` are empty, so importing never touches the learner's history.
 */
export async function writeApkg(input: ApkgInput): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const newest = Math.max(0, ...input.decks.map((deck) => deck.modSeconds));
    const oldest = Math.min(newest, ...input.decks.map((deck) => deck.modSeconds));

    const decks: Record<string, unknown> = {
      [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', '', 0),
      [ROOT_DECK_ID]: deckJson(ROOT_DECK_ID, input.rootName, input.rootDescription, newest),
    };
    for (const deck of input.decks) {
      const id = stableId(`study-notes:deck:${deck.key}`);
      decks[id] = deckJson(id, `${input.rootName}::${deck.name}`, deck.description, deck.modSeconds);
    }
    const firstDeckId = input.decks[0] ? stableId(`study-notes:deck:${input.decks[0].key}`) : ROOT_DECK_ID;
    const models = Object.fromEntries(
      Object.values(ANKI_MODELS).map((model) => [model.id, modelJson(model, firstDeckId, newest)]),
    );
    const cardCount = input.decks.reduce((sum, deck) => sum + deck.notes.length, 0);

    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      oldest,
      newest * 1000,
      newest * 1000,
      JSON.stringify({ ...collectionConfJson(firstDeckId, ANKI_MODELS.basic.id), nextPos: cardCount + 1 }),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify({ [DEFAULT_CONF_ID]: defaultDeckConfJson() }),
      '{}',
    ]);

    const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const insertCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    let position = 0;
    for (const deck of input.decks) {
      for (const note of deck.notes) {
        const ids = ankiRowIds(note.questionId, deck.key);
        const sortField = stripHtmlForAnki(note.fields[0]);
        insertNote.run([
          ids.noteId,
          ids.guid,
          ANKI_MODELS[note.kind].id,
          deck.modSeconds,
          ` ${note.tags.join(' ')} `,
          note.fields.join(FIELD_SEPARATOR),
          sortField,
          fieldChecksum(sortField),
          '',
        ]);
        position += 1;
        insertCard.run([ids.cardId, ids.noteId, ids.deckId, deck.modSeconds, position, '']);
      }
    }
    insertNote.free();
    insertCard.free();

    // Level 6: within 0.1% of level 9's size on these databases, in less than half the time.
    return zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') }, { level: 6, mtime: ZIP_TIME });
  } finally {
    db.close();
  }
}
