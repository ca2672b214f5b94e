/**
 * Counts the records IndexedDB hands to the page, per object store, while
 * `run` runs: the structural measure of "what a page load reads" (timings
 * vary by machine; this does not). Counts values only (`get`, `getAll`,
 * cursors with values), on object stores and their indexes; counting and
 * keys-only requests read no records.
 */
export async function recordReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  const count = (store: string, records: number) => reads.set(store, (reads.get(store) ?? 0) + records);
  const restore: (() => void)[] = [];
  const patch = (proto: Record<string, unknown>, storeOf: (self: unknown) => string) => {
    for (const method of ['get', 'getAll', 'openCursor'] as const) {
      const original = proto[method] as (...args: unknown[]) => IDBRequest;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        const request = original.apply(this, args);
        const store = storeOf(this);
        request.addEventListener('success', () => {
          const result: unknown = request.result;
          if (method === 'getAll') count(store, (result as unknown[]).length);
          else if (result !== undefined && result !== null) count(store, 1);
        });
        return request;
      };
      restore.push(() => (proto[method] = original));
    }
  };
  patch(
    globalThis.IDBObjectStore.prototype as unknown as Record<string, unknown>,
    (self) => (self as IDBObjectStore).name,
  );
  patch(
    globalThis.IDBIndex.prototype as unknown as Record<string, unknown>,
    (self) => (self as IDBIndex).objectStore.name,
  );
  try {
    return { result: await run(), reads };
  } finally {
    for (const undo of restore) undo();
  }
}
