import { instantAt, type Day } from '../core/day.js';
import type { EventId, OrgId, PersonId } from '../core/ids.js';
import type { LedgerEvent } from '../ledger/events.js';
import type { Household, Person } from '../people/person.js';
import type { County } from '../synthetic/county.js';

/**
 * The events that bring a generated county into a new ledger: its units, its people and households
 * unit by unit (as each village's register is filed), and its command structure, all recorded on the
 * county's as-of day by the head of the headquarters.
 *
 * @param county - The county, from {@link generateCounty}.
 * @returns The events that register it: units, people, households and the command structure.
 * @example
 * const ledger = replay(countyEvents(county));
 * ledger.households.size; // => county.households.length
 * @category Simulation
 */
export function countyEvents(county: County): LedgerEvent[] {
  const at = instantAt(county.asOf as Day, '08:00');
  const by = county.command.headquarters.commander as PersonId;
  let n = 0;
  const id = (): EventId => `reg-${String(++n).padStart(6, '0')}` as EventId;
  const events: LedgerEvent[] = [{ type: 'unitsAdded', id: id(), at, by, units: [...county.units] }];
  const peopleByUnit = new Map<OrgId, Person[]>();
  for (const p of county.people) {
    const list = peopleByUnit.get(p.unitId);
    if (list === undefined) peopleByUnit.set(p.unitId, [p]);
    else list.push(p);
  }
  const householdsByUnit = new Map<OrgId, Household[]>();
  for (const h of county.households) {
    const list = householdsByUnit.get(h.unitId);
    if (list === undefined) householdsByUnit.set(h.unitId, [h]);
    else list.push(h);
  }
  for (const [, people] of peopleByUnit) events.push({ type: 'peopleRegistered', id: id(), at, by, people });
  for (const [, households] of householdsByUnit) events.push({ type: 'householdsRegistered', id: id(), at, by, households });
  events.push({ type: 'commandSet', id: id(), at, by, command: county.command });
  return events;
}
