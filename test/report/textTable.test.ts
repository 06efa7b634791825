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
