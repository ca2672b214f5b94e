import type { QuizQuestion } from '../../shared/quiz.ts';
import { plainText } from '../quiz/questions/plainText.ts';

/**
 * One line of plain text that names a question in lists (the question
 * browser, a session's missed questions): its prompt, a cloze's text with
 * its gaps as "___", or a match's terms. Cut at `max` characters.
 */
export function questionText(question: QuizQuestion, max = 140): string {
  let text = plainText(question.prompt).replace(/\s+/g, ' ').trim();
  if (question.type === 'cloze') {
    const gapped = question.paragraphs
      .map((parts) => parts.map((part) => (part.kind === 'gap' ? '___' : plainText(part.html))).join(''))
      .join(' ');
    text = [text, gapped.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
  } else if (question.type === 'match' && !text) {
    text = question.pairs.map((pair) => plainText(pair.term)).join(' · ');
  }
  if (!text) text = question.id;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The address of the section that teaches `question` (a note page, loaded as a document). */
export function sectionHref(question: QuizQuestion): string {
  const hash = question.section ? `#${encodeURIComponent(question.section.id)}` : '';
  return `${import.meta.env.BASE_URL}notes/${question.noteSlug}/${hash}`;
}
