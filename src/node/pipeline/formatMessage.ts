import type { VFileMessage } from 'vfile-message';

/**
 * One line per message, the way compilers print them so editors and
 * terminals can jump to it: `content/uwsgi.md:14:3-14:20: error: reason`.
 */
export function formatMessage(message: VFileMessage): string {
  const place = message.place;
  let where = '';
  if (place && 'start' in place) {
    where = `:${place.start.line}:${place.start.column}`;
    if (place.end && (place.end.line !== place.start.line || place.end.column !== place.start.column)) {
      where += `-${place.end.line}:${place.end.column}`;
    }
  } else if (place && 'line' in place) {
    where = `:${place.line}:${place.column}`;
  }
  const level = message.fatal ? 'error' : 'warning';
  return `${message.file ?? '<unknown>'}${where}: ${level}: ${message.reason}`;
}
