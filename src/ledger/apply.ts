import { Immer } from 'immer';
import { FrontlineError, issuesFromZod, toResult, type ErrorCode, type Issue, type Result } from '../core/errors.js';
import { eventDay, type Day } from '../core/day.js';
import { describeValue, isRecord, refusal as refuse, requireOptions } from '../core/guards.js';
import { label } from '../core/vocabulary.js';
import type { OrgId } from '../core/ids.js';
import { isWithin } from '../org/queries.js';
import type { OrgTree } from '../org/tree.js';
import type { OrgUnit } from '../org/unit.js';
import type { Person } from '../people/person.js';
import { Actor } from '../store/actor.js';
import { EFFECTS, type LedgerState } from './effects.js';
import type { EffectContext } from '../store/effect.js';
import { EVENT_TYPES, LedgerEvent } from './events.js';
import { TABLE_NAMES, emptyLedger, ledgerObject, ledgerTree, requireLedger, type Ledger } from './ledger.js';
import { rememberTree } from '../org/treeCache.js';
import { freezeStructure, freezeWritten, mergeOverlay, overlayOf, tableAdd, tableGet, tableHas, trackingWrites, type Table } from '../store/table.js';
import { progressOf, type OnProgress } from '../core/progress.js';
import { TOWNSHIP_LEVEL } from '../org/unit.js';

const immer = new Immer({ autoFreeze: true });
const KNOWN_TYPES = new Set<string>(EVENT_TYPES);
/**
 * Whether an event may be recorded by someone not (yet) in the ledger: only while the ledger is
 * being set up: the first units, and the first people (the recorder among them or not). Once the
 * register has people, whoever records is one of them.
 */
function bootstrapping(state: Ledger, e: LedgerEvent): boolean {
  if (e.type === 'unitsAdded') return state.units.length === 0;
  if (e.type === 'peopleRegistered') return state.people.size === 0;
  return false;
}

/**
 * Options of {@link apply}, {@link replay} and {@link applyAs}.
 *
 * @example
 * replay(journal, undefined, { trusted: true }).people.size; // => county.people.length
 * @category Ledger
 */
export interface ApplyOptions {
  /**
   * Skip the shape validation of events (references are still checked, and each event must still
   * be an object of a known type with string `id`, `at` and `by`): only for a journal this library
   * wrote and validated before. Its event objects are adopted into the ledger and frozen as they
   * are checked, so they stay frozen (never changed) even when the batch is refused. This turns the
   * checks off: given events of any other origin, a call may fail with a raw error instead of a
   * {@link FrontlineError}, the `try…` variants included. Never set it for input from users.
   */
  readonly trusted?: boolean;
  /** For {@link replay}: called as the events are checked and applied (step `events`, out of their number). */
  readonly onProgress?: OnProgress | undefined;
}

/** The problem of an element that is not an event of a known type. */
function unknownType(i: number, type: unknown): Issue {
  return { path: [i, 'type'], code: 'unknown_event_type', message: `unknown event type ${describeValue(type)}; known types: ${EVENT_TYPES.join(', ')}` };
}

/** The problem of a hole in the batch (`[, event]`): an element lost, never skipped. */
function hole(i: number): Issue {
  return { path: [i], code: 'missing_element', message: `no event at index ${i}: the batch has a hole there` };
}

/** What a trusted event needs besides its type, for the checks and recipes to read it. */
const ENVELOPE = ['id', 'at', 'by'] as const;

/**
 * @internal Shape validation of a batch: parsed events (undefined where invalid) and the issues. The
 * batch must be an array (an array-like object is refused) without holes.
 */
function parseEvents(events: unknown, trusted: boolean): { parsed: (LedgerEvent | undefined)[]; issues: Issue[] } {
  if (!Array.isArray(events)) throw refuse('invalid_input', 'invalid events', [], 'invalid_type', `the events must be an array, got ${describeValue(events)}`);
  const issues: Issue[] = [];
  const parsed = new Array<LedgerEvent | undefined>(events.length).fill(undefined);
  for (let i = 0; i < events.length; i++) {
    if (!(i in events)) {
      issues.push(hole(i));
      continue;
    }
    const raw: unknown = events[i];
    const type = isRecord(raw) ? raw['type'] : undefined;
    if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
      issues.push(unknownType(i, type));
      continue;
    }
    if (trusted) {
      // no shape validation, but the fields every event has are still checked rather than crashing a check
      const record = raw as Readonly<Record<string, unknown>>;
      const missing = ENVELOPE.filter((k) => typeof record[k] !== 'string');
      for (const k of missing) issues.push({ path: [i, k], code: 'invalid_type', message: `event (${type}): ${k} must be a string, got ${describeValue(record[k])}` });
      if (missing.length === 0) parsed[i] = raw as LedgerEvent;
      continue;
    }
    const r = LedgerEvent.safeParse(raw);
    if (r.success) {
      parsed[i] = r.data;
      continue;
    }
    const id = (raw as { id?: unknown }).id;
    const tag = `event ${typeof id === 'string' ? `'${id}' ` : ''}(${type})`;
    for (const issue of r.error.issues) {
      // an extra field is reported at its own path
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys)
        issues.push({
          path: key === undefined ? [i, ...issue.path] : [i, ...issue.path, key],
          code: issue.code,
          message: `${tag}: ${key === undefined ? issue.message : `unexpected field '${key}'`}`,
        });
    }
  }
  return { parsed, issues };
}

/** @internal The options of {@link apply}, {@link replay} and {@link applyAs}, checked. */
function checkOptions(options: unknown): ApplyOptions {
  requireOptions(options);
  const trusted = (options as ApplyOptions | undefined)?.trusted;
  if (trusted !== undefined && typeof trusted !== 'boolean')
    throw refuse('invalid_input', 'invalid options', ['options', 'trusted'], 'invalid_type', `trusted is true or false, got ${describeValue(trusted)}`);
  const onProgress = (options as ApplyOptions | undefined)?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw refuse('invalid_input', 'invalid options', ['options', 'onProgress'], 'invalid_type', `onProgress is a function, got ${describeValue(onProgress)}`);
  return options ?? {};
}

/** @internal Who may do what: the reason an actor may not record an event, or undefined. */
function refusal(actor: Actor, tree: OrgTree, state: Ledger, event: LedgerEvent, ctx: EffectContext): string | undefined {
  const who = `${actor.personId} (${actor.role} of '${actor.unitId}')`;
  if (event.by !== actor.personId) return `${who} cannot record an event as '${event.by}'`;
  if (actor.role === 'headquarters') return undefined;
  const scope = EFFECTS[event.type].scope(state, event as never, ctx);
  const where = scope.units.length === 0 ? 'the whole county' : scope.units.map((u) => `'${u}'`).join(', ');
  if (scope.action === 'inspect') {
    if (actor.role !== 'supervisor' || actor.supervisionGroupId === undefined || actor.supervisionGroupId !== scope.group)
      return `${who} may not record ${event.type}: only supervision group '${String(scope.group)}' or the headquarters does`;
    return undefined; // the event's own check keeps the units within the group's scope
  }
  if (actor.role === 'supervisor') return `${who} inspects and may not record ${event.type} in ${where}`;
  if (scope.action === 'command' && actor.role !== 'townshipWorker') return `${who} may not record ${event.type} (${where}): the headquarters or a township does`;
  if (scope.units.length === 0) return `${who} may not record ${event.type} for the whole county: only the headquarters may`;
  const s = tree.indexOf.get(actor.unitId);
  if (s === undefined) return `${who}: unknown scope unit '${actor.unitId}'`;
  const end = tree.subtreeEnd[s] as number;
  const outside = scope.units.filter((u) => {
    const i = tree.indexOf.get(u);
    return i === undefined || i < s || i >= end;
  });
  if (outside.length > 0) {
    const names = outside.map((u) => {
      const i = tree.indexOf.get(u);
      const unit = i === undefined ? undefined : tree.units[i];
      return unit === undefined ? `'${u}'` : `${unit.name} ('${u}', ${label(unit.kind, 'en', 'unitKind')})`;
    });
    return `${who} may not record ${event.type} in ${names.join(', ')}: outside their scope`;
  }
  return undefined;
}

function contextFor(tree: OrgTree): EffectContext {
  return { tree, day: '' as Day, coverage: new Map(), found: undefined };
}

/**
 * @internal Runs a batch on a state, checking each event against the state the earlier ones made
 * and collecting every problem; what each check looked up is kept in `founds` for a second run of
 * the recipes alone.
 */
function run(
  state: LedgerState,
  events: readonly (LedgerEvent | undefined)[],
  ctx: EffectContext,
  issues: Issue[],
  actor?: Actor,
  founds?: unknown[],
  tick?: (done: number) => void,
): void {
  for (let i = 0; i < events.length; i++) {
    if (tick !== undefined && (i & 0xfff) === 0) tick(i);
    const e = events[i];
    if (e === undefined) continue;
    const effect = EFFECTS[e.type];
    ctx.day = eventDay(e.at);
    ctx.found = undefined;
    let found: Issue[];
    // the id is recorded first: a later event with the same id is a duplicate even if this one fails
    if (!tableAdd(state.events, e.id, e.at))
      found = [{ path: ['id'], code: 'duplicate_event', message: `the ledger already has an event '${e.id}' (replayed twice?)` }];
    else {
      found = effect.check(state, e as never, ctx);
      if (!tableHas(state.people, e.by) && !bootstrapping(state, e)) found.push({ path: ['by'], code: 'unknown_person', message: `unknown recorder '${e.by}'` });
    }
    if (actor !== undefined && found.length === 0) {
      const why = refusal(actor, ctx.tree, state, e, ctx);
      if (why !== undefined) found.push({ path: [], code: 'not_authorized', message: why });
    }
    if (found.length > 0) {
      const tag = `event '${e.id}' (${e.type})`;
      for (const f of found) issues.push({ ...f, path: [i, ...f.path], message: `${tag}: ${f.message}` });
      continue;
    }
    if (founds !== undefined) founds[i] = ctx.found;
    effect.recipe(state, e as never, ctx);
    freezeWritten(deepFreeze);
    state.eventCount += 1;
  }
}

/** @internal Runs the recipes of a batch already checked by {@link run}. */
function runRecipes(state: LedgerState, events: readonly (LedgerEvent | undefined)[], ctx: EffectContext, founds: readonly unknown[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as LedgerEvent;
    ctx.day = eventDay(e.at);
    ctx.found = founds[i];
    tableAdd(state.events, e.id, e.at);
    EFFECTS[e.type].recipe(state, e as never, ctx);
    state.eventCount += 1;
  }
}

/** Refuses a batch: `not_authorized` when any event was refused because of the actor, `invalid_input` otherwise. */
function fail(summary: string, issues: readonly Issue[]): never {
  const code: ErrorCode = issues.some((i) => i.code === 'not_authorized') ? 'not_authorized' : 'invalid_input';
  throw new FrontlineError(code, summary, issues);
}

/** The words for a batch in a refusal. */
function batchWords(n: number): string {
  return n === 1 ? 'the event' : `a batch of ${n} events`;
}

function applyBatch(ledger: Ledger, events: readonly unknown[], options: ApplyOptions, actor?: Actor): Ledger {
  const { parsed, issues } = parseEvents(events, options.trusted === true);
  const tree = ledgerTree(ledger);
  // checks first, on plain overlays of the ledger (no drafts, no proxies); then, only if all pass,
  // the recipes inside produce
  const founds = new Array<unknown>(parsed.length);
  const checking = contextFor(tree);
  // records are frozen as they are written, so a later recipe of the batch copies them before a
  // change instead of changing an object the caller passed in
  trackingWrites(() => run(overlayLedger(ledger), parsed, checking, issues, actor, founds));
  if (issues.length > 0) fail(`rejected ${batchWords(events.length)}; nothing was applied`, issues);
  const ctx: EffectContext = { ...contextFor(tree), coverage: checking.coverage };
  const next = immer.produce(ledger, (draft) => runRecipes(draft as LedgerState, parsed, ctx, founds));
  rememberTree(next.units, ctx.tree);
  return next;
}

/**
 * Applies a batch of events and returns the new ledger, **all or nothing**: each event's shape and
 * references are checked (unknown household, a visit outside its campaign's days, an observation
 * shortened to end before it starts, a duplicate event id, …) against the state the earlier events
 * of the batch produced; one bad event rejects the whole batch with a {@link FrontlineError} that
 * lists every problem with its path (`[index].field`), and the input ledger is untouched. Each event
 * type's effect is one recipe, run here on an immer draft.
 *
 * @param ledger - The ledger (not changed).
 * @param events - The events, as received (checked here).
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The new ledger.
 * @throws {@link FrontlineError} `invalid_input` listing every problem of the batch (nothing is applied); `TypeError` when `events` is not an array.
 * @example
 * const entry = { id: 's100', personId: 'p0027337', show: 'commitment', text: '我是党员，我先上', day: '2020-02-07' };
 * const next = apply(ledger, [{ type: 'threeShowsRecorded', id: 'e100', at: '2020-02-07T09:00:00+08:00', by: 'p0028490', entry }]);
 * next.threeShows.size - ledger.threeShows.size; // => 1
 * @category Ledger
 */
export function apply(ledger: Ledger, events: readonly unknown[], options: ApplyOptions = {}): Ledger {
  return applyBatch(requireLedger(ledger), events, checkOptions(options));
}

/**
 * {@link apply} without throwing, whatever it is given: the new ledger, or the error listing every
 * problem (only `trusted: true`, which turns the checks off, can let a raw error through).
 *
 * @param ledger - The ledger (not changed).
 * @param events - The events, as received (checked here).
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The new ledger, or the error listing every problem.
 * @throws `TypeError` when `events` is not an array.
 * @example
 * const r = tryApply(ledger, [{ type: 'nope' }]);
 * r.ok; // => false
 * @category Ledger
 */
export function tryApply(ledger: Ledger, events: readonly unknown[], options: ApplyOptions = {}): Result<Ledger> {
  return toResult(() => apply(ledger, events, options));
}

/**
 * {@link apply} on behalf of an actor: besides every check of `apply`, each event must be recorded
 * by the actor (`by`) and fall within their scope — a village or community worker inside their
 * unit, a township worker inside the township's subtree (and may open its campaigns), the
 * headquarters everywhere; a supervisor records no campaign work. A refused event names the actor,
 * the action and the unit; nothing is applied. The error's code tells the two refusals apart:
 * `not_authorized` when the claimed role does not fit the register and the command structure, or
 * any event falls outside the actor's scope; `invalid_input` for bad data (an unknown person or
 * unit in the actor, a bad event).
 *
 * @param actor - Who records the events, in which role and unit.
 * @param ledger - The ledger (not changed).
 * @param events - The events, as received (checked here).
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The new ledger.
 * @throws {@link FrontlineError} `invalid_input` for an actor the register does not bear out, or listing every event refused (nothing is applied); `TypeError` when `events` is not an array.
 * @example
 * const worker = { personId: 'p0028490', role: 'villageWorker', unitId: 'yc.v119212' } as const; // of 吴家沟村
 * const visit = { type: 'visitRecorded', id: 'e101', at: '2020-02-07T10:00:00+08:00', by: 'p0028490', visitId: 'v101', campaignId: 'dk-2020', householdId: 'h0008824', outcome: 'screened', visitors: ['p0028490'] };
 * applyAs(worker, ledger, [visit]).visits.size - ledger.visits.size; // => 1
 * @category Ledger
 */
export function applyAs(actor: Actor, ledger: Ledger, events: readonly unknown[], options: ApplyOptions = {}): Ledger {
  const a = Actor.safeParse(actor);
  if (!a.success) throw new FrontlineError('invalid_input', 'invalid actor', issuesFromZod(a.error, ['actor']));
  requireLedger(ledger);
  const checked = checkOptions(options);
  const tree = ledgerTree(ledger);
  if (!tree.indexOf.has(a.data.unitId))
    throw new FrontlineError('invalid_input', 'invalid actor', [{ path: ['actor', 'unitId'], code: 'unknown_unit', message: `unknown unit '${a.data.unitId}'` }]);
  const person = tableGet(ledger.people, a.data.personId);
  if (person === undefined)
    throw new FrontlineError('invalid_input', 'invalid actor', [{ path: ['actor', 'personId'], code: 'unknown_person', message: `unknown person '${a.data.personId}'` }]);
  const claims = actorClaimIssues(a.data, person, ledger, tree);
  if (claims.length > 0) throw new FrontlineError('not_authorized', 'the actor does not hold the role claimed', claims);
  return applyBatch(ledger, events, checked, a.data);
}

/**
 * @internal What the register and the command structure say against an actor's claimed role: the
 * headquarters at the county, by someone of the headquarters or the leading group (a county-level
 * cadre while no command structure is recorded); a supervisor of a group that has them as leader or
 * member; a village or township worker of a unit of that kind that their own unit (or a temporary
 * body they serve in) lies within or above.
 */
function actorClaimIssues(actor: Actor, person: Person, ledger: Ledger, tree: OrgTree): Issue[] {
  const issues: Issue[] = [];
  const who = `'${actor.personId}'`;
  const unit = tree.units[tree.indexOf.get(actor.unitId) as number] as OrgUnit;
  const claim = (path: string, code: string, message: string): void => {
    issues.push({ path: ['actor', path], code, message });
  };
  const command = ledger.command;
  switch (actor.role) {
    case 'headquarters': {
      if (actor.unitId !== tree.root) claim('unitId', 'role_unit', `the headquarters acts for the county ('${tree.root}'), not for '${actor.unitId}'`);
      const members =
        command === null
          ? undefined
          : [command.headquarters.commander, ...command.headquarters.deputies, ...command.headquarters.members, ...command.leadingGroup.coLeaders, ...command.leadingGroup.members];
      if (members === undefined ? person.cadreLevel !== 'county' : !members.includes(person.id))
        claim('role', 'not_in_role', `${who} is not ${members === undefined ? 'a county-level cadre' : 'in the headquarters or the leading group'}`);
      break;
    }
    case 'supervisor': {
      const group = command?.supervisionGroups.find((g) => g.id === actor.supervisionGroupId);
      if (actor.supervisionGroupId !== undefined && command !== null && group === undefined) claim('supervisionGroupId', 'unknown_group', `unknown supervision group '${actor.supervisionGroupId}'`);
      else if (group !== undefined && group.leader !== person.id && !group.members.includes(person.id))
        claim('personId', 'not_in_role', `${who} is neither the leader nor a member of supervision group '${group.id}'`);
      break;
    }
    default: {
      const kinds: readonly OrgUnit['kind'][] = actor.role === 'villageWorker' ? ['village', 'community'] : TOWNSHIP_LEVEL;
      if (!kinds.includes(unit.kind)) claim('unitId', 'role_unit', `a ${label(actor.role, 'en', 'actorRole')} acts for a ${kinds.join(' or ')}, and '${actor.unitId}' is a ${unit.kind}`);
      const related = [person.unitId, ...(person.assignments ?? [])].some(
        (u) => tree.indexOf.has(u) && (isWithin(tree, u as OrgId, actor.unitId) || isWithin(tree, actor.unitId, u as OrgId)),
      );
      if (!related) claim('unitId', 'not_in_role', `${who} belongs to '${person.unitId}', which is neither within nor above '${actor.unitId}'`);
    }
  }
  return issues;
}

/**
 * {@link applyAs} without throwing, whatever it is given (as {@link tryApply}).
 *
 * @param actor - Who records the events, in which role and unit.
 * @param ledger - The ledger (not changed).
 * @param events - The events, as received (checked here).
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The new ledger, or the error listing every problem.
 * @throws `TypeError` when `events` is not an array.
 * @example
 * const worker = { personId: 'p0028490', role: 'villageWorker', unitId: 'yc.v119212' } as const; // of 吴家沟村
 * const visit = { type: 'visitRecorded', id: 'e102', at: '2020-02-07T10:00:00+08:00', by: 'p0028490', visitId: 'v102', campaignId: 'dk-2020', householdId: 'h0001620', outcome: 'screened', visitors: ['p0028490'] };
 * tryApplyAs(worker, ledger, [visit]).ok; // => false (a household of another village)
 * @category Ledger
 */
export function tryApplyAs(actor: Actor, ledger: Ledger, events: readonly unknown[], options: ApplyOptions = {}): Result<Ledger> {
  return toResult(() => applyAs(actor, ledger, events, options));
}

/**
 * @internal Freezes everything reachable that is not frozen yet; shared parts of a base are frozen
 * already and are not entered again.
 */
function deepFreeze<T>(root: T): T {
  if (typeof root !== 'object' || root === null || Object.isFrozen(root)) return root;
  const stack = freezeStack;
  const bottom = stack.length;
  stack.push(root);
  while (stack.length > bottom) {
    const value = stack.pop() as object;
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) stack.push(v);
      }
    } else {
      for (const key in value) {
        const v: unknown = (value as Record<string, unknown>)[key];
        if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) stack.push(v);
      }
    }
  }
  return root;
}

/** The work list of {@link deepFreeze}, kept between calls (most records are frozen one by one). */
const freezeStack: object[] = [];

/** @internal A plain copy of a ledger whose tables are overlays on the base's tables. */
function overlayLedger(base: Ledger): LedgerState {
  const copy = ledgerObject(base) as LedgerState & Record<string, unknown>;
  for (const name of TABLE_NAMES) (copy as Record<string, Table<unknown>>)[name] = overlayOf(base[name] as Table<unknown>);
  return copy;
}

/** @internal Folds every overlay table of a state into plain, frozen tables. */
function mergeLedger(state: LedgerState): void {
  for (const name of TABLE_NAMES) (state as unknown as Record<string, Table<unknown>>)[name] = mergeOverlay(state[name] as Table<unknown>);
}

/** @internal Freezes a state built from nothing: each table's structure, then everything else. */
function freezeLedger(state: LedgerState): Ledger {
  for (const name of TABLE_NAMES) freezeStructure(state[name] as Table<unknown>);
  return deepFreeze(state as Ledger);
}

/**
 * The ledger a journal of events produces: the bulk path, for loading a persisted journal. It runs
 * the very same checks and recipes as {@link apply}, on plain objects instead of immer drafts, and
 * freezes the result once; the result deep-equals applying the same events in batches of any size.
 * With a `base`, the events apply on top of it (its records are copied only where changed). All or
 * nothing: a bad event throws a {@link FrontlineError} listing every problem.
 *
 * @param events - The journal, in order.
 * @param base - A ledger to apply them on (default: an empty ledger); not changed.
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The ledger the journal produces.
 * @throws {@link FrontlineError} `invalid_input` listing every problem of the journal (nothing is built); `TypeError` when `events` is not an array.
 * @example
 * const ledger = replay(journal);
 * replay(journal, ledger); // throws: the ledger already has an event
 * @category Ledger
 */
export function replay(events: readonly unknown[], base?: Ledger, options: ApplyOptions = {}): Ledger {
  if (base !== undefined) requireLedger(base, 'base');
  const checked = checkOptions(options);
  const { parsed, issues } = parseEvents(events, checked.trusted === true);
  const ctx = contextFor(ledgerTree(base ?? { units: [] }));
  const state: LedgerState = base === undefined ? (emptyLedger() as LedgerState) : overlayLedger(base);
  const tick = progressOf(checked.onProgress, 'events', parsed.length);
  trackingWrites(() => run(state, parsed, ctx, issues, undefined, undefined, tick));
  tick(parsed.length);
  if (issues.length > 0) fail(`rejected a journal of ${events.length} events; nothing was built`, issues);
  let out: Ledger;
  if (base !== undefined) {
    mergeLedger(state);
    out = deepFreeze(state as Ledger);
  } else out = freezeLedger(state);
  rememberTree(out.units, ctx.tree);
  return out;
}

/**
 * {@link replay} without throwing, whatever it is given (as {@link tryApply}).
 *
 * @param events - The journal, in order.
 * @param base - A ledger to apply them on (default: an empty ledger); not changed.
 * @param options - {@link ApplyOptions}: `trusted` skips the shape checks of a journal this library wrote.
 * @returns The ledger, or the error listing every problem.
 * @throws `TypeError` when `events` is not an array.
 * @example
 * tryReplay(journal).ok; // => true
 * @category Ledger
 */
export function tryReplay(events: readonly unknown[], base?: Ledger, options: ApplyOptions = {}): Result<Ledger> {
  return toResult(() => replay(events, base, options));
}
