import { DORMANT, DORMANT_PREFIX, DORMANT_TAGS, KEPT_AS_IS } from '../../shared/dormantControls.ts';

const QUIZ_ISLAND = /<div\b[^>]*\bdata-island="quiz"[^>]*>/g;
const DIV_TAG = /<div\b[^>]*>|<\/div>/g;
// React escapes `<`, `>` and `"` inside attribute values, so a tag ends at its first `>`.
const CONTROL_TAG = new RegExp(`<(\\/?)(${DORMANT_TAGS.join('|')})\\b([^>]*?)\\/?>`, 'g');
const ATTRIBUTE = /\s([^\s"'>/=]+)(?:="([^"]*)")?/g;

/** The index just past the `</div>` that closes the `<div>` opened at `start`, whose tag ends at `from`. */
function endOfDiv(html: string, start: number, from: number): number {
  DIV_TAG.lastIndex = from;
  let depth = 1;
  for (let match = DIV_TAG.exec(html); match; match = DIV_TAG.exec(html)) {
    depth += match[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return DIV_TAG.lastIndex;
  }
  throw new Error(`a quiz island opened at offset ${start} is never closed`);
}

function sleepingAttributes(attributes: string): string {
  return attributes.replace(ATTRIBUTE, (_, name: string, value: string | undefined) => {
    const lower = name.toLowerCase();
    return KEPT_AS_IS.has(lower) ? ` ${lower}="${value ?? ''}"` : ` ${DORMANT_PREFIX}${lower}="${value ?? ''}"`;
  });
}

function sleepTags(island: string): string {
  return island.replace(CONTROL_TAG, (_, closing: string, tag: string, attributes: string) => {
    const element = tag === 'form' ? 'div' : 'span';
    if (closing) return `</${element}>`;
    const open = `<${element} ${DORMANT}="${tag}"${sleepingAttributes(attributes)}>`;
    return tag === 'input' ? `${open}</${element}>` : open;
  });
}

/**
 * A prerendered page with the form controls of its quiz islands asleep
 * (`src/shared/dormantControls.ts`). Everything outside the islands, such as the
 * header's theme radios, is left as it is.
 */
export function sleepQuizControls(html: string): string {
  let out = '';
  let done = 0;
  QUIZ_ISLAND.lastIndex = 0;
  for (let match = QUIZ_ISLAND.exec(html); match; match = QUIZ_ISLAND.exec(html)) {
    const start = match.index;
    const end = endOfDiv(html, start, QUIZ_ISLAND.lastIndex);
    out += html.slice(done, start) + sleepTags(html.slice(start, end));
    done = end;
    QUIZ_ISLAND.lastIndex = end;
  }
  return out + html.slice(done);
}
