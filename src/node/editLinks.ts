/**
 * Where a note's source can be edited, or undefined when the build does not
 * know the repository (then the note pages show no "이 페이지 편집" link).
 *
 * `REPOSITORY_URL` (e.g. `https://github.com/me/study-notes`) and
 * `REPOSITORY_BRANCH` (default `main`) say it; on GitHub Actions the runner's
 * own `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_REF_NAME` do, so
 * the Pages workflow needs no setting. The result ends with `/`: add
 * `<slug>.md`.
 */
export function editUrlBase(env: Record<string, string | undefined>, contentDir = 'content'): string | undefined {
  const fromActions =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : undefined;
  const repository = (env.REPOSITORY_URL?.trim() || fromActions)?.replace(/(\.git)?\/*$/, '');
  if (!repository || !/^https?:\/\//.test(repository)) return undefined;
  const branch = env.REPOSITORY_BRANCH?.trim() || (fromActions && env.GITHUB_REF_NAME) || 'main';
  const folder = contentDir.replace(/^\.?\/+|\/+$/g, '');
  return `${repository}/edit/${branch.split('/').map(encodeURIComponent).join('/')}/${folder}/`;
}
