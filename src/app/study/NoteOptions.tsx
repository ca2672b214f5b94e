/** The options of a note picker: every note (by slug, in reading order) under its title, after an "all notes" choice. */
export function NoteOptions({ notes, titles }: { notes: readonly string[]; titles: Record<string, string> }) {
  return (
    <>
      <option value="">모든 노트</option>
      {notes.map((slug) => (
        <option key={slug} value={slug}>
          {titles[slug]}
        </option>
      ))}
    </>
  );
}
