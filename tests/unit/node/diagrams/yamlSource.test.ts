// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../../src/node/pipeline/formatMessage.ts';
import { BODY_LINE, noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

/** A note whose body is one ```diagram block; its YAML starts on `YAML_LINE`. */
const compileDiagram = (yaml: string) => {
  const result = compileNote('content/diagram.md', noteMarkdown(`\`\`\`diagram\n${yaml}\n\`\`\`\n`));
  return result.messages.map(formatMessage);
};
const YAML_LINE = BODY_LINE + 1;

// The YAML parser notices an unclosed value only where it gives up: the
// start of the next line. The message must point where the author left it open.
describe('diagram YAML errors point at the line with the mistake', () => {
  it('an unclosed [ at its bracket, not at the next line', () => {
    expect(compileDiagram('id: x\nkind: sequence\nparticipants: [client, server\ntitle: 악수\nsteps: []')).toEqual([
      `content/diagram.md:${YAML_LINE + 2}:15-${YAML_LINE + 2}:16: error: Invalid YAML in diagram: unclosed \`[\`: expected a \`]\` to close the list that starts here`,
    ]);
  });

  it('an unclosed { at its brace', () => {
    expect(
      compileDiagram('id: x\nkind: flow\nnodes:\n  - {id: a, label: 가\n  - {id: b, label: 나}\ntitle: t'),
    ).toEqual([
      `content/diagram.md:${YAML_LINE + 3}:5-${YAML_LINE + 3}:6: error: Invalid YAML in diagram: unclosed \`{\`: expected a \`}\` to close the map that starts here`,
    ]);
  });

  it('an unclosed quote at its opening quote', () => {
    expect(compileDiagram('id: x\nkind: "sequence\ntitle: t\nsteps: []')).toEqual([
      `content/diagram.md:${YAML_LINE + 1}:7-${YAML_LINE + 1}:8: error: Invalid YAML in diagram: unclosed \`"\`: expected a \`"\` to close the quoted value that starts here`,
    ]);
  });

  it('other syntax errors where the parser finds them', () => {
    expect(compileDiagram('id: x\nkind: sequence\n\ttitle: t')).toEqual([
      `content/diagram.md:${YAML_LINE + 2}:1-${YAML_LINE + 2}:2: error: Invalid YAML in diagram: Tabs are not allowed as indentation`,
    ]);
  });
});
