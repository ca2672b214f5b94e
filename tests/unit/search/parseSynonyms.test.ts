// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/node/pipeline/formatMessage.ts';
import { parseSynonyms } from '../../../src/node/search/parseSynonyms.ts';

const PATH = 'content/search-synonyms.yaml';
const messages = (text: string) => parseSynonyms(PATH, text).messages.map(formatMessage);

describe('parseSynonyms', () => {
  it('reads a list of groups', () => {
    const result = parseSynonyms(PATH, '# 주석\n- [핸드셰이크, 핸드쉐이크, handshake]\n- [공개 키, 공개키]\n');
    expect(result.messages).toEqual([]);
    expect(result.groups).toEqual([
      ['핸드셰이크', '핸드쉐이크', 'handshake'],
      ['공개 키', '공개키'],
    ]);
  });

  it('accepts an empty file or one with only comments', () => {
    expect(parseSynonyms(PATH, '')).toEqual({ groups: [], messages: [] });
    expect(parseSynonyms(PATH, '# 아직 없음\n')).toEqual({ groups: [], messages: [] });
  });

  it('reports YAML syntax errors with their place', () => {
    expect(messages('- [a, b\n')).toEqual([
      expect.stringMatching(/^content\/search-synonyms\.yaml:2:1-2:2: error: Invalid YAML in synonyms: /),
    ]);
  });

  it('reports a file that is not a list of groups', () => {
    expect(messages('핸드셰이크: 핸드쉐이크\n')).toEqual([
      'content/search-synonyms.yaml:1:1: error: Invalid synonyms: expected a list of groups, one per line: `- [핸드셰이크, 핸드쉐이크]`',
    ]);
  });

  it('reports a group that is not a list, or has only one word, on its line', () => {
    expect(messages('- [a, b]\n- 소켓\n- [핸드셰이크]\n')).toEqual([
      'content/search-synonyms.yaml:2:3-2:5: error: Invalid synonyms (group 2): expected a group written as a list, e.g. `[핸드셰이크, 핸드쉐이크]`',
      'content/search-synonyms.yaml:3:3-3:10: error: Invalid synonyms (group 3): expected at least two words in a group (the words that should find each other)',
    ]);
  });

  it('reports entries that are not words', () => {
    expect(messages('- [소켓, "", socket]\n- [키, "!!!"]\n- [a, [b]]\n')).toEqual([
      'content/search-synonyms.yaml:1:8-1:10: error: Invalid synonyms (group 1): expected a word, not an empty entry',
      'content/search-synonyms.yaml:3:7-3:10: error: Invalid synonyms (group 3): expected a word or a short phrase',
    ]);
    expect(messages('- [키, "!!!"]\n')).toEqual([
      'content/search-synonyms.yaml:1:7-1:12: error: Synonym `!!!` has no letters or digits: expected a word that a reader would type',
    ]);
  });

  it('reports a word listed in two groups, pointing at both', () => {
    expect(messages('- [핸드셰이크, 핸드쉐이크]\n- [handshake, 핸드쉐이크를]\n')).toEqual([
      'content/search-synonyms.yaml:2:15-2:21: error: Synonym `핸드쉐이크를` is already in the group on line 1: expected each word in one group only (merge the two groups)',
    ]);
  });

  it('warns about a word repeated in its own group but keeps the group', () => {
    const result = parseSynonyms(PATH, '- [Handshake, handshake, 핸드셰이크]\n');
    expect(result.groups).toHaveLength(1);
    expect(result.messages.map(formatMessage)).toEqual([
      'content/search-synonyms.yaml:1:15-1:24: warning: Synonym `handshake` is the same search word as `Handshake` in this group (case and letter width do not matter): remove one',
    ]);
  });

  it('accepts the synonyms file in content/', async () => {
    const result = parseSynonyms(PATH, await readFile(PATH, 'utf8'));
    expect(result.messages.map(formatMessage)).toEqual([]);
    expect(result.groups).toEqual(
      expect.arrayContaining([
        ['핸드셰이크', '핸드쉐이크', 'handshake'],
        ['시큐어', '씨큐어', 'secure'],
      ]),
    );
  });
});
