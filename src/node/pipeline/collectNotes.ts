import { VFileMessage } from 'vfile-message';
import type { GlossaryEntry } from '../../shared/glossary.ts';
import { flatBlocks, type NoteMeta } from '../../shared/note.ts';
import { diagramIdPlace } from '../diagrams/diagramIdPlace.ts';
import { collectGlossary } from './collectGlossary.ts';
import { compileNote, slugFromPath, type CompiledNote, type CompileOptions } from './compileNote.ts';
import { readNoteTerms } from './noteTerms.ts';

export interface SourceFile {
  /** Path shown in messages, relative to the project (`content/uwsgi.md`). */
  path: string;
  text: string;
}

export interface Collection {
  /** Compiled notes in reading order (front matter `order`, then slug). */
  notes: CompiledNote[];
  messages: VFileMessage[];
  /** True when any message is fatal: the build must stop. */
  failed: boolean;
  /** Every term of every note, with the notes that link it (in the order notes are defined, by path). */
  glossary: GlossaryEntry[];
}

/**
 * Compiles every note and checks what only the whole set can tell: duplicate
 * slugs and links to a missing note or heading. Pure, like `compileNote`.
 */
export function collectNotes(files: SourceFile[], options: CompileOptions = {}): Collection {
  const messages: VFileMessage[] = [];
  const bySlug = new Map<string, { file: SourceFile; compiled?: CompiledNote }>();
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));

  // Every note's terms before any note's prose: a note links the terms of the notes after it too.
  const terms = collectGlossary(
    sorted.map((file) => ({
      path: file.path,
      slug: slugFromPath(file.path),
      terms: readNoteTerms(file.path, file.text),
    })),
  );
  messages.push(...terms.messages);

  for (const file of sorted) {
    const slug = slugFromPath(file.path).toLowerCase();
    const earlier = bySlug.get(slug);
    if (earlier) {
      messages.push(
        fatal(
          `Duplicate note slug \`${slug}\`: \`${earlier.file.path}\` already uses it; expected every file name in content/ to be unique (ignoring case)`,
          file.path,
        ),
      );
      continue;
    }
    const result = compileNote(file.path, file.text, { ...options, glossary: terms.index });
    messages.push(...result.messages);
    bySlug.set(slug, { file, ...(result.compiled ? { compiled: result.compiled } : {}) });
  }

  for (const { file, compiled } of bySlug.values()) {
    for (const link of compiled?.links ?? []) {
      const target = bySlug.get(link.slug);
      if (!target) {
        messages.push(
          fatal(
            `Broken link to note \`${link.slug}.md\`: no such file in content/ (expected one of ${[...bySlug.keys()].map((s) => `${s}.md`).join(', ')})`,
            file.path,
            link.position,
          ),
        );
      } else if (link.fragment && target.compiled && !target.compiled.ids.has(link.fragment)) {
        const headings = target.compiled.note.outline.slice(0, 6).map((item) => `#${item.id}`);
        messages.push(
          fatal(
            `Broken link \`${link.slug}.md#${link.fragment}\`: \`${target.file.path}\` has no heading with that id (expected one of ${headings.join(', ')}${headings.length < target.compiled.note.outline.length ? ', …' : ''})`,
            file.path,
            link.position,
          ),
        );
      }
    }
  }

  // Progress is keyed by question id, so an id must be unique across notes.
  const questionOwner = new Map<string, string>();
  for (const { file, compiled } of bySlug.values()) {
    for (const question of compiled?.questions ?? []) {
      const owner = questionOwner.get(question.id);
      const place = compiled?.questionIdPlaces.get(question.id);
      if (owner) {
        messages.push(
          fatal(
            `Duplicate question id \`${question.id}\`: \`${owner}\` already uses it; expected ids unique across all notes, since progress is stored under the id`,
            file.path,
            place,
          ),
        );
      } else {
        questionOwner.set(question.id, place ? `${file.path}:${place.start.line}:${place.start.column}` : file.path);
      }
    }
  }

  // A diagram's id is its figure's id and the start of its step links (`#tls13-handshake-step-3`):
  // unique across notes, so a step link names one diagram wherever it is shared.
  const diagramOwner = new Map<string, string>();
  for (const { file, compiled } of bySlug.values()) {
    for (const block of flatBlocks(compiled?.note.body ?? [])) {
      if (block.kind !== 'diagram') continue;
      const owner = diagramOwner.get(block.diagram.id);
      if (owner) {
        messages.push(
          fatal(
            `Duplicate diagram id \`${block.diagram.id}\`: \`${owner}\` already uses it; expected diagram ids unique across all notes`,
            file.path,
            diagramIdPlace(file.text, block.diagram.id),
          ),
        );
      } else {
        diagramOwner.set(block.diagram.id, file.path);
      }
    }
  }

  // A prerequisite names another note, read earlier in the learning path.
  for (const { file, compiled } of bySlug.values()) {
    for (const wanted of compiled?.note.prerequisites ?? []) {
      const target = bySlug.get(wanted)?.compiled;
      const place = prerequisitePlace(file.text, wanted);
      if (!bySlug.has(wanted) || wanted === compiled?.note.slug) {
        messages.push(
          fatal(
            `Unknown prerequisite \`${wanted}\`: expected the slug of another note (one of ${[...bySlug.keys()]
              .filter((slug) => slug !== compiled?.note.slug)
              .join(', ')})`,
            file.path,
            place,
          ),
        );
      } else if (target && compiled && target.note.order >= compiled.note.order) {
        const message = new VFileMessage(
          `Prerequisite \`${wanted}\` comes after this note in the learning path (its \`order\` is ${target.note.order}, this note's is ${compiled.note.order}): expected notes to read first to have a smaller \`order\``,
          { place, ruleId: 'note-set', source: 'study-notes' },
        );
        message.file = file.path;
        messages.push(message);
      }
    }
  }

  const notes = [...bySlug.values()]
    .flatMap(({ compiled }) => (compiled ? [compiled] : []))
    .sort((a, b) => a.note.order - b.note.order || a.note.slug.localeCompare(b.note.slug));
  const glossary: GlossaryEntry[] = [...terms.index.terms.values()].map((term) => ({
    id: term.id,
    term: term.term,
    also: term.also,
    definition: term.definition,
    definedIn: term.definedIn,
    usedIn: notes.filter(({ linkedTerms }) => linkedTerms.includes(term.id)).map(({ note }) => note.slug),
  }));
  return { notes, messages, failed: messages.some((message) => message.fatal), glossary };
}

/** The small part of a note every page needs (home list, sidebar). */
export function toMeta({ note }: CompiledNote): NoteMeta {
  const { slug, title, summary, order, tags, updated, readingMinutes, deepMinutes, prerequisites, questionIds } = note;
  return {
    slug,
    title,
    summary,
    order,
    tags,
    updated,
    readingMinutes,
    deepMinutes,
    prerequisites,
    ...(note.pathReason ? { pathReason: note.pathReason } : {}),
    questionIds,
  };
}

/** Where a prerequisite's slug is written in the front matter (after `prerequisites:`), for messages. */
function prerequisitePlace(text: string, slug: string): VFileMessage['place'] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^prerequisites\s*:/.test(line));
  if (start === -1) return undefined;
  for (let i = start; i < lines.length && (i === start || /^\s|^\s*-/.test(lines[i] ?? '')); i++) {
    const column = (lines[i] ?? '').indexOf(slug, i === start ? 'prerequisites:'.length : 0);
    if (column !== -1) {
      return {
        start: { line: i + 1, column: column + 1 },
        end: { line: i + 1, column: column + 1 + slug.length },
      };
    }
  }
  return { line: start + 1, column: 1 };
}

function fatal(reason: string, path: string, place?: VFileMessage['place']): VFileMessage {
  const message = new VFileMessage(reason, { place: place ?? undefined, ruleId: 'note-set', source: 'study-notes' });
  message.file = path;
  message.fatal = true;
  return message;
}
