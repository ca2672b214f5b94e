import { createRequire } from 'node:module';
import path from 'node:path';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';

/** Every row of every Anki table in an `.apkg`, with the `col` JSON parsed, as a test sees it. */
export interface ApkgContents {
  entries: string[];
  media: string;
  col: Record<string, unknown> & {
    conf: Record<string, unknown>;
    models: Record<string, Record<string, unknown>>;
    decks: Record<string, Record<string, unknown>>;
    dconf: Record<string, Record<string, unknown>>;
    tags: Record<string, unknown>;
  };
  notes: Record<string, unknown>[];
  cards: Record<string, unknown>[];
  revlog: Record<string, unknown>[];
  graves: Record<string, unknown>[];
  tables: string[];
  indexes: string[];
  integrity: string;
}

export async function readApkg(bytes: Uint8Array): Promise<ApkgContents> {
  const files = unzipSync(bytes);
  const collection = files['collection.anki2'];
  if (!collection) throw new Error('no collection.anki2 in the package');
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));
  const SQL = await initSqlJs({ locateFile: (file: string) => path.join(dist, file) });
  const db = new SQL.Database(collection);
  const rows = (sql: string): Record<string, unknown>[] => {
    const result = db.exec(sql)[0];
    if (!result) return [];
    return result.values.map((values) => Object.fromEntries(result.columns.map((column, i) => [column, values[i]])));
  };
  try {
    const [raw] = rows('SELECT * FROM col');
    if (!raw) throw new Error('no col row');
    const col = { ...raw } as ApkgContents['col'];
    for (const key of ['conf', 'models', 'decks', 'dconf', 'tags'] as const) col[key] = JSON.parse(String(raw[key]));
    return {
      entries: Object.keys(files).sort(),
      media: new TextDecoder().decode(files['media']),
      col,
      notes: rows('SELECT * FROM notes ORDER BY id'),
      cards: rows('SELECT * FROM cards ORDER BY id'),
      revlog: rows('SELECT * FROM revlog'),
      graves: rows('SELECT * FROM graves'),
      tables: rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((row) => String(row.name)),
      indexes: rows("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").map((row) => String(row.name)),
      integrity: String(rows('PRAGMA integrity_check')[0]?.integrity_check),
    };
  } finally {
    db.close();
  }
}
