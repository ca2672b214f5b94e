import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { codeLanguageLabels } from './codeLanguages.ts';
import { parseCodeMeta } from './parseCodeMeta.ts';

const knownMetaKeys = new Set(['title', 'nocheck']);

/**
 * Wraps every fenced code block in a figure-like frame with a header: the
 * file name (`title="…"`) or the language label, and a copy button.
 *
 * The copy button is inert HTML; the browser app wires it up with one
 * delegated listener, so no per-block script is shipped. `<pre>` gets
 * `tabindex="0"` so a keyboard user can scroll wide code horizontally, and
 * `role="group"` with a name unique in the note (see `nameCodeRegions`) so
 * that tab stop is announced. Runs after rehype-highlight, which reads the
 * `language-*` class.
 */
export function rehypeCodeBlocks() {
  return (tree: Root, file: VFile) => {
    const regions: CodeRegion[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      if (!code) return;

      const language = languageOf(code);
      const meta = parseCodeMeta((code.data as { meta?: string } | undefined)?.meta);
      for (const key of Object.keys(meta)) {
        if (!knownMetaKeys.has(key)) {
          file.message(`Unknown code block attribute \`${key}\`: expected \`title="…"\` or \`nocheck="reason"\``, {
            place: node.position,
            ruleId: 'code-meta',
            source: 'study-notes',
          });
        }
      }
      if (!language) {
        file.message(
          'Code block without a language: expected one after the fence, e.g. ```bash (use ```text for plain output)',
          {
            place: node.position,
            ruleId: 'code-language',
            source: 'study-notes',
          },
        );
      } else if (!(language in codeLanguageLabels)) {
        file.message(
          `Unknown code language \`${language}\`: expected one of ${Object.keys(codeLanguageLabels).join(', ')}`,
          { place: node.position, ruleId: 'code-language', source: 'study-notes' },
        );
      }

      const label = language ? (codeLanguageLabels[language] ?? language) : '코드';
      const title = typeof meta.title === 'string' ? meta.title : undefined;
      const lineCount = toString(code).replace(/\n$/, '').split('\n').length;

      const header: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-header'] },
        children: [
          ...(title ? [span('code-title', title)] : []),
          span('code-lang', label),
          {
            type: 'element',
            tagName: 'button',
            properties: { type: 'button', className: ['code-copy'], dataCopyCode: '' },
            children: [{ type: 'text', value: '복사' }],
          },
        ],
      };
      const pre: Element = { ...node, properties: { ...node.properties, tabIndex: 0, role: 'group' } };
      regions.push({ pre, kind: `${label} 코드`, ...(title ? { title } : {}) });
      const frame: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['code-block'],
          dataLanguage: language ?? 'text',
          dataLines: String(lineCount),
        },
        children: [header, pre],
      };
      if (node.position) frame.position = node.position;
      parent.children[index] = frame;
      return 'skip';
    });
    nameCodeRegions(regions);
  };
}

interface CodeRegion {
  pre: Element;
  /** What the block holds, e.g. `Bash 코드`. */
  kind: string;
  /** The author's `title="…"`, usually a file name. */
  title?: string;
}

/**
 * Names each `<pre>` `Bash 코드`, or `INI 코드: app.ini` with a title, and
 * numbers the names that repeat in the note: `Bash 코드 1`, `Bash 코드 2`.
 *
 * HTML allows no `aria-label` on a bare `<pre>` (its role, generic, takes no
 * name), hence `role="group"`. Not `region`: that makes every block a
 * landmark, and axe's `landmark-unique` fails on a note with sixteen blocks
 * all called `Bash 코드`. Unique names still matter for a group: they are
 * what a screen reader says at each tab stop, and the number tells them apart.
 */
function nameCodeRegions(regions: CodeRegion[]) {
  const nameOf = (region: CodeRegion, number?: number) =>
    `${region.kind}${number ? ` ${number}` : ''}${region.title ? `: ${region.title}` : ''}`;
  const counts = new Map<string, number>();
  for (const region of regions) counts.set(nameOf(region), (counts.get(nameOf(region)) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const region of regions) {
    const name = nameOf(region);
    const number = (seen.get(name) ?? 0) + 1;
    seen.set(name, number);
    region.pre.properties.ariaLabel = (counts.get(name) ?? 0) > 1 ? nameOf(region, number) : name;
  }
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice('language-'.length);
  }
  return undefined;
}

function span(className: string, text: string): ElementContent {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [className] },
    children: [{ type: 'text', value: text }],
  };
}
