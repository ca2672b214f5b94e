import type { QuizQuestion } from '../../shared/quiz.ts';

/** Tags that end a line of text; any other tag (code, em, a) sits inside a word's line. */
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|br|pre|blockquote|table|thead|tbody|tr|td|th|h[1-6])\b[^>]*>/gi;

/**
 * What a reader sees of a question before answering it, as plain text: the
 * prompt and the choices, the text around cloze gaps, the items to order,
 * both sides of a matching question. Never the answers (a flashcard's back,
 * what fills a gap) or the explanation, so a search snippet gives nothing away.
 */
export function quizText(question: QuizQuestion): string {
  const parts = [text(question.prompt)];
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'truefalse':
      parts.push(list(question.choices.map((choice) => choice.html)));
      break;
    case 'cloze':
      for (const paragraph of question.paragraphs) {
        parts.push(text(paragraph.map((part) => (part.kind === 'html' ? part.html : ' ___ ')).join('')));
      }
      break;
    case 'order':
      parts.push(list(question.items));
      break;
    case 'match':
      parts.push(list(question.pairs.map((pair) => `${pair.term}: ${pair.meaning}`)));
      break;
    case 'flashcard':
      break;
  }
  return parts.filter(Boolean).join(' ');
}

const text = (html: string) => htmlToText(html).replace(/\s+/g, ' ').trim();
/** Choices, items and pairs apart from each other in a snippet ("참 · 거짓", not "참 거짓"). */
const list = (htmls: string[]) => htmls.map(text).join(' · ');

/**
 * Text of the pipeline's own HTML fragments (hast-util-to-html output: well
 * formed, characters escaped as numeric references or a few named ones), so a
 * regular expression is enough; this never sees HTML from elsewhere.
 */
export function htmlToText(html: string): string {
  return html
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => NAMED[name] ?? '');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
