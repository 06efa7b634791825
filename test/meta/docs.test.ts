import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
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

/**
 * For each exported function (and each constructor of an exported class) of a file: its name, its
 * parameters, whether it returns something, and the `@param` names and `@returns` of its doc comment.
 */
function signatures(file: string): { name: string; params: string[]; returns: boolean; documented: string[]; hasReturns: boolean; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: ReturnType<typeof signatures> = [];
  const exported = (node: ts.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const describe = (node: ts.SignatureDeclaration, name: string): void => {
    const tags = ts.getJSDocTags(node);
    const type = node.type?.getText(source);
    out.push({
      name,
      params: node.parameters.map((p) => p.name.getText(source)),
      returns: !ts.isConstructorDeclaration(node) && type !== 'void' && type !== 'Promise<void>',
      documented: tags.filter(ts.isJSDocParameterTag).map((t) => t.name.getText(source)),
      hasReturns: tags.some((t) => t.tagName.text === 'returns' || t.tagName.text === 'return'),
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    });
  };
  for (const statement of source.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) describe(statement, statement.name.text);
    if (ts.isClassDeclaration(statement) && statement.name !== undefined)
      for (const member of statement.members) if (ts.isConstructorDeclaration(member)) describe(member, `${statement.name.text} constructor`);
  }
  return out;
}

describe('documentation', () => {
  // values from the module, types from the export lists of the entry points (src/entries/*.ts)
  const entries = join(import.meta.dirname, '../../src/entries');
  const index = readdirSync(entries)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(entries, f), 'utf8'))
    .join('\n');
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

  // the public functions, each in the module an entry takes it from (`export { a, b } from '../x.js'`)
  const origin = new Map<string, string>();
  for (const m of index.matchAll(/export (?:type )?\{([^}]*)\} from '([^']+)'/g))
    for (const name of (m[1] as string).split(',').map((n) => n.trim()).filter(Boolean))
      origin.set(name, join(entries, (m[2] as string).replace(/\.js$/, '.ts')));
  const publicFunctions = files.flatMap((file) =>
    signatures(file)
      .filter((s) => origin.get(s.name.replace(/ constructor$/, '')) === file)
      .map((s) => ({ ...s, file })),
  );

  it('finds the public functions', () => {
    expect(publicFunctions.length).toBeGreaterThan(120);
  });

  it('documents every parameter and the result of every public function', () => {
    const problems = publicFunctions.flatMap(({ file, ...s }) => {
      const where = `${s.name} (${file.slice(file.indexOf('src'))}:${s.line})`;
      return [
        ...s.params.filter((p) => !s.documented.includes(p)).map((p) => `${where}: no @param ${p}`),
        ...s.documented.filter((p) => !s.params.includes(p)).map((p) => `${where}: @param ${p} names no parameter`),
        ...(s.returns && !s.hasReturns ? [`${where}: no @returns`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });
});
