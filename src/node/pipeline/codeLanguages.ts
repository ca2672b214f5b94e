/**
 * Code block languages an author may use, with the label shown above the
 * block. The checker in tests/codeblocks/ knows the same list.
 */
export const codeLanguageLabels: Record<string, string> = {
  bash: 'Bash',
  sh: 'Shell',
  console: '터미널',
  python: 'Python',
  ini: 'INI',
  systemd: 'systemd',
  nginx: 'nginx',
  sql: 'SQL',
  yaml: 'YAML',
  json: 'JSON',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  markdown: 'Markdown',
  text: '텍스트',
};

/** Languages highlight.js does not know by these names, mapped to one it does. */
export const codeLanguageAliases: Record<string, string[]> = {
  ini: ['systemd'],
  plaintext: ['text'],
};
