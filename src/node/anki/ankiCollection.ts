import type { AnkiModelKind } from './questionToAnki.ts';
import { stableId } from './ankiIds.ts';

/**
 * The JSON that Anki's collection keeps in the `col` row (schema 11, the
 * format every Anki since 2.1 imports from `collection.anki2`): note types
 * (`models`), decks, deck options (`dconf`) and collection settings (`conf`).
 * Ids come from stable names (see ankiIds.ts); times come from the notes'
 * `updated:` dates, so two builds of the same content write the same bytes.
 */

/** Anki's built-in "Default" deck and deck options: every collection has id 1 of each. */
export const DEFAULT_DECK_ID = 1;
export const DEFAULT_CONF_ID = 1;

export interface AnkiModel {
  id: number;
  kind: AnkiModelKind;
  name: string;
  fieldNames: [string, string];
}

/** The two note types, ids from their names (the names are part of the decks' identity: never rename them). */
export const ANKI_MODELS: Record<AnkiModelKind, AnkiModel> = {
  basic: {
    id: stableId('study-notes:model:basic'),
    kind: 'basic',
    name: '스터디 노트 (기본)',
    fieldNames: ['Front', 'Back'],
  },
  cloze: {
    id: stableId('study-notes:model:cloze'),
    kind: 'cloze',
    name: '스터디 노트 (빈칸)',
    fieldNames: ['Text', 'Back Extra'],
  },
};

const CARD_CSS = `.card { font-family: "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; font-size: 19px; line-height: 1.6; text-align: left; color: #1b1f24; background: #fff; word-break: keep-all; max-width: 40em; margin: 0 auto; }
.nightMode .card, .card.nightMode { color: #e6e9ee; background: #1b1d22; }
code { font-family: ui-monospace, "D2Coding", monospace; font-size: 0.92em; }
pre { white-space: pre-wrap; }
.hint { color: #5a6270; font-size: 0.9em; }
.nightMode .hint { color: #a8afba; }
.choices, .items { padding-left: 1.4em; }
.correct { font-weight: 600; }
.answer { font-weight: 600; }
table.answer th { text-align: left; padding-right: 1em; }
.cloze { font-weight: 700; color: #2450c4; }
.nightMode .cloze { color: #8fb0ff; }
.explanation { margin-top: 1em; }
.source { margin-top: 1em; font-size: 0.9em; }
a { color: #2450c4; }
.nightMode a { color: #8fb0ff; }`;

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

/** A note type as schema 11 stores it, keyed by its id (a string key in `col.models`). */
export function modelJson(model: AnkiModel, deckId: number, modSeconds: number): Record<string, unknown> {
  const [first, second] = model.fieldNames;
  const template =
    model.kind === 'basic'
      ? { name: '카드 1', qfmt: `{{${first}}}`, afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{${second}}}` }
      : { name: '빈칸', qfmt: `{{cloze:${first}}}`, afmt: `{{cloze:${first}}}<br>\n{{${second}}}` };
  return {
    id: model.id,
    name: model.name,
    type: model.kind === 'basic' ? 0 : 1,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [{ ...template, ord: 0, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 }],
    flds: model.fieldNames.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css: CARD_CSS,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    // Which fields a card needs to exist: the first one (Front, or Text with a gap).
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

/** A normal deck (schema 11), with today's counters at zero. */
export function deckJson(id: number, name: string, description: string, modSeconds: number): Record<string, unknown> {
  return {
    id,
    name,
    desc: description,
    mod: modSeconds,
    usn: -1,
    dyn: 0,
    conf: DEFAULT_CONF_ID,
    collapsed: false,
    browserCollapsed: false,
    extendNew: 0,
    extendRev: 0,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

/** Anki's default deck options (id 1), which every collection has; the import leaves the learner's own alone. */
export function defaultDeckConfJson(): Record<string, unknown> {
  return {
    id: DEFAULT_CONF_ID,
    name: 'Default',
    mod: 0,
    usn: 0,
    dyn: false,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  };
}

/** Collection settings (`col.conf`): the deck to add to and the model last used. */
export function collectionConfJson(deckId: number, modelId: number): Record<string, unknown> {
  return {
    activeDecks: [deckId],
    curDeck: deckId,
    curModel: modelId,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    nextPos: 1,
    schedVer: 2,
  };
}
