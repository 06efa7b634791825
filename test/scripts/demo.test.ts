import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { generateCounty } from '../../src/index.js';
import { displayWidth } from '../../src/internal/textTable.js';

// `npm run demo` at a small scale, in both locales, as a user sees it with its output piped to a
// file (no terminal, so 80 columns): every line fits, and each run speaks one language
const root = fileURLToPath(new URL('../..', import.meta.url));
const SCALE = 0.01;

/** What the demo prints to its standard output. */
function demo(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env['COLUMNS'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--scale', String(SCALE), '--store', 'memory', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`the demo exited with ${code}: ${err}`))));
  });
}

const HAN = /\p{Script=Han}+/gu;
/** Chinese punctuation and fullwidth forms. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;

describe('the demo', () => {
  let en = '';
  let zh = '';
  /** Every person's and place's name of the county the demo makes, one a line. */
  let names = '';

  beforeAll(async () => {
    [en, zh] = await Promise.all([demo('--locale', 'en'), demo()]);
    const county = generateCounty({ seed: 2020, scale: SCALE });
    names = ['', county.name, ...county.units.map((u) => u.name), ...county.people.map((p) => p.name), ''].join('\n');
  }, 120_000);

  it.each([
    ['en', () => en],
    ['zh-CN', () => zh],
  ])('fits 80 columns when not on a terminal (%s)', (_, output) => {
    const lines = output().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    const wide = lines.filter((l) => displayWidth(l) > 80);
    expect(wide, wide.join('\n')).toEqual([]);
  });

  it('in English, shows Chinese only in names of people and places', () => {
    expect(en).toContain('Supervision:');
    const foreign = new Set<string>();
    for (const line of en.split('\n')) {
      if (CJK_PUNCTUATION.test(line)) foreign.add(line);
      for (const [run] of line.matchAll(HAN)) {
        // a name, or a part of one where a narrow column broke it; a masked name (杨某) is a name
        const name = run.replace(/某$/u, '');
        if (name === '' || !names.includes(name)) foreign.add(`${run} in: ${line}`);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('in Chinese, shows English only in ids, codes, function names and units', () => {
    expect(zh).toContain('督导检查');
    const foreign = new Set<string>();
    // the sources of the reality check (来源：[1] …, wrapped under an indent): a publication is cited by
    // its title in its own language
    let citing = false;
    for (const line of zh.split('\n')) {
      citing = line.startsWith('来源：') || (citing && line.startsWith('  '));
      if (citing) continue;
      // a function of the library named in brackets, such as 生成县（generateCounty）
      const rest = line.replace(/（([A-Za-z]+)）/gu, (m, fn: string) => (Object.hasOwn(library, fn) ? '' : m));
      for (const [token] of rest.matchAll(/[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu)) {
        if (!/[A-Za-z]/u.test(token)) continue;
        // ids, dates, paths and options carry digits or punctuation: insp-2020-01-27-sg-02-3/staff, out/dispatch-2020-02-07.html, --store
        if (/[\d\-_./]/u.test(token)) continue;
        // the library's name, a unit, and the value of the --store option
        if (['frontline', 'MB', 'memory'].includes(token)) continue;
        foreign.add(`${token} in: ${line}`);
      }
    }
    expect([...foreign]).toEqual([]);
  });

  it('counts in English take their plural by the count', () => {
    expect(en).not.toMatch(/(?<![\d,.])1 (households|visits|findings|inspections|seats|records|members|people|days|posts|cadres|sites|tasks|hours)\b/u);
  });
});
