import { describe, expect, it } from 'vitest';
import { editUrlBase } from '../../../src/node/editLinks.ts';

describe('editUrlBase', () => {
  it('is unknown without a repository', () => {
    expect(editUrlBase({})).toBeUndefined();
    expect(editUrlBase({ REPOSITORY_URL: 'git@github.com:me/notes.git' })).toBeUndefined();
  });

  it('edits on main of the repository given, without a trailing .git or slash', () => {
    expect(editUrlBase({ REPOSITORY_URL: 'https://github.com/me/notes.git' })).toBe(
      'https://github.com/me/notes/edit/main/content/',
    );
    expect(editUrlBase({ REPOSITORY_URL: 'https://gitea.example/me/notes/', REPOSITORY_BRANCH: 'site' }, 'docs/')).toBe(
      'https://gitea.example/me/notes/edit/site/docs/',
    );
  });

  it('reads the repository and branch GitHub Actions sets', () => {
    expect(
      editUrlBase({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'me/notes', GITHUB_REF_NAME: 'main' }),
    ).toBe('https://github.com/me/notes/edit/main/content/');
  });
});
