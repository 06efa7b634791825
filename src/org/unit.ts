import { z } from 'zod';
import { Day } from '../core/day.js';
import { OrgId } from '../core/ids.js';
import { Leadership, PartyForm, UnitKind } from '../core/vocabulary.js';

/**
 * The Party organization a unit forms, if it forms one: its form, how its leaders come to office,
 * its committee and the approvals it holds.
 *
 * @example
 * PartyOrganization.parse({ form: 'branch', leadership: 'elected', committeeSize: 3 });
 * @category Organization
 */
export const PartyOrganization = z
  .object({
    /** The organization's form: committee, general branch, branch, joint branch or group. */
    form: PartyForm,
    /** Elected by members, or appointed by the higher organization (temporary branches). */
    leadership: Leadership,
    /** Members of its committee; absent or 0 when it has a secretary (and perhaps a deputy) only. */
    committeeSize: z.number().int().min(0).max(15).optional(),
    /** The higher organization that approved a form below its size, a village committee or a temporary branch. */
    approvedBy: OrgId.optional(),
    /** For a joint branch: the other units whose members it gathers. */
    jointUnits: z.array(OrgId).optional(),
    /** For a temporary branch: true when it admits members (needs higher approval). */
    admitsMembers: z.boolean().optional(),
    /** For a temporary branch that admits members: the organization that approved admission. */
    admissionApprovedBy: OrgId.optional(),
  })
  .strict();
/**
 * A unit's Party organization.
 *
 * @interface
 * @category Organization
 */
export type PartyOrganization = z.infer<typeof PartyOrganization>;

/**
 * One unit of the organization tree: the county, a subdistrict, town or township, a village or community,
 * an institution, or a team or temporary body under one of them.
 *
 * @example
 * OrgUnit.parse({ id: 'yc', name: '岳池县', kind: 'county', parentId: null, divisionCode: '511621' });
 * @category Organization
 */
export const OrgUnit = z
  .object({
    /** Unique id of the unit. */
    id: OrgId,
    /** Its name, as written locally (Chinese). */
    name: z.string().min(1),
    /** What kind of unit it is. */
    kind: UnitKind,
    /** The unit it belongs to; `null` for the root (the county). */
    parentId: OrgId.nullable(),
    /** GB/T 2260 division code: 6 digits for a county, 12-digit statistical code below it. */
    divisionCode: z
      .string()
      .regex(/^\d{6}(\d{6})?$/, 'a division code has 6 or 12 digits')
      .optional(),
    /** The day it opened; absent when it always existed. */
    opened: Day.optional(),
    /** The day it closed; absent while open. */
    closed: Day.optional(),
    /** The Party organization it forms, if any. */
    party: PartyOrganization.optional(),
    /** For a temporary branch or commando team: the task body it serves and dissolves with. */
    taskBodyId: OrgId.optional(),
  })
  .strict();
/**
 * One unit of the organization tree.
 *
 * @interface
 * @category Organization
 */
export type OrgUnit = z.infer<typeof OrgUnit>;

/**
 * The kinds of the township level (乡级): subdistrict (街道), town (镇) and township (乡).
 *
 * @example
 * TOWNSHIP_LEVEL; // => ['subdistrict', 'town', 'township']
 * @category Organization
 */
export const TOWNSHIP_LEVEL: readonly UnitKind[] = Object.freeze(['subdistrict', 'town', 'township'] as const);

/**
 * True for a unit kind of the township level: a subdistrict (街道), a town (镇) or a township (乡).
 *
 * @param kind - A unit kind.
 * @returns True when the kind is of the township level.
 * @example
 * isTownshipLevel('town'); // => true
 * isTownshipLevel('village'); // => false
 * @category Organization
 */
export function isTownshipLevel(kind: UnitKind): boolean {
  return kind === 'town' || kind === 'township' || kind === 'subdistrict';
}

const AREA: readonly UnitKind[] = ['county', ...TOWNSHIP_LEVEL];
const PLACE: readonly UnitKind[] = ['county', ...TOWNSHIP_LEVEL, 'village', 'community', 'institution'];

/**
 * For each kind of unit, the kinds of parent it may have (`county` is the root and has none).
 *
 * @example
 * PARENT_KINDS.village; // => ['subdistrict', 'town', 'township']
 * @category Organization
 */
export const PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  county: [],
  subdistrict: ['county'],
  town: ['county'],
  township: ['county'],
  village: TOWNSHIP_LEVEL,
  community: TOWNSHIP_LEVEL,
  institution: ['county', ...TOWNSHIP_LEVEL, 'institution'],
  temporaryBranch: PLACE,
  commandoTeam: PLACE,
  volunteerTeam: PLACE,
  disinfectionTeam: [...AREA, 'institution'],
};

/**
 * True when a unit is open on a day (opened on or before it, not closed on or before it).
 *
 * @param unit - The unit.
 * @param day - The day.
 * @returns True when the unit has opened by the day and not closed on or before it.
 * @example
 * isOpenOn({ id: 'x', name: 'x', kind: 'village', parentId: 't', closed: '2020-03-01' } as OrgUnit, '2020-02-01' as Day); // => true
 * @category Organization
 */
export function isOpenOn(unit: OrgUnit, day: Day): boolean {
  return (unit.opened === undefined || unit.opened <= day) && (unit.closed === undefined || unit.closed > day);
}
