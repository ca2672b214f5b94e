import { describe, expect, it } from 'vitest';
import { compileNote } from '../../../../src/node/pipeline/compileNote.ts';
import { blocksToHtml } from '../../../../src/node/pipeline/splitBlocks.ts';
import { noteMarkdown } from '../../../fixtures/noteMarkdown.ts';

function bodyHtml(markdown: string): string {
  const { compiled } = compileNote('content/code.md', noteMarkdown(markdown));
  return blocksToHtml(compiled?.note.body ?? []);
}

describe('rehypeBreakLongCode', () => {
  it('lets long inline code break after its dots and slashes, and marks it', () => {
    expect(bodyHtml('`config.wsgi.deploy.application`으로 바꾼다.')).toContain(
      '<code class="long-code">config.<wbr>wsgi.<wbr>deploy.<wbr>application</code>으로',
    );
    expect(bodyHtml('| 경로 |\n| --- |\n| `/etc/uwsgi/vassals/mysite.ini` |')).toContain(
      '<code class="long-code">/etc/<wbr>uwsgi/<wbr>vassals/<wbr>mysite.<wbr>ini</code>',
    );
  });

  it('leaves short code, a leading slash, dot runs and code blocks alone', () => {
    expect(bodyHtml('`config.wsgi` 와 `../../static/css/site.min.css`')).toContain('<code>config.wsgi</code>');
    expect(bodyHtml('`../../static/css/site.min.css`')).toContain('../../static/<wbr>css/<wbr>site.<wbr>min.<wbr>css');
    expect(bodyHtml('```text\nconfig.settings.deploy.application.very_long\n```')).not.toContain('<wbr>');
  });
});
