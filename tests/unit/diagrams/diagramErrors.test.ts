import { describe, expect, it } from 'vitest';
import { collectNotes } from '../../../src/node/pipeline/collectNotes.ts';
import { formatMessage } from '../../../src/node/pipeline/formatMessage.ts';
import { BODY_LINE, noteMarkdown } from '../../fixtures/noteMarkdown.ts';
import { compileDiagramNote, flowYaml, sequenceYaml, tablesYaml, YAML_LINE } from './diagramFixtures.ts';

// Every problem in a diagram stops the build, placed inside the YAML as
// `content/<file>.md:LINE:COL`, and says what was expected.

const line = (offset: number) => YAML_LINE + offset;

describe('diagram errors: YAML and schema', () => {
  it('reports a YAML syntax error where it is', () => {
    const { compiled, lines } = compileDiagramNote('id: broken\nkind: sequence\ntitle: [unclosed\n');
    expect(compiled).toBeUndefined();
    expect(lines[0]).toMatch(
      new RegExp(`^content/test-note\\.md:${line(2)}:\\d+(-\\d+:\\d+)?: error: Invalid YAML in diagram: `),
    );
  });

  it('names an unknown kind at its value and lists the kinds', () => {
    const { compiled, lines } = compileDiagramNote('id: x\nkind: timeline\ntitle: 연표\nsteps: []');
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/test-note.md:${line(1)}:7-${line(1)}:15: error: Unknown diagram kind \`timeline\`: expected one of sequence, flow, stack, tables`,
    ]);
  });

  it('asks for a kind when there is none', () => {
    const { lines } = compileDiagramNote('id: x\ntitle: 제목');
    expect(lines[0]).toMatch(
      new RegExp(`:${line(0)}:1-${line(1)}:10: error: Missing diagram field \`kind\`: expected one of sequence`),
    );
  });

  it('names an unknown field at its key, with the fields that are allowed there', () => {
    const { lines } = compileDiagramNote(
      sequenceYaml.replace('title: 핸드셰이크 예', 'title: 핸드셰이크 예\ncolour: red'),
    );
    expect(lines).toEqual([
      `content/test-note.md:${line(3)}:1-${line(3)}:7: error: Unknown field \`colour\` of this sequence diagram: expected one of id, title, summary, steps, kind, participants, messages, groups`,
    ]);
  });

  it('points an unknown field inside a list item at that key', () => {
    const { lines } = compileDiagramNote(
      flowYaml.replace('{ id: nginx, label: nginx }', '{ id: nginx, label: nginx, color: red }'),
    );
    expect(lines[0]).toMatch(
      /error: Unknown field `color` in `nodes\.1` of this flow diagram: expected one of id, label, detail, shape/,
    );
    expect(lines[0]).toMatch(new RegExp(`:${line(6)}:32-${line(6)}:37:`));
  });

  it('says which field is missing', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('title: 핸드셰이크 예\n', ''));
    expect(lines).toEqual([
      expect.stringMatching(/error: Missing field `title` in this sequence diagram: expected string$/),
    ]);
  });

  it('rejects a diagram id that cannot be a link fragment', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('id: tls-demo', 'id: TLS Demo'));
    expect(lines[0]).toMatch(
      new RegExp(
        `:${line(0)}:5-${line(0)}:13: error: Invalid field \`id\`: expected lowercase letters, digits and single hyphens`,
      ),
    );
  });

  it('rejects a value of the wrong kind, such as an unknown shape', () => {
    const { lines } = compileDiagramNote(flowYaml.replace('shape: round', 'shape: star'));
    expect(lines[0]).toMatch(
      /error: Invalid field `nodes\.0\.shape`: Invalid option: expected one of "box"\|"round"\|"cylinder"\|"document"/,
    );
  });
});

describe('diagram errors: references', () => {
  it('reports a step naming a missing element at that name, listing the ids it could be', () => {
    const { compiled, lines } = compileDiagramNote(sequenceYaml.replace('show: [reply, keys]', 'show: [reply, kyes]'));
    expect(compiled).toBeUndefined();
    expect(lines).toEqual([
      `content/test-note.md:${line(16)}:19-${line(16)}:23: error: Unknown element \`kyes\` in \`show\` of step 2 (did you mean \`keys\`?): expected one of \`client\`, \`server\`, \`hello\`, \`reply\`, \`keys\`, \`data\`, \`secret\``,
    ]);
  });

  it('lists the columns of a table when a step names a column it lacks', () => {
    const { lines } = compileDiagramNote(tablesYaml.replace('show: partial', 'show: wide.수량'));
    expect(lines[0]).toMatch(
      /Unknown element `wide\.수량` in `show` of step 2: table `wide` has `wide\.주문번호`, `wide\.상품코드`, `wide\.상품명`, `wide\.단가`, `wide\.key`, `wide\.r2`$/,
    );
  });

  it('reports a duplicate element id at the second one, naming the first', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('{ id: reply,', '{ id: hello,'));
    expect(lines[0]).toBe(
      `content/test-note.md:${line(8)}:11-${line(8)}:16: error: Duplicate id \`hello\`: the message at line ${line(7)} already uses it; expected every id in a diagram to be unique`,
    );
  });

  it('reports a message to an unknown participant', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('from: server, to: client', 'from: serv, to: client'));
    expect(lines[0]).toMatch(
      new RegExp(
        `:${line(8)}:\\d+-${line(8)}:\\d+: error: Unknown participant \`serv\` in message \`reply\`: expected one of \`client\`, \`server\``,
      ),
    );
  });

  it('reports an edge whose end is not a node', () => {
    const { lines } = compileDiagramNote(flowYaml.replace('to: app, label: uwsgi', 'to: django, label: uwsgi'));
    expect(lines[0]).toMatch(
      /error: Unknown node `django` in edge `pass`: expected one of `browser`, `nginx`, `app`, `files`/,
    );
  });

  it('reports a table row with the wrong number of cells', () => {
    const { lines } = compileDiagramNote(tablesYaml.replace('- [0001, 볼펜]', '- [0001]'));
    expect(lines[0]).toMatch(
      /error: Row 1 of table `products` has 1 cell\(s\): expected 2, one per column \(상품코드, 상품명\)/,
    );
  });

  it('reports highlighting an element that is not on screen yet', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('show: hello', 'show: hello\n    highlight: data'));
    expect(lines[0]).toMatch(
      /error: Step 1 highlights `data`, which is not on screen then \(it appears at step 3\): expected `show` for an element that appears now/,
    );
  });

  it('reports an arrow shown before one of its ends', () => {
    const yaml = flowYaml
      .replace('show: [browser, request]', 'show: [request]')
      .replace('highlight: files', 'show: browser');
    const { lines } = compileDiagramNote(yaml);
    expect(lines[0]).toMatch(
      /error: Step 1 shows `request`, but its end `browser` appears only at step 4: expected `browser` on screen by then/,
    );
  });

  it('reports hiding an element that is not on screen', () => {
    const { lines } = compileDiagramNote(tablesYaml.replace('hide: wide', 'hide: products'));
    expect(lines[0]).toMatch(/error: Step 3 hides `products`, which is not on screen yet \(it appears at step 3\)/);
  });

  it('reports showing an element twice', () => {
    const { lines } = compileDiagramNote(sequenceYaml.replace('show: [secret, data]', 'show: [secret, hello]'));
    expect(lines[0]).toMatch(
      /error: Step 3 shows `hello`, which step 1 already shows: expected `highlight` to emphasise it again/,
    );
  });
});

describe('diagram errors: placement and ids in the note', () => {
  it('rejects a diagram inside a list, pointing at the block', () => {
    const yaml = sequenceYaml.trim().replace(/^/gm, '   ');
    const lines = compileNoteLines(noteMarkdown(`1. 목록\n\n   \`\`\`diagram\n${yaml}\n   \`\`\``));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^content/test-note\\.md:${BODY_LINE + 2}:4-\\d+:7: error: Unexpected diagram inside a list: expected it at the top level of the note`,
        ),
      ),
    ]);
  });

  it('rejects a diagram inside a callout box', () => {
    const lines = compileNoteLines(noteMarkdown(`:::note\n\`\`\`diagram\n${sequenceYaml.trim()}\n\`\`\`\n:::`));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^content/test-note\\.md:${BODY_LINE + 1}:1-\\d+:4: error: Unexpected diagram inside a \`:::\` box`),
      ),
    ]);
  });

  it('rejects two diagrams with the same id in one note, at the second id', () => {
    const block = `\`\`\`diagram\n${sequenceYaml.trim()}\n\`\`\``;
    const lines = compileNoteLines(noteMarkdown(`${block}\n\n${block}`));
    const secondId = BODY_LINE + sequenceYaml.trim().split('\n').length + 4;
    expect(lines).toEqual([
      `content/test-note.md:${secondId}:5-${secondId}:13: error: Duplicate diagram id \`tls-demo\`: the diagram at line ${BODY_LINE} already uses it; expected every diagram id to be unique`,
    ]);
  });

  it('rejects a diagram id that a heading already has', () => {
    const lines = compileNoteLines(noteMarkdown(`## tls demo\n\n\`\`\`diagram\n${sequenceYaml.trim()}\n\`\`\``));
    expect(lines[0]).toMatch(/error: Diagram id `tls-demo` clashes with the heading id `tls-demo`/);
  });

  it('rejects a diagram id another note already uses, at its id line', () => {
    const note = noteMarkdown(`\`\`\`diagram\n${sequenceYaml.trim()}\n\`\`\``);
    const { failed, messages } = collectNotes([
      { path: 'content/a.md', text: note },
      { path: 'content/b.md', text: note },
    ]);
    expect(failed).toBe(true);
    expect(messages.map(formatMessage)).toEqual([
      `content/b.md:${YAML_LINE}:5-${YAML_LINE}:13: error: Duplicate diagram id \`tls-demo\`: \`content/a.md\` already uses it; expected diagram ids unique across all notes`,
    ]);
  });

  it('warns about attributes after ```diagram, which belong in the YAML', () => {
    const lines = compileNoteLines(noteMarkdown(`\`\`\`diagram title="x"\n${sequenceYaml.trim()}\n\`\`\``));
    expect(lines).toEqual([expect.stringMatching(/warning: Unexpected `title="x"` after ```diagram/)]);
  });
});

function compileNoteLines(markdown: string): string[] {
  const { messages } = collectNotes([{ path: 'content/test-note.md', text: markdown }]);
  return messages.map(formatMessage);
}
