/**
 * The "이 페이지 편집" link of a note: its Markdown file in the repository,
 * when the build knew the repository (src/node/editLinks.ts, set into the
 * bundle by vite.config.ts); otherwise undefined.
 */
export function noteEditUrl(slug: string): string | undefined {
  const base = import.meta.env.STUDY_NOTES_EDIT_URL;
  return base ? `${base}${slug}.md` : undefined;
}
