import { describe, expect, it } from 'vitest';
import {
  groupGlossary,
  isTermCardId,
  termCardId,
  termFlashcard,
  withTermCards,
  type GlossaryEntry,
} from '../../../src/shared/glossary.ts';

const entry = (term: string, also: string[] = []): GlossaryEntry => ({
  id: term.toLowerCase(),
  term,
  also,
  definition: { text: `${term}의 뜻`, html: `${term}의 <strong>뜻</strong>` },
  definedIn: 'a',
  usedIn: ['a'],
});

describe('groupGlossary', () => {
  it('lists Korean terms in 가나다 order under their initial consonant, then Latin terms A to Z apart', () => {
    const groups = groupGlossary(
      [
        '트리거',
        'MAC',
        '가상 호스트',
        'default_server',
        '조인',
        '(EC)DHE',
        '공개키',
        '까다로운 말',
        'AEAD',
        '정규화',
      ].map((term) => entry(term)),
    );
    expect(groups.map((group) => [group.label, group.entries.map((e) => e.term)])).toEqual([
      ['ㄱ', ['가상 호스트', '공개키', '까다로운 말']],
      ['ㅈ', ['정규화', '조인']],
      ['ㅌ', ['트리거']],
      ['A', ['AEAD']],
      ['D', ['default_server']],
      ['E', ['(EC)DHE']],
      ['M', ['MAC']],
    ]);
    expect(groups[0]?.id).toBe('group-ㄱ');
  });
});

describe('term flashcards', () => {
  it('are flashcards in their own id space, the headword in front and the definition behind', () => {
    const card = termFlashcard(entry('조인', ['JOIN']));
    expect(card).toMatchObject({ id: 'term:조인', type: 'flashcard', noteSlug: 'a', section: null });
    expect(card.prompt).toContain('<strong>조인</strong>');
    expect(card.prompt).toContain('(JOIN)');
    expect(card.back).toBe('<p>조인의 <strong>뜻</strong></p>');
    expect(isTermCardId(card.id)).toBe(true);
    expect(isTermCardId('db-2nf-01')).toBe(false);
    expect(termCardId('mac')).toBe('term:mac');
  });

  it('escape a headword that looks like HTML', () => {
    expect(termFlashcard(entry('Vec<T>')).prompt).toContain('Vec&lt;T&gt;');
  });
});

describe('withTermCards', () => {
  it('spreads term cards evenly among the questions, keeping both orders', () => {
    expect(withTermCards(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'], ['t1', 't2', 't3'])).toEqual([
      'q1',
      'q2',
      't1',
      'q3',
      'q4',
      't2',
      'q5',
      'q6',
      't3',
    ]);
    expect(withTermCards(['q1', 'q2'], [])).toEqual(['q1', 'q2']);
    expect(withTermCards([], ['t1', 't2'])).toEqual(['t1', 't2']);
    expect(withTermCards(['q1'], ['t1', 't2', 't3'])).toEqual(['t1', 'q1', 't2', 't3']);
  });
});
