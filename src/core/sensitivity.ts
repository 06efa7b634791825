import { z } from 'zod';
import { Sensitivity } from './vocabulary.js';

/**
 * What the schemas say of a sensitive field: the kind of personal data it holds.
 *
 * @example
 * const m: SensitiveMeta = { sensitivity: 'phone' };
 * @category Privacy
 */
export interface SensitiveMeta {
  /** The kind of personal data. */
  readonly sensitivity: Sensitivity;
}

/**
 * The registry of sensitive schemas: every field of the library's record schemas that holds
 * personal data is registered here with its {@link Sensitivity}. Read it with
 * {@link sensitivityOf} or {@link sensitiveFields}.
 *
 * @example
 * SENSITIVE.get(Phone)?.sensitivity; // => 'phone'
 * @category Privacy
 */
export const SENSITIVE = z.registry<SensitiveMeta>();

/**
 * Marks a schema as holding personal data of a kind and returns it. A schema shared by many fields
 * (the phone number, the resident id) is marked once and is sensitive wherever it is used; mark a
 * fresh schema for one field.
 *
 * @param schema - The schema to mark.
 * @param sensitivity - The kind of personal data it holds.
 * @returns The same schema, now marked.
 * @example
 * const Nickname = sensitive(z.string(), 'name');
 * sensitivityOf(Nickname); // => 'name'
 * @category Privacy
 */
export function sensitive<S extends z.ZodType>(schema: S, sensitivity: Sensitivity): S {
  SENSITIVE.add(schema as z.ZodType, { sensitivity });
  return schema;
}

/**
 * The kind of personal data a schema holds, looking through `optional`, `nullable` and `default`;
 * `undefined` when it is not marked.
 *
 * @param schema - A schema, perhaps wrapped (optional, nullable, default, …).
 * @returns Its kind of personal data, or `undefined`.
 * @example
 * sensitivityOf(Person.shape.residentId); // => 'residentId'
 * sensitivityOf(Person.shape.unitId); // => undefined
 * @category Privacy
 */
export function sensitivityOf(schema: z.ZodType): Sensitivity | undefined {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s !== undefined && depth < 8; depth++) {
    const meta = SENSITIVE.get(s);
    if (meta !== undefined) return meta.sensitivity;
    s = inner(s);
  }
  return undefined;
}

/** The schema inside a wrapper (optional, nullable, default, readonly), if any. */
function inner(schema: z.ZodType): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  return def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly' || def.type === 'nonoptional' || def.type === 'catch' || def.type === 'prefault'
    ? def.innerType
    : undefined;
}

/**
 * A sensitive field of a schema: its path (`'*'` for each element of an array) and its kind.
 *
 * @example
 * const f: SensitiveField = sensitiveFields(Person)[0];
 * f.path; // => ['name']
 * @category Privacy
 */
export interface SensitiveField {
  /** Where the field is, from the record's root; `'*'` stands for every element of an array. */
  readonly path: readonly string[];
  /** The kind of personal data. */
  readonly sensitivity: Sensitivity;
}

/**
 * Every sensitive field of a schema, found by walking its objects, arrays and unions: what a
 * reviewer reads to know what a record (or an event) holds. {@link redact} treats each of these
 * kinds in the ledger's records.
 *
 * @param schema - A record's or an event's schema.
 * @returns Its sensitive fields, in the order of the schema.
 * @example
 * sensitiveFields(Person).map((f) => f.path.join('.'));
 * // => ['name', 'birthDate', 'residentId', 'phone', 'observation']
 * sensitiveFields(Observation).map((f) => `${f.path.join('.')}: ${f.sensitivity}`);
 * // => ['setting: observation', 'category: health', 'contactOf: health', 'changes.*.reason: freeText', 'exposures.*.day: health',
 * //     'readings.*.celsius: health', 'escalation.celsius: health', 'ended.reason: freeText']
 * @category Privacy
 */
export function sensitiveFields(schema: z.ZodType): SensitiveField[] {
  const out: SensitiveField[] = [];
  const seen = new Set<string>();
  const walk = (s: z.ZodType, path: string[], depth: number): void => {
    if (depth > 12) return;
    const kind = sensitivityOf(s);
    if (kind !== undefined) {
      const key = path.join('.');
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ path, sensitivity: kind });
      }
      return;
    }
    let t: z.ZodType | undefined = s;
    while (t !== undefined && inner(t) !== undefined) t = inner(t);
    if (t === undefined) return;
    const def = (t as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] } } })._zod.def;
    if (def.type === 'object' && def.shape !== undefined) for (const [k, v] of Object.entries(def.shape)) walk(v, [...path, k], depth + 1);
    else if (def.type === 'array' && def.element !== undefined) walk(def.element, [...path, '*'], depth + 1);
    else if (def.type === 'union' && def.options !== undefined) for (const o of def.options) walk(o, path, depth + 1);
  };
  walk(schema, [], 0);
  return out;
}
