import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

/** Every source file of the library. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** For each exported declaration: its name and the doc comment right above it (if any). */
function declarations(file: string): { name: string; doc: string | undefined }[] {
  const text = readFileSync(file, 'utf8');
  const out: { name: string; doc: string | undefined }[] = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:declare )?(?:async )?(?:function|const|class|interface|type|enum) (\w+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ name: m[2] as string, doc: m[1] });
  return out;
}

describe('documentation', () => {
  // values from the module, types from the export lists of the index
  const index = readFileSync(join(import.meta.dirname, '../../src/index.ts'), 'utf8');
  const typeNames = [...index.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => (m[1] as string).split(',').map((n) => n.trim()).filter(Boolean));
  const publicNames = new Set([...Object.keys(api), ...typeNames]);
  const files = sources(join(import.meta.dirname, '../../src'));
  const exported = files.flatMap((f) => declarations(f).map((d) => ({ ...d, file: f })));

  it('finds the public declarations', () => {
    expect(exported.filter((d) => publicNames.has(d.name)).length).toBeGreaterThan(200);
  });

  it('gives every public value and type an example', () => {
    const missing = exported
      .filter((d) => publicNames.has(d.name) && !(d.doc ?? '').includes('@internal'))
      .filter((d) => !(d.doc ?? '').includes('@example'))
      // a type alias sharing its name with a documented schema carries the schema's example
      .filter((d) => !exported.some((o) => o.name === d.name && o !== d && (o.doc ?? '').includes('@example')))
      .map((d) => `${d.name} (${d.file.slice(d.file.indexOf('src'))})`);
    expect(missing).toEqual([]);
  });
});
