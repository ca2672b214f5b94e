import type { QuizQuestion } from '../../shared/quiz.ts';
import { seededShuffle } from '../../shared/quiz.ts';

/** Anki's two stock kinds of note type, as this site uses them. */
export type AnkiModelKind = 'basic' | 'cloze';

/** One Anki note made from one question: its fields in the note type's order. */
export interface AnkiNoteContent {
  questionId: string;
  kind: AnkiModelKind;
  /** Basic: [Front, Back]; Cloze: [Text, Back Extra]. HTML. */
  fields: [string, string];
  /** Anki tags (no spaces): the note, and the note's section. */
  tags: string[];
}

export interface AnkiNoteContext {
  /** The note's slug and title. */
  note: { slug: string; title: string };
  /**
   * Where the note's page is, ending in `/`: the public URL when the build
   * knows it (`https://me.github.io/study-notes/notes/uwsgi/`), else the
   * path under the base (`/study-notes/notes/uwsgi/`).
   */
  pageUrl: string;
  /** Turns a site link in question HTML into the same absolute form as `pageUrl`. */
  rewriteHref?: (href: string) => string;
}

/** The tag prefix shared by every tag of this site's decks (Anki shows `::` as a tree). */
export const TAG_ROOT = 'study-notes';

/**
 * Makes the Anki note for a question: Basic for flashcards, true/false and
 * choice questions (choices on the front), Cloze for typed gaps
 * (`{{c1::answer}}`, every gap in one card, as the site asks them together),
 * Basic with the list for ordering and matching. The back ends with the
 * explanation and a link to the section the question tests.
 */
export function questionToAnki(question: QuizQuestion, context: AnkiNoteContext): AnkiNoteContent {
  const html = (value: string) => rewriteLinks(value, context.rewriteHref);
  const prompt = html(question.prompt);
  const tags = [`${TAG_ROOT}::${context.note.slug}`];
  if (question.section) tags.push(`${TAG_ROOT}::${context.note.slug}::${tagSafe(question.section.id)}`);
  const tail = backTail(question, context, html);

  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'truefalse': {
      const hint = question.type === 'multiple' ? '<p class="hint">맞는 것을 모두 고르세요.</p>' : '';
      const list = (marked: boolean) =>
        `<ul class="choices">${question.choices
          .map(
            (choice) =>
              `<li${marked && choice.correct ? ' class="correct"' : ''}>${marked ? (choice.correct ? '✓ ' : '✗ ') : ''}${html(choice.html)}</li>`,
          )
          .join('')}</ul>`;
      const answer = question.choices.filter((choice) => choice.correct).map((choice) => html(choice.html));
      return {
        questionId: question.id,
        kind: 'basic',
        fields: [
          `${prompt}${hint}${list(false)}`,
          `<p class="answer">정답: ${answer.join(', ')}</p>${question.type === 'truefalse' ? '' : list(true)}${tail}`,
        ],
        tags,
      };
    }
    case 'flashcard':
      return { questionId: question.id, kind: 'basic', fields: [prompt, `${html(question.back)}${tail}`], tags };
    case 'cloze': {
      const others: string[] = [];
      const text = question.paragraphs
        .map(
          (parts) =>
            `<div>${parts
              .map((part) => {
                if (part.kind === 'html') return html(part.html);
                const [first = '', ...rest] = part.answers;
                if (rest.length > 0) others.push(`${escapeHtml(first)}: ${rest.map(escapeHtml).join(', ')}`);
                return `{{c1::${clozeSafe(first)}}}`;
              })
              .join('')}</div>`,
        )
        .join('');
      const alsoAccepted = others.length > 0 ? `<p class="also">이렇게 써도 맞습니다: ${others.join(' / ')}</p>` : '';
      return {
        questionId: question.id,
        kind: 'cloze',
        fields: [`${question.prompt ? `${prompt}` : ''}${text}`, `${alsoAccepted}${tail}`],
        tags,
      };
    }
    case 'order': {
      const shuffled = seededShuffle(question.items, question.id);
      return {
        questionId: question.id,
        kind: 'basic',
        fields: [
          `${prompt}<p class="hint">다음을 올바른 순서로 떠올려 보세요.</p><ul class="items">${shuffled.map((item) => `<li>${html(item)}</li>`).join('')}</ul>`,
          `<ol class="answer">${question.items.map((item) => `<li>${html(item)}</li>`).join('')}</ol>${tail}`,
        ],
        tags,
      };
    }
    case 'match': {
      const meanings = seededShuffle(
        question.pairs.map((pair) => pair.meaning),
        question.id,
      );
      return {
        questionId: question.id,
        kind: 'basic',
        fields: [
          `${prompt}<p class="hint">왼쪽 항목마다 맞는 설명을 떠올려 보세요.</p><ul class="items">${question.pairs.map((pair) => `<li>${html(pair.term)}</li>`).join('')}</ul><ul class="items">${meanings.map((meaning) => `<li>${html(meaning)}</li>`).join('')}</ul>`,
          `<table class="answer"><tbody>${question.pairs.map((pair) => `<tr><th scope="row">${html(pair.term)}</th><td>${html(pair.meaning)}</td></tr>`).join('')}</tbody></table>${tail}`,
        ],
        tags,
      };
    }
  }
}

/** The explanation, then a link back to the section (or the note) on the site. */
function backTail(question: QuizQuestion, context: AnkiNoteContext, html: (value: string) => string): string {
  const explanation = question.explanation ? `<div class="explanation">${html(question.explanation)}</div>` : '';
  const href = question.section ? `${context.pageUrl}#${encodeURIComponent(question.section.id)}` : context.pageUrl;
  const label = question.section ? `${context.note.title} › ${question.section.title}` : context.note.title;
  return `${explanation}<p class="source"><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
}

function rewriteLinks(html: string, rewrite: ((href: string) => string) | undefined): string {
  if (!rewrite) return html;
  return html.replace(
    /(<a\b[^>]*?\shref=")([^"]*)(")/g,
    (_, before: string, href: string, after: string) => `${before}${escapeHtml(rewrite(unescapeQuotes(href)))}${after}`,
  );
}

const unescapeQuotes = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A typed answer inside `{{c1::…}}`: Anki reads `::` as the start of a hint
 * and `}}` as the end of the gap, so colons and closing braces are written as
 * character references (Anki parses clozes before it renders HTML).
 */
function clozeSafe(answer: string): string {
  return escapeHtml(answer).replace(/:/g, '&#58;').replace(/\}/g, '&#125;');
}

/** Anki splits tags on spaces; heading ids have none, but a stray one must not make two tags. */
function tagSafe(value: string): string {
  return value.replace(/\s+/g, '_');
}
