import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/internal/plural.js';
import { displayWidth, textTable, wrapText } from '../../src/internal/textTable.js';
import { renderDispatch } from '../../src/index.js';

describe('displayWidth', () => {
  it('counts wide characters twice, ambiguous box-drawing once, combining marks not at all', () => {
    expect(displayWidth('吴家沟村')).toBe(8);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('─…·')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('（１）')).toBe(6);
  });
});

describe('wrapText', () => {
  it('breaks at spaces, inside Chinese where it must, with a hanging indent, never over the width', () => {
    const text = '岳池县普安镇吴家沟村临时检查点 2020-01-31 夜班 the rostered leading cadre is absent today';
    const lines = wrapText(text, 24, '  ');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(24);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.map((l) => l.trim()).join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
  });
  it('puts no closing mark first on a line', () => {
    const text = '马敏玉（县委常委、人武部部长）、岳池县人民医院、岳池县商务局';
    for (let w = 6; w <= 30; w++) {
      const lines = wrapText(text, w);
      expect(lines.join('')).toBe(text);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(w);
      for (const l of lines.slice(1)) expect('，。、）'.includes(l[0] as string), `${w}: ${l}`).toBe(false);
    }
  });
});

describe('textTable', () => {
  const header = ['unit', 'screening', 'requests overdue', 'what'];
  const rows = [
    ['吴家沟村', '100.0%', 3, 'the rostered leading cadre is absent, and the checkpoint has two on duty where the roster has three'],
    ['total', '100.0%', 1234, ''],
  ];
  it('fits a width by wrapping text columns and headers, never numbers', () => {
    const out = textTable(header, rows, 60);
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(out).toContain('1,234');
    expect(out.split('\n').length).toBeGreaterThan(4);
  });
  it('cuts a table of too many number columns into tables that fit, each with the first column', () => {
    const wide = ['unit', ...Array.from({ length: 12 }, (_, k) => `col_${'abcdefghijkl'[k]}`)];
    const data = [['吴家沟村', ...Array.from({ length: 12 }, (_, k) => 1000 * k)], ['total', ...Array.from({ length: 12 }, (_, k) => k)]];
    const out = textTable(wide, data, 60);
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    const parts = out.split('\n\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.split('\n').filter((l) => l.startsWith('吴家沟村'))).toHaveLength(1);
    for (let k = 0; k < 12; k++) expect(out.split(`col_${'abcdefghijkl'[k]}`)).toHaveLength(2);
    expect(out).toContain('11,000');
  });
  it('is unchanged without a width', () => {
    expect(textTable(header, rows).split('\n')).toHaveLength(4);
  });
});

describe('countOf', () => {
  it('says 1 household, 0 and 2 households', () => {
    expect(countOf(1, 'household', 'households')).toBe('1 household');
    expect(countOf(0, 'household', 'households')).toBe('0 households');
    expect(countOf(1234, 'household', 'households')).toBe('1,234 households');
  });
});

describe('renderDispatch width', () => {
  it('refuses a width under 20', () => {
    expect(() => renderDispatch({} as never, { width: 5 })).toThrow(/width/);
  });
});
