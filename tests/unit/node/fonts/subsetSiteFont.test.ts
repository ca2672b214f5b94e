// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { collectCodePoints } from '../../../../src/node/fonts/glyphSet.ts';
import { subsetSiteFont } from '../../../../src/node/fonts/siteFontPlugin.ts';

const FONT = 'node_modules/pretendard/dist/public/variable/PretendardVariable.ttf';

describe('subsetSiteFont', () => {
  it('keeps exactly the characters asked for, the weights used and the features the styles use', async () => {
    const codePoints = collectCodePoints(['정규화 핸드셰이크 TLS 1.3 ½']);
    const face = new Face(new Blob(await subsetSiteFont(await readFile(FONT), codePoints, 'sfnt')), 0);
    expect([...face.collectUnicodes()].sort((a, b) => a - b)).toEqual(codePoints);

    const weight = face.getAxisInfos().wght;
    expect([weight?.min, weight?.max]).toEqual([400, 800]);

    const substitutions = face.getTableFeatureTags('GSUB');
    // Tabular numbers (stats, counters) and ss06 (the body) are asked for by the stylesheets.
    expect(substitutions).toEqual(expect.arrayContaining(['tnum', 'ss06']));
    // Stylistic sets and fractions nobody asks for are dropped with their glyphs.
    for (const unused of ['ss01', 'frac', 'sups']) expect(substitutions).not.toContain(unused);
    expect(face.getTableFeatureTags('GPOS')).toContain('kern');
  });
});
