import { z } from 'zod';
import { CommandStructure } from '../org/command.js';
import { OrgUnit } from '../org/unit.js';
import { Household, Person } from '../people/person.js';
import { LedgerSettings } from '../store/settings.js';
import { eventBase } from '../store/event.js';

/**
 * Adds organization units to the ledger's tree (the whole tree on a new ledger). The resulting tree
 * must pass `checkOrgTree`.
 *
 * @example
 * UnitsAdded.parse({ type: 'unitsAdded', id: 'e1', at: '2020-01-24T08:00:00+08:00', by: 'p1', units: county.units });
 * @category Events
 */
export const UnitsAdded = z.object({ type: z.literal('unitsAdded'), ...eventBase, /** The new units. */ units: z.array(OrgUnit).min(1) }).strict();
/**
 * The {@link UnitsAdded} event.
 *
 * @interface
 * @category Events
 */
export type UnitsAdded = z.infer<typeof UnitsAdded>;

/**
 * Registers people (residents, cadres, staff) in the ledger. Their units must exist and their ids
 * be new.
 *
 * @example
 * PeopleRegistered.parse({ type: 'peopleRegistered', id: 'e2', at: '2020-01-24T08:00:00+08:00', by: 'p1', people: [{ id: 'p1', name: '张伟', sex: 'male', birthDate: '1980-05-01', unitId: 'wjg', partyStatus: 'fullMember' }] });
 * @category Events
 */
export const PeopleRegistered = z.object({ type: z.literal('peopleRegistered'), ...eventBase, /** The people. */ people: z.array(Person).min(1) }).strict();
/**
 * The {@link PeopleRegistered} event.
 *
 * @interface
 * @category Events
 */
export type PeopleRegistered = z.infer<typeof PeopleRegistered>;

/**
 * Registers households in the household register (户籍台账). Their units and members must exist.
 *
 * @example
 * HouseholdsRegistered.parse({ type: 'householdsRegistered', id: 'e3', at: '2020-01-24T08:00:00+08:00', by: 'p1', households: [{ id: 'h1', unitId: 'wjg', address: '吴家沟村3组12号', members: ['p1'] }] });
 * @category Events
 */
export const HouseholdsRegistered = z
  .object({ type: z.literal('householdsRegistered'), ...eventBase, /** The households. */ households: z.array(Household).min(1) })
  .strict();
/**
 * The {@link HouseholdsRegistered} event.
 *
 * @interface
 * @category Events
 */
export type HouseholdsRegistered = z.infer<typeof HouseholdsRegistered>;

/**
 * Sets the command structure ("1+1+10"), checked against the tree and the people.
 *
 * @example
 * CommandSet.parse({ type: 'commandSet', id: 'e4', at: '2020-01-24T08:00:00+08:00', by: 'p1', command: county.command });
 * @category Events
 */
export const CommandSet = z.object({ type: z.literal('commandSet'), ...eventBase, /** The command structure. */ command: CommandStructure }).strict();
/**
 * The {@link CommandSet} event.
 *
 * @interface
 * @category Events
 */
export type CommandSet = z.infer<typeof CommandSet>;

/**
 * Changes local settings (observation rule edition, misses before lost-to-follow-up, fever line,
 * revisit interval). Only the fields given change.
 *
 * @example
 * SettingsChanged.parse({ type: 'settingsChanged', id: 'e5', at: '2020-01-24T08:00:00+08:00', by: 'p1', settings: { lostAfterMisses: 3 } });
 * @category Events
 */
export const SettingsChanged = z
  .object({ type: z.literal('settingsChanged'), ...eventBase, /** The settings that change. */ settings: LedgerSettings.partial() })
  .strict();
/**
 * The {@link SettingsChanged} event.
 *
 * @interface
 * @category Events
 */
export type SettingsChanged = z.infer<typeof SettingsChanged>;
