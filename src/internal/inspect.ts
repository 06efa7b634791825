/**
 * @internal Short summaries of large values where Node prints them (`console.log`, the REPL,
 * `util.inspect`): Node looks a value's `Symbol.for('nodejs.util.inspect.custom')` method up and
 * prints what it returns. Nothing here imports Node: browsers never call these methods. The methods
 * are non-enumerable or sit on a prototype, so they are not data: JSON, `structuredClone` and deep
 * equality do not see them.
 */

/** @internal The key Node's `util.inspect` looks for. */
export const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** @internal The part of Node's inspect options read here. */
export interface InspectOptions {
  readonly depth?: number | null;
  readonly breakLength?: number;
  readonly stylize?: (text: string, style: string) => string;
}

/** @internal Node's `util.inspect`, as passed to a custom inspect method. */
export type InspectFn = (value: unknown, options?: object) => string;

/** @internal What a summary shows: a name, then fields as `key: text`. */
export type Summary = readonly (readonly [key: string, text: string])[];

/** @internal A whole number with thousands separators, as `1,207,809`. */
export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * @internal Renders `Name { key: text, key: text }`, on one line when it fits the break length
 * (80 by default), else with the fields packed onto indented lines.
 */
export function renderSummary(name: string, fields: Summary, options: InspectOptions = {}, more = false): string {
  const style = options.stylize ?? ((s: string) => s);
  const items = fields.map(([k, v]) => `${k}: ${/^[−-]?[\d,.]+%?$/u.test(v) ? style(v, 'number') : v}`);
  if (more) items.push('…');
  const plain = fields.map(([k, v]) => `${k}: ${v}`).concat(more ? ['…'] : []);
  const width = options.breakLength ?? 80;
  const oneLine = `${name} { ${plain.join(', ')} }`;
  if (oneLine.length <= width || items.length === 0) return `${name} { ${items.join(', ')} }`;
  const lines: string[] = [];
  let line = '';
  let lineLength = 0;
  for (let i = 0; i < items.length; i++) {
    const item = `${items[i] as string}${i < items.length - 1 ? ',' : ''}`;
    const length = (plain[i] as string).length + 1;
    if (line !== '' && 2 + lineLength + 1 + length > width) {
      lines.push(line);
      line = '';
      lineLength = 0;
    }
    line = line === '' ? item : `${line} ${item}`;
    lineLength += (lineLength === 0 ? 0 : 1) + length;
  }
  if (line !== '') lines.push(line);
  return `${name} {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
}

/**
 * @internal Gives a value a summary where Node prints it: defines its inspect method, not
 * enumerable (call it before freezing the value). Returns the value.
 */
export function withSummary<T extends object>(value: T, show: SummaryMethod<T>): T {
  if (Object.isExtensible(value)) Object.defineProperty(value, INSPECT, { value: inspectMethod(show) });
  return value;
}

/**
 * @internal A summary method: the value, the depth left below it (`Infinity` when unlimited;
 * below 0 the value sits deeper than Node shows), Node's options and Node's `inspect`.
 */
export type SummaryMethod<T> = (value: T, depth: number, options: InspectOptions, inspect: InspectFn | undefined) => string;

/** @internal The method Node calls, from a summary method. */
export function inspectMethod<T>(show: SummaryMethod<T>): (this: T, depth: number | null, options: InspectOptions, inspect?: InspectFn) => string {
  return function (this: T, depth: number | null, options: InspectOptions, inspect?: InspectFn): string {
    return show(this, depth === null || depth === undefined ? Infinity : depth, options ?? {}, inspect);
  };
}
