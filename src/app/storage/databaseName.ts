/** The IndexedDB database of quiz progress (see progressStore.ts). */
export function progressDatabaseName(base: string): string {
  void base;
  return 'study-notes';
}
