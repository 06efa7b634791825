import { isDraft, original } from 'immer';
import type { Issue } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import { checkCommand } from '../org/command.js';
import { structuralIssues, indexTree } from '../org/tree.js';
import type { Person } from '../people/person.js';
import type { OrgUnit } from '../org/unit.js';
import type { CommandSet, HouseholdsRegistered, PeopleRegistered, SettingsChanged, UnitsAdded } from './events.js';
import { tableGet, tableHas, tableSet } from '../store/table.js';
import { problem, type Effect } from '../store/effect.js';
import type { JournalTables } from '../store/journal.js';
import type { RegisterTables } from './tables.js';

/** The parts of a ledger these effects read and change. */
type State = JournalTables & RegisterTables;

/** @internal The distinct units of a batch of records. */
function distinct(ids: readonly OrgId[]): OrgId[] {
  return [...new Set(ids)];
}

export const unitsAdded: Effect<State, UnitsAdded> = {
  check: (state, e) => {
    const combined = [...state.units, ...e.units];
    const existing = state.units.length;
    return structuralIssues(combined).map((i) => {
      const at = i.path[0];
      return typeof at === 'number' && at >= existing ? { ...i, path: ['units', at - existing, ...i.path.slice(1)] } : { ...i, path: ['units', ...i.path] };
    });
  },
  scope: () => ({ units: [], action: 'command' }),
  recipe: (state, e, ctx) => {
    // the tree outlives the recipe: index the original units, never drafts of them
    const prev: readonly OrgUnit[] = isDraft(state.units) ? (original(state.units as unknown as object) as unknown as readonly OrgUnit[]) : state.units;
    const units = [...prev, ...e.units];
    state.units = units;
    ctx.tree = indexTree(units);
  },
};

export const peopleRegistered: Effect<State, PeopleRegistered> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    e.people.forEach((p, i) => {
      if (tableHas(state.people, p.id) || seen.has(p.id)) issues.push(problem('duplicate_id', `person '${p.id}' is already registered`, 'people', i, 'id'));
      seen.add(p.id);
      if (!ctx.tree.indexOf.has(p.unitId)) issues.push(problem('unknown_unit', `unknown unit '${p.unitId}' of person '${p.id}'`, 'people', i, 'unitId'));
      (p.assignments ?? []).forEach((a, k) => {
        if (!ctx.tree.indexOf.has(a)) issues.push(problem('unknown_unit', `unknown unit '${a}' in the assignments of '${p.id}'`, 'people', i, 'assignments', k));
      });
      if (p.admissionCase !== undefined)
        issues.push(problem('not_registered', 'a member-development case is entered with admissionCaseOpened, not with the register', 'people', i, 'admissionCase'));
      if (p.observation !== undefined)
        issues.push(problem('not_registered', 'an observation is entered with observationStarted, not with the register', 'people', i, 'observation'));
    });
    return issues;
  },
  scope: (_s, e) => ({ units: distinct(e.people.map((p) => p.unitId)), action: 'register' }),
  recipe: (state, e) => {
    for (const p of e.people) tableSet(state.people, p.id, p);
  },
};

export const householdsRegistered: Effect<State, HouseholdsRegistered> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const seen = new Set<string>();
    e.households.forEach((h, i) => {
      if (tableHas(state.households, h.id) || seen.has(h.id)) issues.push(problem('duplicate_id', `household '${h.id}' is already registered`, 'households', i, 'id'));
      seen.add(h.id);
      const u = ctx.tree.indexOf.get(h.unitId);
      const unit = u === undefined ? undefined : ctx.tree.units[u];
      if (unit === undefined) issues.push(problem('unknown_unit', `unknown unit '${h.unitId}' of household '${h.id}'`, 'households', i, 'unitId'));
      else if (unit.kind !== 'village' && unit.kind !== 'community')
        issues.push(problem('unit_kind', `household '${h.id}' must be registered in a village or community, not a ${unit.kind}`, 'households', i, 'unitId'));
      h.members.forEach((m, k) => {
        const person: Person | undefined = tableGet(state.people, m);
        if (person === undefined) issues.push(problem('unknown_person', `unknown member '${m}' of household '${h.id}'`, 'households', i, 'members', k));
        else if (person.householdId !== undefined && person.householdId !== h.id)
          issues.push(problem('other_household', `member '${m}' belongs to household '${person.householdId}'`, 'households', i, 'members', k));
      });
    });
    return issues;
  },
  scope: (_s, e) => ({ units: distinct(e.households.map((h) => h.unitId)), action: 'register' }),
  recipe: (state, e) => {
    for (const h of e.households) tableSet(state.households, h.id, h);
  },
};

export const commandSet: Effect<State, CommandSet> = {
  check: (state: State, e, ctx) => {
    const needed = new Set<string>([
      ...e.command.leadingGroup.coLeaders,
      ...e.command.leadingGroup.members,
      e.command.headquarters.commander,
      ...e.command.headquarters.deputies,
      ...e.command.headquarters.members,
      ...e.command.supervisionGroups.flatMap((g) => [g.leader, ...g.members]),
    ]);
    const people = [...needed].map((id) => tableGet(state.people, id)).filter((p): p is Person => p !== undefined);
    return checkCommand(e.command, ctx.tree, people).map((i) => ({ ...i, path: ['command', ...i.path] }));
  },
  scope: () => ({ units: [], action: 'command' }),
  recipe: (state, e) => {
    state.command = e.command;
  },
};

export const settingsChanged: Effect<State, SettingsChanged> = {
  check: () => [],
  scope: () => ({ units: [], action: 'command' }),
  recipe: (state, e) => {
    const next = { ...state.settings };
    for (const [k, v] of Object.entries(e.settings)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    state.settings = next;
  },
};
