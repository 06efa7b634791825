import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CampaignId,
  ClassificationHistory,
  ClockTime,
  Day,
  EventId,
  GroupId,
  HouseholdId,
  Instant,
  OrgId,
  PersonId,
  PostId,
  RecordId,
  SeatId,
  ShiftId,
  SupervisionGroupId,
  Household,
  Observation,
  ObservationSetting,
  Person,
  Phone,
  ResidentIdNumber,
  SENSITIVE,
  ScreeningCategory,
  Sensitivity,
  TravelDeclaration,
  label,
  sensitive,
  sensitiveFields,
  sensitivityOf,
  type SensitiveField,
} from '../../src/index.js';
import { RECORD_SCHEMAS } from '../../src/privacy/redact.js';

/** A field list as `path: kind` strings, in the order given. */
const described = (fields: readonly SensitiveField[]): string[] => fields.map((f) => `${f.path.join('.')}: ${f.sensitivity}`);

describe('sensitiveFields', () => {
  it('lists exactly the name, birth date, resident id, phone and observation of a person', () => {
    expect(described(sensitiveFields(Person))).toEqual(['name: name', 'birthDate: birthDate', 'residentId: residentId', 'phone: phone', 'observation: observation']);
  });

  it('lists the address of a household', () => {
    expect(described(sensitiveFields(Household))).toEqual(['address: address']);
  });

  it('lists the setting, the category and every temperature of an observation, inside arrays and optional objects', () => {
    expect(described(sensitiveFields(Observation)).sort()).toEqual(
      ['setting: observation', 'category: health', 'contactOf: health', 'changes.*.reason: freeText', 'exposures.*.day: health', 'readings.*.celsius: health', 'escalation.celsius: health', 'ended.reason: freeText'].sort(),
    );
    // the paths are arrays of keys, '*' standing for every element of an array
    expect(sensitiveFields(Observation).find((f) => f.path.includes('readings'))?.path).toEqual(['readings', '*', 'celsius']);
  });

  it('lists where a traveller came from and the arrival day, not the day of the declaration', () => {
    expect(described(sensitiveFields(TravelDeclaration)).sort()).toEqual(['arrivalDay: travel', 'from: travel']);
  });

  it('lists the category and the case source of every entry of a classification history', () => {
    expect(described(sensitiveFields(ClassificationHistory))).toEqual(['entries.*.category: health', 'entries.*.source: health']);
  });

  it('gives no field twice and nothing for an unmarked schema', () => {
    for (const schema of [Person, Household, Observation, TravelDeclaration, ClassificationHistory]) {
      const keys = sensitiveFields(schema).map((f) => f.path.join('.'));
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(sensitiveFields(z.object({ a: z.string(), b: z.array(z.number()) }))).toEqual([]);
  });
});

describe('sensitivityOf', () => {
  it('reads the kind of a marked field, looking through optional (and other wrappers)', () => {
    expect(sensitivityOf(Person.shape.name)).toBe('name');
    expect(sensitivityOf(Person.shape.birthDate)).toBe('birthDate');
    // residentId and phone are optional fields of a person
    expect(sensitivityOf(Person.shape.residentId)).toBe('residentId');
    expect(sensitivityOf(Person.shape.phone)).toBe('phone');
    expect(sensitivityOf(Phone)).toBe('phone');
    expect(sensitivityOf(ResidentIdNumber)).toBe('residentId');
    expect(sensitivityOf(Phone.optional())).toBe('phone');
    expect(sensitivityOf(Phone.nullable().optional())).toBe('phone');
    expect(sensitivityOf(Phone.default('13812341234'))).toBe('phone');
    expect(sensitivityOf(Household.shape.address)).toBe('address');
  });

  it('gives undefined for an unmarked schema', () => {
    expect(sensitivityOf(Person.shape.unitId)).toBeUndefined();
    expect(sensitivityOf(Person.shape.sex)).toBeUndefined();
    expect(sensitivityOf(z.string())).toBeUndefined();
    expect(sensitivityOf(z.string().optional())).toBeUndefined();
    expect(sensitivityOf(TravelDeclaration.shape.declaredOn)).toBeUndefined();
    expect(sensitivityOf(Observation.shape.fromDay)).toBeUndefined();
  });

  it('marks a fresh schema, and only that schema', () => {
    const Nickname = sensitive(z.string(), 'name');
    expect(sensitivityOf(Nickname)).toBe('name');
    expect(sensitivityOf(Nickname.optional())).toBe('name');
    expect(SENSITIVE.get(Nickname)).toEqual({ sensitivity: 'name' });
    // another z.string() is not affected
    expect(sensitivityOf(z.string())).toBeUndefined();
    // and a field declared with it is found
    expect(described(sensitiveFields(z.object({ nick: Nickname.optional(), n: z.number() })))).toEqual(['nick: name']);
  });

  it('does not mark Day itself: marking the birth date must not mark every day', () => {
    expect(sensitivityOf(Day)).toBeUndefined();
    expect(sensitivityOf(Day.optional())).toBeUndefined();
    expect(SENSITIVE.get(Day)).toBeUndefined();
    // nor the shared vocabularies behind the observation's setting and category
    expect(sensitivityOf(ScreeningCategory)).toBeUndefined();
    expect(sensitivityOf(ObservationSetting)).toBeUndefined();
    // a record with a plain Day field has no sensitive field
    expect(sensitiveFields(z.object({ day: Day, maybe: Day.optional() }))).toEqual([]);
  });
});

describe('Sensitivity labels', () => {
  it('gives every kind of personal data a Chinese and an English label', () => {
    expect(Sensitivity.options.length).toBeGreaterThanOrEqual(8);
    const zh = new Set<string>();
    const en = new Set<string>();
    for (const value of Sensitivity.options) {
      const z1 = label(value, 'zh-CN', 'sensitivity');
      const e1 = label(value, 'en', 'sensitivity');
      expect(z1.length, value).toBeGreaterThan(0);
      expect(e1.length, value).toBeGreaterThan(0);
      expect(z1, value).toMatch(/[\u4e00-\u9fff]/);
      expect(e1, value).toMatch(/^[\x20-\x7e]+$/);
      zh.add(z1);
      en.add(e1);
    }
    // no two kinds share a label
    expect(zh.size).toBe(Sensitivity.options.length);
    expect(en.size).toBe(Sensitivity.options.length);
    expect(label('phone', 'zh-CN', 'sensitivity')).toBe('手机号码');
    expect(label('residentId', 'en', 'sensitivity')).toBe('resident id');
  });

  it('labels every kind a schema marks', () => {
    for (const schema of [Person, Household, Observation, TravelDeclaration, ClassificationHistory])
      for (const f of sensitiveFields(schema)) expect(() => label(f.sensitivity, 'en', 'sensitivity')).not.toThrow();
  });
});

describe('the record schemas of the ledger', () => {
  /** The schemas of references, days, instants and clock times: strings that say nothing in words. */
  const CODED = new Set<z.ZodType>([CampaignId, EventId, GroupId, HouseholdId, OrgId, PersonId, RecordId, SupervisionGroupId, PostId, SeatId, ShiftId, Day, Instant, ClockTime]);
  const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch', 'prefault']);

  /** The paths of the string fields of a schema that are neither marked sensitive nor coded. */
  function wordFields(schema: z.ZodType, path: string[] = [], out: string[] = []): string[] {
    if (sensitivityOf(schema) !== undefined || CODED.has(schema)) return out;
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (WRAPPERS.has(def.type)) wordFields(def['innerType'] as z.ZodType, path, out);
    else if (def.type === 'object') for (const [k, v] of Object.entries(def['shape'] as Record<string, z.ZodType>)) wordFields(v, [...path, k], out);
    else if (def.type === 'array') wordFields(def['element'] as z.ZodType, [...path, '*'], out);
    else if (def.type === 'record') wordFields(def['valueType'] as z.ZodType, [...path, '{}'], out);
    else if (def.type === 'union') for (const o of def['options'] as z.ZodType[]) wordFields(o, path, out);
    else if (def.type === 'string' && !out.includes(path.join('.'))) out.push(path.join('.'));
    return out;
  }

  it('mark every field written in words as sensitive, except the names of things', () => {
    const words = Object.entries(RECORD_SCHEMAS).flatMap(([table, schema]) => wordFields(schema).map((p) => `${table}.${p}`));
    // names of campaigns, sites, posts and shifts, a cadre's post (县委书记), a rule edition: no one's personal data.
    // A new field written in words lands here: mark it sensitive(…, 'freeText') so that redact scrubs it.
    expect(words.sort()).toEqual([
      'campaigns.name',
      'observations.edition',
      'people.post',
      'posts.name',
      'posts.shifts.*.name',
      'rosters.shifts.{}.*.name',
      'sites.name',
    ]);
  });
});
