/** @internal Display width of a string in a terminal: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** @internal Pads to a display width; numbers (and cells starting with a digit) align right. */
function pad(cell: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return right ? fill + cell : cell + fill;
}

/** @internal Renders rows as an aligned text table with a header rule. */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  // a column of numbers, percentages and dashes aligns right
  const numeric = header.map((_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number' || /^(—|[−-]?[\d,]+(\.\d+)?%?)$/u.test(String(r[k] ?? ''))));
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[k] ?? ''))));
  const line = (r: readonly string[]): string => r.map((c, k) => pad(c, widths[k] as number, numeric[k] as boolean)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
