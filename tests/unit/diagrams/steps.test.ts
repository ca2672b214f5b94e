import { describe, expect, it } from 'vitest';
import { elementState, stepAnchor, stepFromHash, type Diagram } from '../../../src/shared/diagram.ts';
import { diagramFrom, flowYaml, sequenceYaml, tablesYaml } from './diagramFixtures.ts';

const states = (diagram: Diagram, step: number | null, ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, elementState(diagram, step, id)]));

describe('steps: when elements appear and which are emphasised', () => {
  const sequence = diagramFrom(sequenceYaml);

  it('shows elements no step names from the start, without emphasis', () => {
    expect(sequence.spans.client).toEqual({ from: 0 });
    expect(states(sequence, 0, ['client', 'server'])).toEqual({ client: 'shown', server: 'shown' });
  });

  it('shows each element from its step on: current at that step, dimmed after, hidden before', () => {
    expect(states(sequence, 0, ['hello', 'reply', 'data'])).toEqual({
      hello: 'current',
      reply: 'hidden',
      data: 'hidden',
    });
    expect(states(sequence, 1, ['hello', 'reply', 'keys', 'data'])).toEqual({
      hello: 'past',
      reply: 'current',
      keys: 'current',
      data: 'hidden',
    });
    expect(states(sequence, 2, ['hello', 'reply', 'secret', 'data'])).toEqual({
      hello: 'past',
      reply: 'past',
      secret: 'current',
      data: 'current',
    });
  });

  it('shows the complete picture, nothing emphasised, as the final state without JavaScript', () => {
    expect(states(sequence, null, ['client', 'hello', 'data', 'secret'])).toEqual({
      client: 'shown',
      hello: 'shown',
      data: 'shown',
      secret: 'shown',
    });
  });

  it('brings a group’s members with it, unless a step shows them later', () => {
    const flow = diagramFrom(flowYaml);
    expect(flow.spans.app).toEqual({ from: 1 });
    expect(flow.spans.files).toEqual({ from: 1 });
    expect(flow.steps[1]?.current).toEqual(['server', 'nginx', 'app', 'files', 'static']);
    expect(flow.spans.pass).toEqual({ from: 2 });
  });

  it('shows an arrow no step names once both its ends are there, emphasised with them', () => {
    const flow = diagramFrom(flowYaml);
    expect(flow.spans.static).toEqual({ from: 1 });
    expect(elementState(flow, 1, 'static')).toBe('current');
    expect(elementState(flow, 2, 'static')).toBe('past');
  });

  it('brings an arrow’s ends on screen with it when they would come later', () => {
    const flow = diagramFrom(
      flowYaml
        .replace('show: [browser, request]', 'show: [browser, request, pass]')
        .replace('show: [pass]', 'show: []'),
    );
    expect(flow.spans.nginx).toEqual({ from: 0 });
    expect(flow.spans.app).toEqual({ from: 0 });
    expect(flow.steps[0]?.current).toEqual(expect.arrayContaining(['browser', 'request', 'pass', 'nginx', 'app']));
    expect(flow.spans.files).toEqual({ from: 1 });
  });

  it('emphasises a highlighted element again, and everything inside it', () => {
    const flow = diagramFrom(flowYaml.replace('highlight: files', 'highlight: server'));
    expect(flow.steps[3]?.current).toEqual(['server', 'nginx', 'app', 'files']);
    expect(elementState(flow, 0, 'nginx')).toBe('current');
    expect(elementState(flow, 3, 'request')).toBe('past');
  });

  it('keeps a table’s key markers for a later step when a step names them', () => {
    const tables = diagramFrom(tablesYaml.replace('show: partial', 'show: [partial, wide.key]'));
    expect(tables.spans['wide.key']).toEqual({ from: 1, until: 2 });
    expect(elementState(tables, 0, 'wide.key')).toBe('hidden');
    expect(elementState(tables, 1, 'wide.key')).toBe('current');
  });
});

describe('step links', () => {
  const diagram = diagramFrom(sequenceYaml);

  it('names step n (from 1) as #<id>-step-n', () => {
    expect(stepAnchor('tls-demo', 3)).toBe('tls-demo-step-3');
  });

  it('opens the step a fragment names, and ignores other fragments', () => {
    expect(stepFromHash(diagram, '#tls-demo-step-1')).toBe(0);
    expect(stepFromHash(diagram, '#tls-demo-step-3')).toBe(2);
    expect(stepFromHash(diagram, 'tls-demo-step-2')).toBe(1);
    expect(stepFromHash(diagram, '#tls-demo-step-4')).toBeUndefined();
    expect(stepFromHash(diagram, '#tls-demo-step-0')).toBeUndefined();
    expect(stepFromHash(diagram, '#tls-demo-step-02')).toBeUndefined();
    expect(stepFromHash(diagram, '#other-step-1')).toBeUndefined();
    expect(stepFromHash(diagram, '#tls-demo')).toBeUndefined();
    expect(stepFromHash(diagram, '#%E0%A4%A')).toBeUndefined();
  });
});
