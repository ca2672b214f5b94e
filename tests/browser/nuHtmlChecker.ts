import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  /** `error`, `info` (with `subType: 'warning'`) or `non-document-error` (a file it could not read). */
  type: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/**
 * Runs the W3C Nu Html Checker (the `vnu.jar` from the `vnu-jar` package) on
 * `files` in one Java process and returns its errors as
 * `path:line:column: message` lines, paths relative to `root`; warnings are
 * left out (`--errors-only`).
 *
 * Calls the system `java` (Java 11 or later; CI installs Debian's
 * default-jre-headless) rather than the package's own launcher, which
 * downloads a Java runtime when it finds none: a download that cannot work
 * here, and a failure that should name the missing package instead.
 */
export function nuHtmlErrors(files: string[], root: string): Promise<string[]> {
  const args = ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files];
  return new Promise((resolve, reject) => {
    // vnu exits 1 when it finds an error and writes its report to stderr either way.
    execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && 'code' in error && error.code === 'ENOENT') {
        reject(
          new Error('No `java` on PATH: the Nu Html Checker needs Java 11+ (apt-get install default-jre-headless)'),
        );
        return;
      }
      let report: { messages: NuMessage[] };
      try {
        report = JSON.parse(stderr) as { messages: NuMessage[] };
      } catch {
        reject(new Error(`The Nu Html Checker gave no JSON report: ${stderr || error?.message}`));
        return;
      }
      resolve(report.messages.map((message) => formatMessage(message, root)));
    });
  });
}

function formatMessage(message: NuMessage, root: string): string {
  const file = message.url?.startsWith('file:') ? path.relative(root, fileURLToPath(message.url)) : message.url;
  const line = message.firstLine ?? message.lastLine;
  const place = [file ?? '(no file)', line, line === undefined ? undefined : message.firstColumn]
    .filter((part) => part !== undefined)
    .join(':');
  return `${place}: ${message.type}: ${message.message}`;
}
