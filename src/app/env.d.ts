interface ImportMetaEnv {
  /** Where notes are edited (`https://github.com/me/notes/edit/main/content/`), or '' (vite.config.ts). */
  readonly STUDY_NOTES_EDIT_URL: string;
}
