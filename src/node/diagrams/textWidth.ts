/**
 * Text widths for laying out diagrams at build time, where there is no DOM to
 * measure with. The site's font is Pretendard, self-hosted, so the numbers
 * come from it: advance widths in font units (2048 per em) read from the
 * `hmtx` table of Pretendard 1.3.9 Regular and SemiBold
 * (node_modules/pretendard/dist/public/static/*.otf). Every Hangul syllable
 * (U+AC00–U+D7A3) has the same advance, 1770 units, in both weights.
 *
 * Other characters (CJK, symbols) count as one em, which over- rather than
 * under-estimates, so labels never spill out of their boxes.
 */

const UNITS_PER_EM = 2048;
const HANGUL = 1770;

/** Advances of ASCII 0x20–0x7E, in order. */
const ASCII_REGULAR = [
  514, 526, 776, 1228, 1244, 1766, 1248, 412, 698, 698, 964, 1284, 528, 886, 520, 684, 1220, 898, 1202, 1264, 1278,
  1222, 1256, 1130, 1242, 1256, 520, 520, 1284, 1284, 1284, 982, 1802, 1322, 1268, 1420, 1404, 1162, 1140, 1452, 1446,
  500, 1056, 1272, 1092, 1746, 1470, 1488, 1238, 1488, 1246, 1244, 1252, 1448, 1322, 1874, 1254, 1298, 1218, 698, 684,
  698, 906, 870, 960, 1096, 1210, 1084, 1210, 1132, 690, 1186, 1152, 446, 446, 1058, 446, 1708, 1140, 1162, 1186, 1186,
  716, 1016, 696, 1132, 1084, 1592, 1050, 1084, 1050, 698, 626, 698, 1284,
];
const ASCII_SEMIBOLD = [
  486, 594, 772, 1262, 1274, 1900, 1300, 408, 766, 766, 1058, 1320, 568, 908, 558, 734, 1308, 940, 1234, 1294, 1322,
  1264, 1296, 1162, 1292, 1296, 558, 558, 1320, 1320, 1320, 1062, 1794, 1420, 1292, 1462, 1424, 1192, 1148, 1484, 1464,
  530, 1098, 1330, 1108, 1786, 1458, 1524, 1264, 1526, 1278, 1274, 1294, 1444, 1420, 1988, 1354, 1382, 1280, 766, 734,
  766, 940, 912, 972, 1126, 1238, 1132, 1238, 1162, 732, 1226, 1202, 500, 500, 1114, 500, 1770, 1196, 1192, 1226, 1226,
  772, 1074, 738, 1192, 1130, 1650, 1102, 1130, 1098, 766, 694, 766, 1320,
];
/** A few symbols the notes use, same in both weights to within 2%. */
const SYMBOLS: Record<string, number> = { '→': 1882, '←': 1882, '·': 558, '…': 1674, '—': 1972, '–': 976, '×': 1320 };

export interface Font {
  /** Size in CSS pixels. */
  size: number;
  /** 400 (regular) or 600 (semibold). */
  weight?: 400 | 600;
}

/** Width in CSS pixels of one line of `text` set in Pretendard. */
export function textWidth(text: string, font: Font): number {
  const ascii = font.weight === 600 ? ASCII_SEMIBOLD : ASCII_REGULAR;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) units += ascii[code - 0x20] ?? UNITS_PER_EM;
    else if (code >= 0xac00 && code <= 0xd7a3) units += HANGUL;
    else units += SYMBOLS[char] ?? UNITS_PER_EM;
  }
  return (units / UNITS_PER_EM) * font.size;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces (Korean is
 * written with spaces between words) and at explicit line breaks. A single
 * word wider than the limit gets a line of its own rather than being cut.
 */
export function wrapText(text: string, font: Font, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidth(candidate, font) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Width of the widest of `lines`. */
export function linesWidth(lines: readonly string[], font: Font): number {
  return Math.max(0, ...lines.map((line) => textWidth(line, font)));
}
