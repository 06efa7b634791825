/**
 * Reads the `@example` blocks of the library's doc comments and turns each into a runnable
 * program that checks its claims.
 *
 * A block runs from `@example` to the next block tag (`@category`, `@param`, …) or the end of the
 * comment; the leading ` * ` of each line is stripped. A claim is a comment `// => VALUE` at the end
 * of a statement's last line (or alone on the line right below it), in one of these forms:
 *
 * - `EXPR; // => VALUE`: the value of `EXPR` deeply equals the value of `VALUE`;
 * - `const x = EXPR; // => VALUE` (or `let`): the value bound to `x` deeply equals `VALUE`;
 * - `console.log(a, b); // => A B`: each argument equals the value at its place in `VALUE` (the
 *   values are separated by spaces outside brackets and strings);
 * - `if (COND) EXPR; // => VALUE`: `COND` holds and `EXPR` equals `VALUE` (a type guard in front of
 *   a claim).
 *
 * `VALUE` is JavaScript, evaluated in the example's scope (so `// => m.to - m.from` is a claim); a
 * remark in parentheses after a space, as in `// => false (no root)`, is not part of it, and a value
 * that is not complete on its line continues on the comment lines below. A statement followed by
 * `// throws` must throw; `// throws: TEXT` also requires `TEXT` in the error's message. A claim in
 * any other form, or one that does not follow a statement, is reported: no claim goes unchecked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import ts from 'typescript';

/** One `@example` block of a doc comment. */
export interface Example {
  /** The source file, relative to the repository. */
  readonly file: string;
  /** The declaration the comment documents (its name, or its first line when it has none). */
  readonly declaration: string;
  /** The line of the file where the example's code starts (1-based). */
  readonly line: number;
  /** The example's code, without the comment's leading ` * `. */
  readonly code: string;
}

/** A claim found in an example, as the runner reports it. */
export interface Claim {
  /** The line of the source file. */
  readonly line: number;
  /** The text of the line, trimmed. */
  readonly text: string;
}

/** An example made ready to run. */
export interface Program {
  /** JavaScript: a block that calls `__claim`, `__claimEach` and `__throws` for its claims. */
  readonly js: string;
  /** The claims, indexed by the first argument of those calls. */
  readonly claims: readonly Claim[];
  /** Claims that could not be understood: each fails the example. */
  readonly problems: readonly string[];
}

/** Every `.ts` file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** The name of the declaration that starts the text after a doc comment. */
function declarationName(after: string): string {
  const head = after.trimStart();
  const m =
    /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum|namespace)\s+(\w+)/.exec(head) ??
    /^(?:readonly\s+|static\s+|get\s+|set\s+|async\s+)*['"]?([\w$]+)['"]?\??\s*[:(=<]/.exec(head);
  return m?.[1] ?? (head.split('\n')[0] ?? '').trim().slice(0, 60);
}

/** The `@example` blocks of one file's doc comments. */
export function examplesOf(path: string, root: string): Example[] {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path).split('\\').join('/');
  const out: Example[] = [];
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = m[1] as string;
    if (!body.includes('@example')) continue;
    const start = (m.index ?? 0) + 3;
    const declaration = declarationName(text.slice((m.index ?? 0) + m[0].length));
    const lines = body.split('\n');
    const firstLine = lineOf(text, start);
    let current: { line: number; code: string[] } | undefined;
    const flush = (): void => {
      if (current === undefined) return;
      while (current.code.length > 0 && (current.code.at(-1) ?? '').trim() === '') current.code.pop();
      out.push({ file, declaration, line: current.line, code: current.code.join('\n') });
      current = undefined;
    };
    lines.forEach((raw, i) => {
      const stripped = raw.replace(/^\s*\* ?/, '').replace(/^\s*\*$/, '');
      const tag = /^\s*@(\w+)/.exec(stripped);
      if (tag !== null) {
        flush();
        if (tag[1] === 'example') {
          const rest = stripped.replace(/^\s*@example\s*/, '');
          current = { line: firstLine + i + 1, code: [] };
          // text on the tag's own line is the example's title, not code
          if (rest.trim() !== '' && !/^[A-Z][^;=(]*$/.test(rest.trim())) current.code.push(rest);
        }
        return;
      }
      if (current !== undefined) {
        if (current.code.length === 0 && stripped.trim() === '') current.line += 1;
        else current.code.push(stripped);
      }
    });
    flush();
  }
  return out;
}

/** Splits `A B` into the source of each value: spaces outside brackets and strings separate them. */
export function splitValues(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let part = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quote !== undefined) {
      part += ch;
      if (ch === '\\') part += source[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (part !== '') parts.push(part);
      part = '';
    } else part += ch;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/** Whether a source text parses as one JavaScript/TypeScript expression. */
function isExpression(source: string): boolean {
  if (source.trim() === '') return false;
  const f = ts.createSourceFile('claim.ts', `(${source}\n);`, ts.ScriptTarget.Latest, true);
  const diagnostics = (f as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics;
  const statement = f.statements[0];
  return diagnostics.length === 0 && f.statements.length === 1 && statement !== undefined && ts.isExpressionStatement(statement);
}

/** The value part of a claim: the text after `// =>`, without a trailing remark in parentheses. */
export function claimValue(comment: string): string | undefined {
  const value = comment.replace(/^\/\/\s*=>\s*/, '').trim();
  // `false (no root)`: a value, then a remark in parentheses after a space
  const remark = /^(.*?)\s+\([^()]*\)$/.exec(value);
  if (remark !== null && isExpression(remark[1] as string)) return remark[1] as string;
  return isExpression(value) ? value : undefined;
}

/** A claim comment: where it is and what it says (`// =>` or `// throws`, continuation lines joined). */
interface ClaimComment {
  readonly pos: number;
  readonly kind: 'equals' | 'throws';
  readonly text: string;
}

/**
 * Rewrites an example so that it checks its claims, then strips its types. Claims become calls of
 * `__claim(i, actual, () => expected)`, `__claimEach(i, [actuals], () => [expecteds])`,
 * `await __throws(i, async () => { statement })` and `__unreached(i)`, where `i` indexes
 * {@link Program.claims}.
 *
 * A claim is the comment at the end of a statement's last line or, when that line has no comment,
 * the comment line right below it; a value that is not complete on its line continues on the next
 * comment line. `if (COND) EXPR; // => VALUE` claims `VALUE` and that `COND` holds.
 */
export function instrument(example: Example): Program {
  const code = example.code;
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const claims: Claim[] = [];
  const problems: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const codeLines = code.split('\n');
  const attached = new Set<number>();
  const where = (pos: number): string => `${example.file}:${example.line + lineOf(code, pos) - 1}`;

  /** The claim comment of a statement, if any. */
  const claimOf = (statement: ts.Statement): ClaimComment | undefined => {
    const trailing = ts.getTrailingCommentRanges(code, statement.end) ?? [];
    let pos: number;
    if (trailing.length > 0) {
      pos = (trailing[0] as ts.CommentRange).pos;
    } else {
      // the comment line right below the statement
      const eol = code.indexOf('\n', statement.end);
      if (eol < 0 || code.slice(statement.end, eol).trim() !== '') return undefined;
      const next = /^[ \t]*/.exec(code.slice(eol + 1)) as RegExpExecArray;
      pos = eol + 1 + next[0].length;
    }
    const line = code.slice(pos, code.indexOf('\n', pos) < 0 ? code.length : code.indexOf('\n', pos));
    const kind = /^\/\/\s*=>/.test(line) ? 'equals' : /^\/\/\s*throws\b/.test(line) ? 'throws' : undefined;
    if (kind === undefined) return undefined;
    let text = line;
    if (kind === 'equals') {
      // a value continues on the comment lines below until it is complete
      let end = pos + line.length;
      while (claimValue(text) === undefined) {
        const m = /^\n[ \t]*(\/\/[^\n]*)/.exec(code.slice(end));
        if (m === null || /^\/\/\s*=>/.test(m[1] as string)) break;
        text += ` ${(m[1] as string).replace(/^\/\/\s*/, '')}`;
        end += m[0].length;
      }
    }
    return { pos, kind, text };
  };

  const register = (comment: ClaimComment): number => {
    attached.add(comment.pos);
    const line = lineOf(code, comment.pos);
    claims.push({ line: example.line + line - 1, text: (codeLines[line - 1] ?? '').trim() });
    return claims.length - 1;
  };

  /** The check of `EXPR; // => VALUE` (or `console.log(…)`), or undefined with a problem noted. */
  const checkOf = (expression: ts.Expression, i: number, value: string, comment: ClaimComment): string | undefined => {
    const e = expression;
    const isLog = ts.isCallExpression(e) && e.expression.getText(source) === 'console.log';
    if (isLog && e.arguments.length > 1) {
      const values = splitValues(value);
      if (values.length !== e.arguments.length || !values.every(isExpression)) {
        problems.push(`${where(comment.pos)}: the claim does not give one value per argument of console.log: ${comment.text}`);
        return undefined;
      }
      return `__claimEach(${i}, [${e.arguments.map((a) => a.getText(source)).join(', ')}], () => [${values.join(', ')}]);`;
    }
    const inner = isLog && e.arguments.length === 1 ? (e.arguments[0] as ts.Expression) : e;
    return `__claim(${i}, (${inner.getText(source)}), () => (${value}));`;
  };

  const onStatement = (statement: ts.Statement): void => {
    const comment = claimOf(statement);
    if (comment === undefined) return;
    const i = register(comment);
    const start = statement.getStart(source);
    if (comment.kind === 'throws') {
      const message = /^\/\/\s*throws:\s*(.*)$/.exec(comment.text)?.[1]?.trim() ?? '';
      edits.push({ start, end: statement.end, text: `await __throws(${i}, async () => { ${statement.getText(source)} }, ${JSON.stringify(message)});` });
      return;
    }
    const target = ts.isExpressionStatement(statement)
      ? statement.expression
      : ts.isIfStatement(statement) && ts.isExpressionStatement(statement.thenStatement)
        ? statement.thenStatement.expression
        : undefined;
    const logged = target !== undefined && ts.isCallExpression(target) && target.expression.getText(source) === 'console.log' && target.arguments.length > 1;
    // console.log(a, b) claims one value per argument, separated by spaces
    const value = logged ? comment.text.replace(/^\/\/\s*=>\s*/, '').trim() : claimValue(comment.text);
    if (value === undefined) {
      problems.push(`${where(comment.pos)}: the claim is not a JavaScript value: ${comment.text}`);
      return;
    }
    if (ts.isExpressionStatement(statement)) {
      const check = checkOf(statement.expression, i, value, comment);
      if (check !== undefined) edits.push({ start, end: statement.end, text: check });
    } else if (ts.isIfStatement(statement) && statement.elseStatement === undefined && ts.isExpressionStatement(statement.thenStatement)) {
      const check = checkOf(statement.thenStatement.expression, i, value, comment);
      if (check !== undefined) edits.push({ start, end: statement.end, text: `if (${statement.expression.getText(source)}) { ${check} } else __unreached(${i});` });
    } else if (ts.isVariableStatement(statement)) {
      const names = statement.declarationList.declarations.map((d) => d.name);
      const last = names.at(-1);
      if (names.length !== 1 || last === undefined || !ts.isIdentifier(last)) {
        problems.push(`${where(comment.pos)}: a claim on a declaration needs one plain name: ${statement.getText(source)}`);
        return;
      }
      edits.push({ start: statement.end, end: statement.end, text: ` __claim(${i}, ${last.text}, () => (${value}));` });
    } else {
      problems.push(`${where(comment.pos)}: a claim follows an expression, a declaration or \`if (…) expression\`: ${statement.getText(source)}`);
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) onStatement(statement);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  // every `// =>` and `// throws` comment must belong to a statement
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const comment = scanner.getTokenText();
    const pos = scanner.getTokenStart();
    if (/^\/\/\s*(=>|throws\b)/.test(comment) && !attached.has(pos)) {
      problems.push(`${where(pos)}: the claim does not follow a statement: ${comment}`);
    }
  }

  let rewritten = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  let js = '';
  try {
    js = transformSync(`{\n${rewritten}\n}`, { loader: 'ts', format: 'esm' }).code;
  } catch (error) {
    problems.push(`${example.file}:${example.line}: the example does not parse: ${(error as Error).message}`);
  }
  return { js, claims, problems };
}
