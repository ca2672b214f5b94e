import { compileDiagram } from '../../../src/node/diagrams/compileDiagram.ts';
import { compileNote } from '../../../src/node/pipeline/compileNote.ts';
import { formatMessage } from '../../../src/node/pipeline/formatMessage.ts';
import type { Diagram } from '../../../src/shared/diagram.ts';
import { BODY_LINE, noteMarkdown } from '../../fixtures/noteMarkdown.ts';

/** The first YAML line of a diagram that opens the body of `noteMarkdown` (the fence is on BODY_LINE). */
export const YAML_LINE = BODY_LINE + 1;

/** A note whose body is one ```diagram block (plus optional Markdown after it). */
export function diagramNote(yaml: string, after = ''): string {
  return noteMarkdown(`\`\`\`diagram\n${yaml.trim()}\n\`\`\`\n${after ? `\n${after}` : ''}`);
}

/** Compiles a note with one diagram and returns the diagram and the messages as `file:line:col: …` lines. */
export function compileDiagramNote(yaml: string, after = '') {
  const result = compileNote('content/test-note.md', diagramNote(yaml, after));
  const block = result.compiled?.note.body.find((b) => b.kind === 'diagram');
  return {
    ...result,
    diagram: block?.kind === 'diagram' ? block.diagram : undefined,
    lines: result.messages.map(formatMessage),
  };
}

/** Compiles YAML on its own (positions start at 1:1); throws on problems, for tests that need a valid diagram. */
export function diagramFrom(yaml: string): Diagram {
  const result = compileDiagram(yaml.trim(), { line: 1, column: 1 });
  if (!result.diagram) throw new Error(result.problems.map((p) => p.reason).join('\n'));
  return result.diagram;
}

export const sequenceYaml = `
id: tls-demo
kind: sequence
title: 핸드셰이크 예
participants:
  - { id: client, label: 클라이언트 }
  - { id: server, label: 서버, detail: example.com }
messages:
  - { id: hello, from: client, to: server, label: ClientHello }
  - { id: reply, from: server, to: client, label: ServerHello, line: dashed }
  - { id: keys, note: 키 계산, over: [client, server] }
  - { id: data, from: client, to: server, label: "[HTTP 요청]", encrypted: true }
groups:
  - { id: secret, label: 암호화된 구간, from: data, to: data }
steps:
  - show: hello
    caption: 클라이언트가 인사한다.
  - show: [reply, keys]
    caption: 서버가 답하고 양쪽이 키를 계산한다.
  - show: [secret, data]
    caption: 암호화된 요청을 보낸다.
`;

export const flowYaml = `
id: flow-demo
kind: flow
title: 요청의 길
direction: LR
nodes:
  - { id: browser, label: 브라우저, shape: round }
  - { id: nginx, label: nginx }
  - { id: app, label: Django, detail: application }
  - { id: files, label: 정적 파일, shape: cylinder }
edges:
  - { id: request, from: browser, to: nginx, label: HTTP 요청 }
  - { id: pass, from: nginx, to: app, label: uwsgi }
  - { id: static, from: nginx, to: files, line: dashed }
groups:
  - { id: server, label: 서버, contains: [nginx, app, files] }
steps:
  - show: [browser, request]
    caption: 요청이 들어온다.
  - show: server
    caption: 서버 안의 부품들.
  - show: [pass]
    caption: 앱으로 넘긴다.
  - highlight: files
    caption: 정적 파일은 nginx가 직접.
`;

export const stackYaml = `
id: stack-demo
kind: stack
title: 계층
levels:
  - { id: app, label: 응용 }
  - { id: security, label: 보안 }
  - { id: transport, label: 전송 }
stacks:
  - id: http
    label: HTTP
    layers:
      - { id: http-app, level: app, label: HTTP }
      - { id: http-tcp, level: transport, label: TCP }
  - id: https
    label: HTTPS
    layers:
      - { id: https-app, level: app, label: HTTP }
      - { id: https-tls, level: security, label: TLS, detail: 암호화 }
      - { id: https-tcp, level: transport, label: TCP }
steps:
  - show: http
    caption: 평문 HTTP.
  - show: https
    caption: HTTPS.
  - show: https-tls
    caption: TLS가 끼어든다.
`;

export const tablesYaml = `
id: tables-demo
kind: tables
title: 정규화 예
tables:
  - id: wide
    label: 주문 (1NF)
    columns:
      - { id: 주문번호, key: primary }
      - { id: 상품코드, key: primary }
      - { id: 상품명 }
      - { id: 단가 }
    rows:
      - [1001, 0001, 볼펜, 1.50]
      - { id: r2, cells: [1001, 0002, 노트, 3000] }
  - id: products
    label: 상품
    columns:
      - { id: 상품코드, key: primary }
      - { id: 상품명 }
    rows:
      - [0001, 볼펜]
dependencies:
  - { id: partial, table: wide, from: 상품코드, to: [상품명, 단가], kind: partial }
steps:
  - show: wide
    caption: 1NF 표.
  - show: partial
    caption: 부분 종속.
  - show: products
    hide: wide
    caption: 상품을 떼어 낸다.
`;
