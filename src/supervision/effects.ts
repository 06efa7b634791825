import { addDays, type Day } from '../core/day.js';
import type { Issue } from '../core/errors.js';
import type { OrgId, PersonId, RecordId, SupervisionGroupId } from '../core/ids.js';
import type { FindingSeverity } from '../core/vocabulary.js';
import type { SupervisionGroup } from '../org/command.js';
import { isWithin } from '../org/queries.js';
import type { OrgTree } from '../org/tree.js';
import { dutyAt } from '../roster/onDuty.js';
import type { Finding } from './records.js';
import type { DeedRecorded, ThreeShowsRecorded } from '../evaluation/events.js';
import type { FindingRechecked, InspectionRecorded, RectificationSubmitted } from './events.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../store/table.js';
import { problem, unitsOf, type Effect } from '../store/effect.js';
import { pairKey } from '../store/keys.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import type { RosterTables } from '../roster/tables.js';
import type { SupervisionTables } from './tables.js';
import type { EvaluationTables } from '../evaluation/tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables & RosterTables & SupervisionTables & EvaluationTables;

/** A finding the roster check raises by itself. */
interface RosterFinding {
  readonly id: RecordId;
  readonly item: 'staffOnDuty' | 'leaderOnDuty';
  readonly severity: FindingSeverity;
  readonly description: string;
}

function groupOf(state: State, id: string): SupervisionGroup | undefined {
  return state.command?.supervisionGroups.find((g) => g.id === id);
}

function inGroupScope(tree: OrgTree, group: SupervisionGroup, unit: OrgId): boolean {
  return group.covers.some((c) => tree.indexOf.has(c) && isWithin(tree, unit, c));
}

const name = (state: State, id: PersonId): string => tableGet(state.people, id)?.name ?? id;

/**
 * The mismatches between the answers and the roster at the event's instant. A shift under way to
 * which the roster gives no leader seat at all (left out, not unfilled) is the most serious finding
 * there is, raised whatever the answers: no reassignment of the published roster can give it a
 * leader. A shift with no seat at all is under way when the post was open that day.
 */
function rosterFindings(state: State, e: InspectionRecorded): RosterFinding[] {
  if (e.rosterId === undefined || e.postId === undefined) return [];
  const roster = tableGet(state.rosters, e.rosterId);
  const shifts = roster?.shifts[e.postId];
  if (roster === undefined || shifts === undefined) return [];
  const post = tableGet(state.posts, e.postId);
  const open = (day: string): boolean => post !== undefined && (post.from === undefined || day >= post.from) && (post.to === undefined || day <= post.to);
  const duties = dutyAt(roster, shifts, (seat) => tableGet(state.duties, pairKey(e.rosterId as string, seat))?.personId, e.postId, Date.parse(e.at), open);
  if (duties.length === 0) return [];
  const out: RosterFinding[] = [];
  const leaders = duties.map((d) => d.leader).filter((p): p is PersonId => p !== null);
  const missing = duties.filter((d) => d.leaderSeatMissing);
  const rostered = duties.reduce((n, d) => n + (d.leader === null ? 0 : 1) + d.staff.filter((p) => p !== null).length, 0);
  // no leader seat at all for the shift under way: no answer needed to find it
  const leftOut = leaders.length === 0 && missing.length > 0;
  const leftOutFinding = (found: PersonId | null | undefined): RosterFinding => {
    const what = missing.map((d) => `${d.day} ${d.shiftId}`).join(', ');
    return {
      id: `${e.inspectionId}/leader` as RecordId,
      item: 'leaderOnDuty',
      severity: 'critical',
      description:
        found === undefined || found === null
          ? `排班表本班(${what})未设带班领导席位，无带班领导 / no leading cadre on duty: the roster has no leader seat for the shift (${what})`
          : `排班表本班(${what})未设带班领导席位，现场由${name(state, found)}带班 / the roster has no leader seat for the shift (${what}); ${name(state, found)} leads on site`,
    };
  };
  for (const a of e.answers) {
    if (a.item === 'staffOnDuty' && a.count !== rostered) {
      out.push({
        id: `${e.inspectionId}/staff` as RecordId,
        item: 'staffOnDuty',
        severity: a.count < rostered ? 'major' : 'minor',
        description: `在岗${a.count}人，排班表为${rostered}人 / ${a.count} on duty, the roster has ${rostered}`,
      });
    }
    if (a.item === 'leaderOnDuty') {
      const found = a.personId;
      if (leftOut) out.push(leftOutFinding(found));
      else if (leaders.length === 0) {
        out.push({
          id: `${e.inspectionId}/leader` as RecordId,
          item: 'leaderOnDuty',
          severity: 'critical',
          description: found === null ? '本班无带班领导，排班表带班席位空缺 / no leading cadre on duty: the roster leaves the leader seat unfilled' : `带班领导席位在排班表中空缺，现场由${name(state, found)}带班 / the roster leaves the leader seat unfilled; ${name(state, found)} leads on site`,
        });
      } else if (found === null) {
        out.push({
          id: `${e.inspectionId}/leader` as RecordId,
          item: 'leaderOnDuty',
          severity: 'critical',
          description: `排班带班领导${leaders.map((p) => name(state, p)).join('、')}不在岗 / the rostered leading cadre ${leaders.map((p) => name(state, p)).join(', ')} is absent`,
        });
      } else if (!leaders.includes(found)) {
        out.push({
          id: `${e.inspectionId}/leader` as RecordId,
          item: 'leaderOnDuty',
          severity: 'major',
          description: `现场带班领导为${name(state, found)}，排班表为${leaders.map((p) => name(state, p)).join('、')} / ${name(state, found)} leads on site, the roster has ${leaders.map((p) => name(state, p)).join(', ')}`,
        });
      }
    }
  }
  if (leftOut && !e.answers.some((a) => a.item === 'leaderOnDuty')) out.push(leftOutFinding(undefined));
  return out;
}

export const inspectionRecorded: Effect<State, InspectionRecorded> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.inspections, e.inspectionId)) issues.push(problem('duplicate_id', `inspection '${e.inspectionId}' exists`, 'inspectionId'));
    const group = groupOf(state, e.groupId);
    if (group === undefined) issues.push(problem('unknown_group', `unknown supervision group '${e.groupId}'`, 'groupId'));
    const unitKnown = ctx.tree.indexOf.has(e.unitId);
    if (!unitKnown) issues.push(problem('unknown_unit', `unknown unit '${e.unitId}'`, 'unitId'));
    else if (group !== undefined && !inGroupScope(ctx.tree, group, e.unitId)) issues.push(problem('outside_group', `'${e.unitId}' is outside the scope of ${group.name}`, 'unitId'));
    if (e.postId !== undefined) {
      const post = tableGet(state.posts, e.postId);
      if (post === undefined) issues.push(problem('unknown_post', `unknown post '${e.postId}'`, 'postId'));
      else if (unitKnown && !isWithin(ctx.tree, post.unitId, e.unitId)) issues.push(problem('post_outside_unit', `post '${e.postId}' is not in '${e.unitId}'`, 'postId'));
    }
    if (e.rosterId !== undefined) {
      const roster = tableGet(state.rosters, e.rosterId);
      if (e.postId === undefined) issues.push(problem('roster_without_post', 'a roster check needs the post inspected', 'rosterId'));
      else if (roster === undefined) issues.push(problem('unknown_roster', `unknown roster '${e.rosterId}'`, 'rosterId'));
      else if (roster.shifts[e.postId] === undefined) issues.push(problem('post_not_rostered', `roster '${e.rosterId}' has no post '${e.postId}'`, 'rosterId'));
    }
    const items = new Set<string>();
    e.answers.forEach((a, i) => {
      if (a.item !== 'custom' && items.has(a.item)) issues.push(problem('duplicate_answer', `'${a.item}' is answered twice`, 'answers', i, 'item'));
      items.add(a.item);
      if (a.item === 'leaderOnDuty' && a.personId !== null && !tableHas(state.people, a.personId)) issues.push(problem('unknown_person', `unknown person '${a.personId}'`, 'answers', i, 'personId'));
    });
    const ids = new Set<string>([`${e.inspectionId}/staff`, `${e.inspectionId}/leader`]);
    for (const reserved of ids) {
      if (tableHas(state.findings, reserved)) issues.push(problem('duplicate_id', `finding '${reserved}' exists: it is the id the roster check of '${e.inspectionId}' would use`, 'inspectionId'));
    }
    e.findings.forEach((f, i) => {
      if (ids.has(f.id) || tableHas(state.findings, f.id)) issues.push(problem('duplicate_id', `finding '${f.id}' exists`, 'findings', i, 'id'));
      ids.add(f.id);
      if (!ctx.tree.indexOf.has(f.unitId)) issues.push(problem('unknown_unit', `unknown unit '${f.unitId}'`, 'findings', i, 'unitId'));
      else if (group !== undefined && !inGroupScope(ctx.tree, group, f.unitId)) issues.push(problem('outside_group', `'${f.unitId}' is outside the scope of ${group.name}`, 'findings', i, 'unitId'));
      if (f.deadline < ctx.day) issues.push(problem('past_deadline', `the deadline ${f.deadline} is before the inspection (${ctx.day})`, 'findings', i, 'deadline'));
    });
    if (issues.length === 0) ctx.found = rosterFindings(state, e);
    return issues;
  },
  scope: (_s, e) => ({ units: [e.unitId], action: 'inspect', group: e.groupId }),
  recipe: (state, e, ctx) => {
    const day = ctx.day;
    const auto = (ctx.found ?? []) as RosterFinding[];
    const post = e.postId === undefined ? undefined : tableGet(state.posts, e.postId);
    const base = { inspectionId: e.inspectionId as RecordId, groupId: e.groupId as SupervisionGroupId, raisedOn: day, status: 'open' as const, actions: [] };
    const findings: Finding[] = [
      ...e.findings.map((f) => ({ ...base, id: f.id, item: f.item, severity: f.severity, unitId: f.unitId, description: f.description, fromRoster: false, deadline: f.deadline, firstDeadline: f.deadline })),
      ...auto.map((f) => {
        const deadline = addDays(day, e.rosterFindingDays ?? 1) as Day;
        return { ...base, id: f.id, item: f.item, severity: f.severity, unitId: post?.unitId ?? e.unitId, description: f.description, fromRoster: true, deadline, firstDeadline: deadline };
      }),
    ];
    for (const f of findings) tableSet(state.findings, f.id, f);
    tableSet(state.inspections, e.inspectionId, {
      id: e.inspectionId,
      groupId: e.groupId,
      unitId: e.unitId,
      ...(e.postId === undefined ? {} : { postId: e.postId }),
      ...(e.rosterId === undefined ? {} : { rosterId: e.rosterId }),
      at: e.at,
      by: e.by,
      answers: e.answers,
      findings: findings.map((f) => f.id),
    });
  },
};

export const rectificationSubmitted: Effect<State, RectificationSubmitted> = {
  check: (state, e) => {
    const f = tableGet(state.findings, e.findingId);
    if (f === undefined) return [problem('unknown_finding', `unknown finding '${e.findingId}'`, 'findingId')];
    if (f.status !== 'open') return [problem('not_open', `finding '${e.findingId}' is ${f.status}, not open`, 'findingId')];
    return [];
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.findings, e.findingId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const f = tableEdit(state.findings, e.findingId);
    f.status = 'submitted';
    f.actions = [...f.actions, { kind: 'submitted', at: e.at, by: e.by, note: e.note }];
  },
};

export const findingRechecked: Effect<State, FindingRechecked> = {
  check: (state, e, ctx) => {
    const f = tableGet(state.findings, e.findingId);
    if (f === undefined) return [problem('unknown_finding', `unknown finding '${e.findingId}'`, 'findingId')];
    const issues: Issue[] = [];
    if (f.status !== 'submitted') issues.push(problem('not_submitted', `finding '${e.findingId}' is ${f.status}: only a submitted rectification is re-checked`, 'findingId'));
    if (e.passed && e.deadline !== undefined) issues.push(problem('deadline_on_pass', 'a passed re-check sets no deadline', 'deadline'));
    if (e.deadline !== undefined && e.deadline < ctx.day) issues.push(problem('past_deadline', `the new deadline ${e.deadline} is before the re-check (${ctx.day})`, 'deadline'));
    return issues;
  },
  scope: (state, e) => {
    const f = tableGet(state.findings, e.findingId);
    return { units: unitsOf(f?.unitId), action: 'inspect', ...(f === undefined ? {} : { group: f.groupId }) };
  },
  recipe: (state, e, ctx) => {
    const f = tableEdit(state.findings, e.findingId);
    f.actions = [
      ...f.actions,
      { kind: e.passed ? 'passed' : 'reopened', at: e.at, by: e.by, ...(e.note === undefined ? {} : { note: e.note }), ...(e.deadline === undefined ? {} : { deadline: e.deadline }) },
    ];
    if (e.passed) {
      f.status = 'passed';
      f.closedOn = ctx.day;
    } else {
      f.status = 'open';
      if (e.deadline !== undefined) f.deadline = e.deadline;
    }
  },
};

export const deedRecorded: Effect<State, DeedRecorded> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const d = e.deed;
    if (tableHas(state.deeds, d.id)) issues.push(problem('duplicate_id', `deed '${d.id}' exists`, 'deed', 'id'));
    if (d.personId !== undefined && !tableHas(state.people, d.personId)) issues.push(problem('unknown_person', `unknown person '${d.personId}'`, 'deed', 'personId'));
    if (d.unitId !== undefined && !ctx.tree.indexOf.has(d.unitId)) issues.push(problem('unknown_unit', `unknown unit '${d.unitId}'`, 'deed', 'unitId'));
    if (d.day > ctx.day) issues.push(problem('future_deed', `a deed of ${d.day} cannot be recorded on ${ctx.day}`, 'deed', 'day'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(e.deed.unitId ?? (e.deed.personId === undefined ? undefined : tableGet(state.people, e.deed.personId)?.unitId)), action: 'record' }),
  recipe: (state, e) => {
    // one shape per kind of deed (written out, not spread: a spread copy gets a shape of its own)
    const d = e.deed;
    const deed =
      d.personId !== undefined
        ? { id: d.id, personId: d.personId, dimension: d.dimension, evidence: d.evidence, points: d.points, day: d.day, recordedBy: e.by }
        : { id: d.id, unitId: d.unitId as OrgId, dimension: d.dimension, evidence: d.evidence, points: d.points, day: d.day, recordedBy: e.by };
    tableSet(state.deeds, d.id, deed);
  },
};

export const threeShowsRecorded: Effect<State, ThreeShowsRecorded> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const s = e.entry;
    if (tableHas(state.threeShows, s.id)) issues.push(problem('duplicate_id', `entry '${s.id}' exists`, 'entry', 'id'));
    const person = tableGet(state.people, s.personId);
    if (person === undefined) issues.push(problem('unknown_person', `unknown person '${s.personId}'`, 'entry', 'personId'));
    else if (person.partyStatus !== 'fullMember' && person.partyStatus !== 'probationaryMember') issues.push(problem('not_a_member', `the three shows are a Party member's; '${s.personId}' is not one`, 'entry', 'personId'));
    if (s.day > ctx.day) issues.push(problem('future_entry', `an entry of ${s.day} cannot be recorded on ${ctx.day}`, 'entry', 'day'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.people, e.entry.personId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.threeShows, e.entry.id, e.entry);
  },
};
