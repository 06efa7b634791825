import { instantAt } from '../core/day.js';
import type { Issue } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import { isWithin } from '../org/queries.js';
import { parseSeatId } from './model.js';
import type { PublishedRoster } from './records.js';
import type { AbsenceRecorded, AttendanceRecorded, DutiesReassigned, DutySwapped, PostClosed, PostOpened, RosterPublished } from './events.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../store/table.js';
import { problem, unitsOf, type Effect } from '../store/effect.js';
import { pairKey } from '../store/keys.js';
import type { RegisterTables } from '../register/tables.js';
import type { CampaignTables } from '../campaigns/tables.js';
import type { RosterTables } from './tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables & RosterTables;

/** Epoch milliseconds when a seat of a published roster starts, or NaN when the seat is not one of its seats. */
function seatStartMs(roster: PublishedRoster, seat: string): number {
  const parts = parseSeatId(seat);
  const shift = parts === undefined ? undefined : roster.shifts[parts.postId]?.find((s) => s.id === parts.shiftId);
  return parts === undefined || shift === undefined ? Number.NaN : Date.parse(instantAt(parts.day, shift.start));
}

/** The units of a roster's posts. */
function rosterUnits(state: State, rosterId: string): OrgId[] {
  const roster = tableGet(state.rosters, rosterId);
  if (roster === undefined) return [];
  return [...new Set(Object.keys(roster.shifts).map((id) => tableGet(state.posts, id)?.unitId).filter((u): u is OrgId => u !== undefined))];
}

export const postOpened: Effect<State, PostOpened> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    const p = e.post;
    if (tableHas(state.posts, p.id)) issues.push(problem('duplicate_id', `post '${p.id}' exists`, 'post', 'id'));
    const unitKnown = ctx.tree.indexOf.has(p.unitId);
    if (!unitKnown) issues.push(problem('unknown_unit', `unknown unit '${p.unitId}'`, 'post', 'unitId'));
    if (!ctx.tree.indexOf.has(p.poolId)) issues.push(problem('unknown_unit', `unknown pool unit '${p.poolId}'`, 'post', 'poolId'));
    else if (unitKnown && !isWithin(ctx.tree, p.unitId, p.poolId)) issues.push(problem('pool_mismatch', `unit '${p.unitId}' is not within its pool '${p.poolId}'`, 'post', 'poolId'));
    return issues;
  },
  scope: (_s, e) => ({ units: [e.post.unitId], action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.posts, e.post.id, e.post);
  },
};

export const postClosed: Effect<State, PostClosed> = {
  check: (state, e) => {
    const post = tableGet(state.posts, e.postId);
    if (post === undefined) return [problem('unknown_post', `unknown post '${e.postId}'`, 'postId')];
    if (post.from !== undefined && e.lastDay < post.from) return [problem('before_opening', `post '${e.postId}' opens on ${post.from}, after ${e.lastDay}`, 'lastDay')];
    // a post closed already may close earlier, never later: that would open it again
    if (post.to !== undefined && e.lastDay > post.to) return [problem('already_closed', `post '${e.postId}' is closed after ${post.to}; a later last day (${e.lastDay}) would reopen it`, 'lastDay')];
    return [];
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.posts, e.postId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const post = tableEdit(state.posts, e.postId);
    if (post.to === undefined || e.lastDay < post.to) post.to = e.lastDay;
  },
};

export const absenceRecorded: Effect<State, AbsenceRecorded> = {
  check: (state, e) => {
    const issues: Issue[] = [];
    const a = e.absence;
    if (tableHas(state.absences, a.id)) issues.push(problem('duplicate_id', `absence '${a.id}' exists`, 'absence', 'id'));
    if (!tableHas(state.people, a.personId)) issues.push(problem('unknown_person', `unknown person '${a.personId}'`, 'absence', 'personId'));
    if (a.to < a.from) issues.push(problem('invalid_range', `the absence ends (${a.to}) before it starts (${a.from})`, 'absence', 'to'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.people, e.absence.personId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.absences, e.absence.id, e.absence);
  },
};

export const rosterPublished: Effect<State, RosterPublished> = {
  check: (state, e) => {
    const issues: Issue[] = [];
    const r = e.roster;
    if (tableHas(state.rosters, e.rosterId)) issues.push(problem('duplicate_id', `roster '${e.rosterId}' exists`, 'rosterId'));
    for (const postId of Object.keys(r.shifts)) {
      if (!tableHas(state.posts, postId)) issues.push(problem('unknown_post', `unknown post '${postId}'`, 'roster', 'shifts', postId));
    }
    const last = new Date(Date.parse(`${r.startDay}T00:00:00Z`) + (r.days - 1) * 86_400_000).toISOString().slice(0, 10);
    for (const [seat, person] of Object.entries(r.seats)) {
      const parts = parseSeatId(seat);
      const shifts = parts === undefined ? undefined : r.shifts[parts.postId];
      if (parts === undefined || shifts === undefined || !shifts.some((s) => s.id === parts.shiftId)) {
        issues.push(problem('unknown_seat', `seat '${seat}' is not a seat of the roster's posts and shifts`, 'roster', 'seats', seat));
      } else if (parts.day < r.startDay || parts.day > last) {
        issues.push(problem('outside_horizon', `seat '${seat}' is outside ${r.startDay}…${last}`, 'roster', 'seats', seat));
      } else {
        const post = tableGet(state.posts, parts.postId);
        const shift = shifts.find((s) => s.id === parts.shiftId);
        if (post !== undefined && parts.slot !== 'L' && parts.slot > post.staff) {
          issues.push(problem('unknown_seat', `seat '${seat}': post '${parts.postId}' has ${post.staff} staff seat(s) a shift`, 'roster', 'seats', seat));
        }
        const closed = (from: string | undefined, to: string | undefined): boolean => (from !== undefined && parts.day < from) || (to !== undefined && parts.day > to);
        if (post !== undefined && closed(post.from, post.to)) {
          issues.push(problem('post_not_open', `seat '${seat}' is on ${parts.day}, when post '${parts.postId}' is not open (${post.from ?? '…'} to ${post.to ?? '…'})`, 'roster', 'seats', seat));
        } else if (shift !== undefined && closed(shift.from, shift.to)) {
          issues.push(problem('shift_not_worked', `seat '${seat}' is on ${parts.day}, when shift '${parts.shiftId}' is not worked (${shift.from ?? '…'} to ${shift.to ?? '…'})`, 'roster', 'seats', seat));
        }
      }
      if (person !== null && !tableHas(state.people, person)) issues.push(problem('unknown_person', `unknown person '${person}'`, 'roster', 'seats', seat));
    }
    return issues;
  },
  scope: (state, e) => ({ units: [...new Set(Object.keys(e.roster.shifts).map((id) => tableGet(state.posts, id)?.unitId).filter((u): u is OrgId => u !== undefined))], action: 'record' }),
  recipe: (state, e) => {
    const r = e.roster;
    const seats = Object.keys(r.seats) as PublishedRoster['seats'][number][];
    tableSet(state.rosters, e.rosterId, { id: e.rosterId, startDay: r.startDay, days: r.days, shifts: r.shifts, seats, publishedAt: e.at, publishedBy: e.by, revisions: 0 });
    for (const seat of seats) tableSet(state.duties, pairKey(e.rosterId, seat), { rosterId: e.rosterId, seat, personId: r.seats[seat] ?? null });
  },
};

/** Problems with changing a seat of a roster at the event's instant: unknown, or already started. */
function checkFutureSeat(state: State, roster: PublishedRoster, seat: string, atMs: number, issues: Issue[], ...path: PropertyKey[]): void {
  if (!tableHas(state.duties, pairKey(roster.id, seat))) {
    issues.push(problem('unknown_seat', `roster '${roster.id}' has no seat '${seat}'`, ...path));
    return;
  }
  if (seatStartMs(roster, seat) <= atMs) issues.push(problem('seat_started', `seat '${seat}' has started; a started duty cannot change`, ...path));
}

export const dutiesReassigned: Effect<State, DutiesReassigned> = {
  check: (state, e) => {
    const roster = tableGet(state.rosters, e.rosterId);
    if (roster === undefined) return [problem('unknown_roster', `unknown roster '${e.rosterId}'`, 'rosterId')];
    const issues: Issue[] = [];
    const at = Date.parse(e.at);
    const seen = new Set<string>();
    e.changes.forEach((ch, i) => {
      if (seen.has(ch.seat)) issues.push(problem('duplicate_seat', `seat '${ch.seat}' appears twice`, 'changes', i, 'seat'));
      seen.add(ch.seat);
      checkFutureSeat(state, roster, ch.seat, at, issues, 'changes', i, 'seat');
      if (ch.personId !== null && !tableHas(state.people, ch.personId)) issues.push(problem('unknown_person', `unknown person '${ch.personId}'`, 'changes', i, 'personId'));
    });
    return issues;
  },
  scope: (state, e) => ({ units: rosterUnits(state, e.rosterId), action: 'record' }),
  recipe: (state, e) => {
    for (const ch of e.changes) tableEdit(state.duties, pairKey(e.rosterId, ch.seat)).personId = ch.personId;
    const r = tableEdit(state.rosters, e.rosterId);
    r.revisions += 1;
  },
};

export const dutySwapped: Effect<State, DutySwapped> = {
  check: (state, e) => {
    const roster = tableGet(state.rosters, e.rosterId);
    if (roster === undefined) return [problem('unknown_roster', `unknown roster '${e.rosterId}'`, 'rosterId')];
    const issues: Issue[] = [];
    const at = Date.parse(e.at);
    if (e.seats[0] === e.seats[1]) issues.push(problem('same_seat', 'a swap needs two different seats', 'seats', 1));
    e.seats.forEach((seat, i) => {
      checkFutureSeat(state, roster, seat, at, issues, 'seats', i);
      const duty = tableGet(state.duties, pairKey(e.rosterId, seat));
      if (duty !== undefined && duty.personId === null) issues.push(problem('unfilled_seat', `seat '${seat}' is unfilled: there is nobody to swap`, 'seats', i));
    });
    return issues;
  },
  scope: (state, e) => ({ units: rosterUnits(state, e.rosterId), action: 'record' }),
  recipe: (state, e) => {
    const a = tableEdit(state.duties, pairKey(e.rosterId, e.seats[0]));
    const b = tableEdit(state.duties, pairKey(e.rosterId, e.seats[1]));
    const p = a.personId;
    a.personId = b.personId;
    b.personId = p;
    tableEdit(state.rosters, e.rosterId).revisions += 1;
  },
};

export const attendanceRecorded: Effect<State, AttendanceRecorded> = {
  check: (state, e) => {
    const roster = tableGet(state.rosters, e.rosterId);
    if (roster === undefined) return [problem('unknown_roster', `unknown roster '${e.rosterId}'`, 'rosterId')];
    const duty = tableGet(state.duties, pairKey(e.rosterId, e.seat));
    if (duty === undefined) return [problem('unknown_seat', `roster '${e.rosterId}' has no seat '${e.seat}'`, 'seat')];
    const issues: Issue[] = [];
    if (duty.personId === null) issues.push(problem('unfilled_seat', `seat '${e.seat}' is unfilled: nobody to check`, 'seat'));
    if (duty.attendance !== undefined) issues.push(problem('already_recorded', `attendance at '${e.seat}' is recorded`, 'seat'));
    if (Date.parse(e.at) < seatStartMs(roster, e.seat)) issues.push(problem('before_shift', `seat '${e.seat}' has not started at ${e.at}`, 'at'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.posts, parseSeatId(e.seat)?.postId ?? '')?.unitId), action: 'record' }),
  recipe: (state, e) => {
    tableEdit(state.duties, pairKey(e.rosterId, e.seat)).attendance = { status: e.status, at: e.at, by: e.by };
  },
};
