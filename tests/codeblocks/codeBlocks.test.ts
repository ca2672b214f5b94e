/**
 * The code-block checker: "every command and config is correct as written".
 *
 * Every fenced code block in content/*.md becomes one test, named `content/<file>.md:<line> <lang> (<title>)`,
 * and is checked with the real tool for its language tag:
 *
 *   bash / sh  shellcheck -s bash|sh (plus: no `$ ` prompts, no `<placeholder>`s)
 *   python     python3 -m py_compile
 *   ini        a strict reader for uWSGI ini files (no inline comments, no `~`, required keys), then
 *              uWSGI's own parser: `uwsgi --strict --plugins python3,http,logfile --ini FILE --get KEY`
 *              (--strict rejects unknown options; --get prints a value and exits before binding sockets)
 *   systemd    systemd-analyze verify --root=<tmp root> (stub executables at every Exec*= path)
 *   nginx      nginx -t on `events {} http { <block> }` in a temporary prefix with Debian's *_params files
 *   sql        sqlite3 -bail :memory:
 *   text       not checked (no test)
 *   diagram    not checked here: the build compiles every diagram and stops on any error
 *
 * A block whose info string has `nocheck="reason"` is registered as a skipped test that shows the reason.
 * A block without a language tag, or with a tag not listed above, fails.
 * A missing tool fails the test with the Debian package to install (see apt-packages.txt).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// CODEBLOCKS_CONTENT_DIR points the checker at another folder (used to try the checker on bad examples).
const CONTENT_DIR = process.env.CODEBLOCKS_CONTENT_DIR
  ? path.resolve(process.env.CODEBLOCKS_CONTENT_DIR)
  : path.join(ROOT, 'content');
const CONTENT_LABEL = process.env.CODEBLOCKS_CONTENT_DIR ? CONTENT_DIR : 'content';

// ---------------------------------------------------------------------------------------------
// Collecting the blocks
// ---------------------------------------------------------------------------------------------

interface Block {
  /** path relative to the repository root, e.g. content/uwsgi.md */
  file: string;
  line: number;
  lang: string | null;
  attrs: Record<string, string>;
  metaError: string | null;
  value: string;
}

/** Parses `key="value" key2='v' key3=bare` from a code block's info string (after the language). */
function parseMeta(meta: string | null | undefined): {
  attrs: Record<string, string>;
  error: string | null;
} {
  const attrs: Record<string, string> = {};
  const text = meta ?? '';
  const pair = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'=]+))/y;
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === ' ' || ch === '\t') {
      pos += 1;
      continue;
    }
    pair.lastIndex = pos;
    const m = pair.exec(text);
    if (!m) {
      return {
        attrs,
        error: `cannot parse the code block attributes at \`${text.slice(pos)}\` (expected key="value")`,
      };
    }
    const key = m[1] ?? '';
    if (key in attrs) return { attrs, error: `attribute \`${key}\` is given twice` };
    attrs[key] = m[2] !== undefined ? m[2].replace(/\\(["\\])/g, '$1') : (m[3] ?? m[4] ?? '');
    pos = pair.lastIndex;
  }
  return { attrs, error: null };
}

function collectBlocks(): Block[] {
  if (!fs.existsSync(CONTENT_DIR)) return [];
  const files = fs
    .readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
  const blocks: Block[] = [];
  for (const name of files) {
    const source = fs.readFileSync(path.join(CONTENT_DIR, name), 'utf8');
    const tree = processor.runSync(processor.parse(source)) as Root;
    visit(tree, 'code', (node: Code) => {
      const { attrs, error } = parseMeta(node.meta);
      blocks.push({
        file: `${CONTENT_LABEL}/${name}`,
        line: node.position?.start.line ?? 0,
        lang: node.lang ?? null,
        attrs,
        metaError: error,
        value: node.value,
      });
    });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

const EXTRA_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function findExecutable(names: readonly string[]): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_PATH];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Returns the tool's path or throws an error that names the Debian package to install. */
function requireTool(names: readonly string[], debPackage: string): string {
  const found = findExecutable(names);
  if (found) return found;
  throw new Error(
    `${names[0]} is not installed: install the Debian package '${debPackage}' ` +
      `(apt-get install -y ${debPackage}; CI installs everything in tests/codeblocks/apt-packages.txt)`,
  );
}

interface RunResult {
  command: string;
  status: number | null;
  output: string;
}

function run(cmd: string, args: readonly string[], options: { cwd?: string; input?: string } = {}): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, SYSTEMD_COLORS: '0', LC_ALL: 'C.UTF-8' };
  for (const key of Object.keys(env)) if (key.startsWith('UWSGI_')) delete env[key];
  const result = spawnSync(cmd, args, {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env,
    timeout: 30_000,
  });
  const output = [result.stdout, result.stderr, result.error ? String(result.error) : '']
    .filter((s) => s && s.trim() !== '')
    .join('\n')
    .trim();
  return { command: [cmd, ...args].join(' '), status: result.status, output };
}

function numbered(text: string, firstLine = 1): string {
  return text
    .split('\n')
    .map((l, i) => `${String(i + firstLine).padStart(4)} | ${l}`)
    .join('\n');
}

function failure(block: Block, what: string, detail: string): string {
  return (
    `${block.file}:${block.line} ${block.lang ?? '(no language)'}: ${what}\n` +
    `(line 1 of the block is line ${block.line + 1} of ${block.file})\n\n${detail}`
  );
}

function assertOk(ok: boolean, message: string): void {
  if (!ok) expect.fail(message);
}

// ---------------------------------------------------------------------------------------------
// Temporary files
// ---------------------------------------------------------------------------------------------

let tmpBase: string | null = null;
function tmpDir(prefix: string): string {
  tmpBase ??= fs.mkdtempSync(path.join(os.tmpdir(), 'study-notes-codeblocks-'));
  return fs.mkdtempSync(path.join(tmpBase, `${prefix}-`));
}

afterAll(() => {
  if (tmpBase) fs.rmSync(tmpBase, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Checkers
// ---------------------------------------------------------------------------------------------

function checkShell(block: Block, dialect: 'bash' | 'sh'): void {
  const shellcheck = requireTool(['shellcheck'], 'shellcheck');
  const problems: string[] = [];
  block.value.split('\n').forEach((line, i) => {
    if (/^\s*\$(\s|$)/.test(line)) {
      problems.push(`line ${i + 1}: a \`$ \` prompt; write the plain command`);
    }
    const placeholder = /<[^\s<>()=&|;'"]+>/.exec(line);
    if (placeholder) {
      problems.push(`line ${i + 1}: placeholder ${placeholder[0]}; use a real example value or a shell variable`);
    }
  });
  assertOk(problems.length === 0, failure(block, 'not a runnable command', problems.join('\n')));

  const dir = tmpDir('shell');
  const file = path.join(dir, dialect === 'bash' ? 'block.bash' : 'block.sh');
  fs.writeFileSync(file, block.value.endsWith('\n') ? block.value : `${block.value}\n`);
  const result = run(shellcheck, ['--norc', `--shell=${dialect}`, '--color=never', path.basename(file)], {
    cwd: dir,
  });
  assertOk(result.status === 0, failure(block, `shellcheck (-s ${dialect}) found problems`, result.output));
}

function checkPython(block: Block): void {
  const python = requireTool(['python3'], 'python3');
  const dir = tmpDir('python');
  const file = path.join(dir, 'block.py');
  fs.writeFileSync(file, block.value);
  const result = run(python, ['-m', 'py_compile', file], { cwd: dir });
  assertOk(result.status === 0, failure(block, 'python3 -m py_compile failed', result.output));
}

interface IniEntry {
  section: string;
  key: string;
  value: string;
  line: number;
}

/** A strict reader that follows what uWSGI's ini parser actually does (core/ini.c). */
function readUwsgiIni(text: string): { entries: IniEntry[]; problems: string[] } {
  const entries: IniEntry[] = [];
  const problems: string[] = [];
  let section: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]?.trim() ?? '';
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) {
      problems.push(`line ${n}: not \`key = value\`: ${line}`);
      return;
    }
    if (section === null) {
      problems.push(`line ${n}: \`${line}\` comes before any [section]`);
      return;
    }
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (/\s[;#]/.test(value)) {
      problems.push(
        `line ${n}: \`${key}\` has an inline comment; uWSGI's ini parser keeps it as part of the value ` +
          `(comments must be on their own line)`,
      );
    }
    if (/(^|[\s=:,])~\//.test(value) || value === '~') {
      problems.push(`line ${n}: \`${key}\` uses ~; ini files are not expanded by a shell, use an absolute path`);
    }
    entries.push({ section, key, value, line: n });
  });
  if (!entries.some((e) => e.section === 'uwsgi')) {
    problems.push('no [uwsgi] section with options: uWSGI reads only the [uwsgi] section by default');
  }
  return { entries, problems };
}

const INI_APP_KEYS = ['module', 'wsgi-file', 'wsgi', 'file', 'mount', 'w'];
const INI_SOCKET_KEYS = ['socket', 'uwsgi-socket', 'http', 'http-socket', 'https', 'shared-socket', 's'];

function checkIni(block: Block): void {
  const { entries, problems } = readUwsgiIni(block.value);
  const keys = new Set(entries.filter((e) => e.section === 'uwsgi').map((e) => e.key));
  if (problems.length === 0 && !keys.has('emperor')) {
    // An application (vassal) config: what to run, from where, and where to listen.
    if (!INI_APP_KEYS.some((k) => keys.has(k))) {
      problems.push(`no application to load (one of ${INI_APP_KEYS.join(', ')})`);
    }
    if (!keys.has('chdir')) problems.push('no chdir (the Django project directory)');
    if (!INI_SOCKET_KEYS.some((k) => keys.has(k))) {
      problems.push(`nothing to listen on (one of ${INI_SOCKET_KEYS.join(', ')})`);
    }
  }
  assertOk(
    problems.length === 0,
    failure(block, 'not a valid uWSGI ini file', `${problems.join('\n')}\n\n${numbered(block.value)}`),
  );

  const uwsgi = requireTool(['uwsgi', 'uwsgi-core'], 'uwsgi-core');
  const pluginDir = '/usr/lib/uwsgi/plugins';
  if (!fs.existsSync(path.join(pluginDir, 'python3_plugin.so'))) {
    throw new Error(
      `uWSGI's python3 plugin is not installed: install the Debian package 'uwsgi-plugin-python3' ` +
        `(apt-get install -y uwsgi-plugin-python3)`,
    );
  }
  const dir = tmpDir('ini');
  const file = path.join(dir, 'block.ini');
  fs.writeFileSync(file, block.value);
  const firstKey = entries.find((e) => e.section === 'uwsgi')?.key ?? 'ini';
  // Debian's uwsgi-core has the Python and HTTP parts as plugins; a pip-installed uWSGI has them built in.
  // --strict: an unknown option is an error. --get: print one option's value and exit (no sockets, no app).
  const result = run(uwsgi, ['--strict', '--plugins', 'python3,http,logfile', '--ini', file, '--get', firstKey], {
    cwd: dir,
  });
  assertOk(result.status === 0, failure(block, `uWSGI rejected the ini file (${result.command})`, result.output));
}

let systemdRoot: string | null = null;
function prepareSystemdRoot(): string {
  if (systemdRoot) return systemdRoot;
  const rootDir = path.join(tmpDir('systemd'), 'root');
  const unitsSrc = ['/usr/lib/systemd/system', '/lib/systemd/system'].find((p) => fs.existsSync(p));
  if (!unitsSrc) {
    throw new Error(
      "systemd's unit directory is missing: install the Debian package 'systemd' (apt-get install -y systemd)",
    );
  }
  fs.mkdirSync(path.join(rootDir, 'usr/lib/systemd'), { recursive: true });
  fs.cpSync(unitsSrc, path.join(rootDir, 'usr/lib/systemd/system'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const dirName of ['bin', 'sbin', 'lib']) {
    fs.mkdirSync(path.join(rootDir, 'usr', dirName), { recursive: true });
    fs.symlinkSync(`usr/${dirName}`, path.join(rootDir, dirName));
  }
  fs.mkdirSync(path.join(rootDir, 'etc/systemd/system'), { recursive: true });
  systemdRoot = rootDir;
  return rootDir;
}

/** The executables named by Exec*= lines (the first word, without systemd's `-@:+!|` prefixes). */
function execPaths(unit: string): string[] {
  const found: string[] = [];
  for (const raw of unit.split('\n')) {
    const m = /^\s*Exec[A-Za-z]*\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    const command = (m[1] ?? '').replace(/^[-@:+!|]+/, '').trim();
    const first = command.split(/\s+/)[0];
    if (first) found.push(first);
  }
  return found;
}

function checkSystemd(block: Block): void {
  const analyze = requireTool(['systemd-analyze'], 'systemd');
  const rootDir = prepareSystemdRoot();
  // The executables live on the server, not here: put a stub at each path so that verify can check
  // everything else (directives, sections, values, dependencies).
  for (const exe of execPaths(block.value)) {
    const inRoot = exe.startsWith('/') ? path.join(rootDir, exe) : path.join(rootDir, 'usr/bin', exe);
    if (fs.existsSync(inRoot)) continue;
    fs.mkdirSync(path.dirname(inRoot), { recursive: true });
    fs.writeFileSync(inRoot, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  }
  const titled = path.basename(block.attrs.title ?? '').split(' ')[0] ?? '';
  const unitName = /^[\w@.-]+\.(service|socket|timer|path|mount|target)$/.test(titled)
    ? titled
    : `codeblock-line${block.line}.service`;
  const unitPath = path.join(rootDir, 'etc/systemd/system', unitName);
  fs.writeFileSync(unitPath, block.value);
  try {
    const result = run(analyze, ['verify', `--root=${rootDir}`, '--man=no', '--generators=no', unitPath]);
    // verify only warns (exit 0) about unknown keys and obsolete settings: any output is a failure.
    assertOk(
      result.status === 0 && result.output === '',
      failure(
        block,
        'systemd-analyze verify complained',
        `${result.output.replaceAll(rootDir, '')}\n\n${numbered(block.value)}`,
      ),
    );
  } finally {
    fs.rmSync(unitPath, { force: true });
  }
}

let sslStubs: { cert: string; key: string; dhparam: string | null; dir: string } | null = null;
function sslStub(needDhparam: boolean): { cert: string; key: string; dhparam: string | null } {
  const openssl = requireTool(['openssl'], 'openssl');
  if (!sslStubs) {
    const dir = tmpDir('ssl');
    const cert = path.join(dir, 'stub-cert.pem');
    const key = path.join(dir, 'stub-key.pem');
    const r = run(openssl, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=example.com',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    if (r.status !== 0) throw new Error(`could not make a stub certificate: ${r.output}`);
    sslStubs = { cert, key, dhparam: null, dir };
  }
  if (needDhparam && !sslStubs.dhparam) {
    const dh = path.join(sslStubs.dir, 'stub-dhparam.pem');
    const r = run(openssl, ['dhparam', '-dsaparam', '-out', dh, '2048']);
    if (r.status !== 0) throw new Error(`could not make stub DH parameters: ${r.output}`);
    sslStubs.dhparam = dh;
  }
  return sslStubs;
}

const NGINX_FILE_DIRECTIVES: Record<string, 'cert' | 'key' | 'dhparam'> = {
  ssl_certificate: 'cert',
  ssl_certificate_key: 'key',
  ssl_trusted_certificate: 'cert',
  ssl_client_certificate: 'cert',
  ssl_dhparam: 'dhparam',
};

function checkNginx(block: Block): void {
  const nginx = requireTool(['nginx'], 'nginx');
  const prefix = tmpDir('nginx');
  for (const name of ['uwsgi_params', 'fastcgi_params', 'proxy_params', 'scgi_params', 'mime.types']) {
    const src = path.join('/etc/nginx', name);
    if (fs.existsSync(src)) fs.copyFileSync(src, path.join(prefix, name));
  }
  if (fs.existsSync('/etc/nginx/snippets')) {
    fs.cpSync('/etc/nginx/snippets', path.join(prefix, 'snippets'), { recursive: true });
  }
  if (!fs.existsSync(path.join(prefix, 'uwsgi_params'))) {
    throw new Error("/etc/nginx/uwsgi_params is missing: install the Debian package 'nginx'");
  }
  // Certificates named in the block live on the server: stand in a throwaway one for files missing here.
  const stubbed: string[] = [];
  const body = block.value.replace(
    /^(\s*)(ssl_certificate_key|ssl_certificate|ssl_trusted_certificate|ssl_client_certificate|ssl_dhparam)(\s+)([^;\s]+)(\s*;)/gm,
    (whole, indent: string, directive: string, space: string, file: string, end: string) => {
      const kind = NGINX_FILE_DIRECTIVES[directive];
      if (!kind || file.includes('$') || fs.existsSync(file)) return whole;
      const stub = sslStub(kind === 'dhparam');
      const replacement = kind === 'cert' ? stub.cert : kind === 'key' ? stub.key : stub.dhparam;
      stubbed.push(`${directive} ${file}`);
      return `${indent}${directive}${space}${replacement ?? file}${end}`;
    },
  );
  const wrapped = `events {}\nhttp {\n${body}\n}\n`;
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, wrapped);
  const result = run(nginx, ['-t', '-e', 'stderr', '-p', `${prefix}/`, '-c', conf, '-g', `pid ${prefix}/nginx.pid;`]);
  // Warnings that only the stub certificate causes (it has no OCSP responder or issuer) are not the block's.
  const warnings = result.output
    .split('\n')
    .filter((l) => /\[(warn|emerg|alert|crit)\]/.test(l))
    .filter((l) => !(stubbed.length > 0 && /ssl_stapling|OCSP/i.test(l)));
  assertOk(
    result.status === 0 && warnings.length === 0,
    failure(
      block,
      'nginx -t rejected the block (wrapped in `events {} http { … }`: nginx line N is block line N-2)',
      `${result.output}\n\n${numbered(wrapped, 1)}` +
        (stubbed.length ? `\n\nstub certificate used for: ${stubbed.join(', ')}` : ''),
    ),
  );
}

function checkSql(block: Block): void {
  const sqlite = requireTool(['sqlite3'], 'sqlite3');
  const result = run(sqlite, ['-bail', ':memory:'], { input: block.value });
  assertOk(
    result.status === 0 && !/error/i.test(result.output),
    failure(block, 'sqlite3 (:memory:) rejected the SQL', `${result.output}\n\n${numbered(block.value)}`),
  );
}

const CHECKERS: Record<string, ((block: Block) => void) | null> = {
  bash: (b) => checkShell(b, 'bash'),
  sh: (b) => checkShell(b, 'sh'),
  python: checkPython,
  ini: checkIni,
  systemd: checkSystemd,
  nginx: checkNginx,
  sql: checkSql,
  text: null,
  // Diagrams are YAML for the build's own diagram compiler, which checks them (every error stops the build).
  diagram: null,
};

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const blocks = collectBlocks();

describe('code blocks in content/', () => {
  it('content/ has code blocks to check', () => {
    expect(blocks.length, `no fenced code blocks found under ${CONTENT_DIR}`).toBeGreaterThan(0);
  });

  for (const block of blocks) {
    const title = block.attrs.title ? ` (${block.attrs.title})` : '';
    const name = `${block.file}:${block.line} ${block.lang ?? '(no language)'}${title}`;
    const lang = block.lang;

    if (block.metaError) {
      it(name, () => {
        throw new Error(`${block.file}:${block.line}: ${block.metaError}`);
      });
      continue;
    }
    if (lang === null || !(lang in CHECKERS)) {
      it(name, () => {
        throw new Error(
          `${block.file}:${block.line}: ` +
            (lang === null ? 'code block without a language tag' : `unknown language tag \`${lang}\``) +
            ` (allowed: ${Object.keys(CHECKERS).join(', ')})`,
        );
      });
      continue;
    }
    if (block.attrs.nocheck !== undefined) {
      if (block.attrs.nocheck.trim() === '') {
        it(name, () => {
          throw new Error(`${block.file}:${block.line}: nocheck needs a reason: nocheck="…"`);
        });
      } else {
        it.skip(`${name} — nocheck: ${block.attrs.nocheck}`, () => {});
      }
      continue;
    }
    const checker = CHECKERS[lang];
    if (!checker) continue; // text: nothing to check
    it(name, () => checker(block));
  }
});
