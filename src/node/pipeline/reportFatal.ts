import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';

/**
 * Records an error that makes the note unusable, without stopping the run.
 *
 * We set `fatal` on an ordinary message instead of calling `file.fail`
 * (which throws) so that one build reports every mistake in a note at once.
 * `compileNote` then refuses to return a note when any message is fatal.
 */
export function reportFatal(
  file: VFile,
  reason: string,
  place: Node | Position | Point | undefined,
  ruleId: string,
): void {
  const message = file.message(reason, { place: toPlace(place), ruleId, source: 'study-notes' });
  message.fatal = true;
}

function toPlace(place: Node | Position | Point | undefined): Position | Point | undefined {
  if (!place) return undefined;
  if ('type' in place) return place.position;
  return place;
}
