import { eastAsianWidth } from 'get-east-asian-width';

/** Characters that take no column: combining marks, format characters (zero-width joiners, BOM), controls. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;

/**
 * @internal Display width of a string in a terminal: East Asian wide and fullwidth characters
 * count 2 (Unicode's East Asian Width, from `get-east-asian-width`; ambiguous ones such as `─`, `…`
 * and `·` count 1, as Western terminals draw them), combining and format characters 0.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x7f) w += c >= 0x20 ? 1 : 0;
    else w += ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(c);
  }
  return w;
}

/** Punctuation that does not start a line (Chinese line-breaking rules): closing marks and pauses. */
const NO_LINE_START = new Set([...'，。、；：！？）」』】》〉”’…,.;:!?)]}%']);

/**
 * @internal Breaks text into lines of at most `width` columns: at spaces where it can, inside a
 * word (or a run of Chinese, which has no spaces) where it must, never putting a closing mark
 * (，。、）…) first on a line. Lines after the first start with `indent` (counted in the width).
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  if (!Number.isFinite(width) || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const room = (): number => width - (lines.length === 0 ? 0 : displayWidth(indent));
  const flush = (): void => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
  };
  for (const word of text.split(/(?<= )/u)) {
    const ww = displayWidth(word.trimEnd());
    if (lineWidth > 0 && lineWidth + ww > room()) flush();
    if (ww > room()) {
      // a word longer than a line: break it where the line ends
      for (const ch of word) {
        const cw = displayWidth(ch);
        if (lineWidth > 0 && lineWidth + cw > room() && ch !== ' ') {
          // a closing mark takes the marks and the character before it to the next line
          let carried = '';
          if (NO_LINE_START.has(ch)) {
            const chars = [...line];
            let k = chars.length - 1;
            while (k > 0 && NO_LINE_START.has(chars[k] as string)) k--;
            if (k > 0 && chars[k] !== ' ') carried = chars.slice(k).join('');
          }
          line = line.slice(0, line.length - carried.length);
          flush();
          line = carried;
          lineWidth = displayWidth(carried);
        }
        line += ch;
        lineWidth += cw;
      }
    } else {
      line += word;
      lineWidth += displayWidth(word);
    }
  }
  if (line.trim() !== '') flush();
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** @internal Pads to a display width; numbers (and cells starting with a digit) align right. */
function pad(cell: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return right ? fill + cell : cell + fill;
}

/**
 * @internal Renders rows as an aligned text table with a header rule. Given a `width`, a table
 * wider than that wraps: the widest text columns narrow (their cells and headers wrap onto more
 * lines, numbers never) until the table fits; a table that still does not fit (many columns of
 * numbers) is cut into several tables, one under the other, each repeating the first column.
 */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], width = Infinity): string {
  const whole = layout(header, rows, width);
  if (whole.fits || header.length <= 2) return whole.text;
  // the columns after the first, in groups that fit beside the first at their narrowest
  const groups: number[][] = [];
  let group: number[] = [];
  let used = whole.least[0] as number;
  for (let k = 1; k < header.length; k++) {
    const w = 2 + (whole.least[k] as number);
    if (group.length > 0 && used + w > width) {
      groups.push(group);
      group = [];
      used = whole.least[0] as number;
    }
    group.push(k);
    used += w;
  }
  groups.push(group);
  if (groups.length === 1) return whole.text;
  // as many tables as it takes, with the columns shared out evenly when they fit that way
  const size = Math.ceil((header.length - 1) / groups.length);
  const even = groups.map((_, i) => Array.from({ length: Math.min(size, header.length - 1 - i * size) }, (_, j) => 1 + i * size + j)).filter((g) => g.length > 0);
  const fitsEvenly = even.length === groups.length && even.every((g) => g.reduce((sum, k) => sum + 2 + (whole.least[k] as number), whole.least[0] as number) <= width);
  const pick = <T>(r: readonly T[], g: readonly number[]): T[] => [r[0] as T, ...g.map((k) => r[k] as T)];
  return (fitsEvenly ? even : groups).map((g) => layout(pick(header, g), rows.map((r) => pick(r, g)), width).text).join('\n\n');
}

/** The widest space-free run of a cell that has no wide character. */
function longestWord(cell: string): number {
  let most = 0;
  for (const word of cell.split(' ')) if (/^[\x21-\x7e]+$/u.test(word)) most = Math.max(most, word.length);
  return most;
}

/** Lays a table out at a width: its text, whether it fits, and the narrowest each column can be. */
function layout(header: readonly string[], rows: readonly (readonly (string | number)[])[], width: number): { text: string; fits: boolean; least: number[] } {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  // a column of numbers, percentages and dashes aligns right
  const numeric = header.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number' || /^(—|[−-]?[\d,]+(\.\d+)?%?)$/u.test(String(r[k] ?? ''))));
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[k] ?? ''))));
  // the narrowest each column can be: its longest header word, and its widest number (numbers never
  // wrap) or up to 10 columns of text
  const least = header.map((h, k) =>
    Math.max(
      ...h.split(' ').map(displayWidth),
      numeric[k] === true ? Math.max(0, ...cells.map((r) => displayWidth(r[k] ?? ''))) : Math.min(widths[k] as number, 10),
      // a word without wide characters (an id, a code, an English word) is not broken while it can be helped
      numeric[k] === true ? 0 : Math.min(Math.max(0, ...cells.map((r) => longestWord(r[k] ?? ''))), Math.floor(width / 2)),
    ),
  );
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let k = 0; k < widths.length; k++)
      if ((widths[k] as number) > (least[k] as number) && (widest < 0 || (widths[k] as number) - (least[k] as number) > (widths[widest] as number) - (least[widest] as number)))
        widest = k;
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
  }
  const lines = (r: readonly string[]): string[] => {
    const parts = r.map((c, k) => (numeric[k] === true ? [c] : wrapText(c, widths[k] as number)));
    const height = Math.max(...parts.map((p) => p.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) out.push(parts.map((p, k) => pad(p[i] ?? '', widths[k] as number, numeric[k] as boolean)).join('  ').trimEnd());
    return out;
  };
  const head = header.map((h, k) => wrapText(h, widths[k] as number));
  const headHeight = Math.max(...head.map((h) => h.length));
  // a wrapped header sits on its last lines, just above the rule
  const headLines: string[] = [];
  for (let i = 0; i < headHeight; i++)
    headLines.push(head.map((h, k) => pad(h[i - (headHeight - h.length)] ?? '', widths[k] as number, numeric[k] as boolean)).join('  ').trimEnd());
  return { text: [...headLines, widths.map((w) => '─'.repeat(w)).join('  '), ...cells.flatMap(lines)].join('\n'), fits: total() <= width, least };
}
