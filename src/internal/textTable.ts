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

/**
 * @internal Breaks text into lines of at most `width` columns: at spaces where it can, inside a
 * word (or a run of Chinese, which has no spaces) where it must. Lines after the first start with
 * `indent` (counted in the width).
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
        if (lineWidth > 0 && lineWidth + cw > room() && ch !== ' ') flush();
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
 * lines, numbers never) until the table fits or no column can narrow further.
 */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], width = Infinity): string {
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
  return [...headLines, widths.map((w) => '─'.repeat(w)).join('  '), ...cells.flatMap(lines)].join('\n');
}
