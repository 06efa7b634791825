import type { Writable } from '../store/table.js';
import type { AdmissionCase, AdmissionStep } from './model.js';
import { admissionStatus } from './pipeline.js';
import { checkStep, replay as replayCase } from './state.js';
import type { Issue } from '../core/errors.js';
import type { PartyStatus } from '../core/vocabulary.js';
import type { AdmissionCaseOpened, AdmissionStepRecorded } from './events.js';
import { tableEditIfAny, tableGet, tableHas, tableSet } from '../store/table.js';
import { problem, unitsOf } from '../store/effect.js';
import type { Effect } from '../store/effect.js';
import type { RegisterTables } from '../register/tables.js';
import type { AdmissionTables } from './tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & AdmissionTables;

/** Steps dated after the event's day. */
function futureSteps(steps: readonly AdmissionStep[], day: string, base: readonly PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  steps.forEach((s, i) => {
    if (s.day > day) out.push(problem('future_step', `a step of ${s.day} cannot be recorded on ${day}`, ...base, i, 'day'));
  });
  return out;
}

/** The order of the pipeline's statuses, to refuse a case that would set the register back. */
const RANK: Record<string, number> = { nonMember: 0, applicant: 1, activist: 2, developmentTarget: 3, probationaryMember: 4, fullMember: 5 };

/** Contacts and introducers must be in the register with the Party status the step gives them. */
function sponsorIssues(state: State, step: AdmissionStep, base: readonly PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  const check = (list: readonly { person: string; status: string }[], field: string): void =>
    list.forEach((s, i) => {
      const p = tableGet(state.people, s.person);
      if (p === undefined) out.push(problem('unknown_person', `unknown person '${s.person}'`, ...base, field, i, 'person'));
      else if (p.partyStatus !== s.status) out.push(problem('status_mismatch', `'${s.person}' is a ${p.partyStatus} in the register, not a ${s.status}`, ...base, field, i, 'status'));
    });
  if (step.step === 'activist') check(step.contacts, 'contacts');
  if (step.step === 'introducers') check(step.introducers, 'introducers');
  return out;
}

/** The register follows the case: the person's Party status (and, on admission, the day they joined). */
function follow(state: Writable<State>, c: AdmissionCase): void {
  if (c.steps.length === 0) return;
  const status = admissionStatus(c);
  const partyStatus: PartyStatus = status === 'cancelled' ? 'nonMember' : status;
  const meeting = partyStatus === 'probationaryMember' || partyStatus === 'fullMember' ? c.steps.findLast((s) => s.step === 'admissionMeeting')?.day : undefined;
  const person = tableGet(state.people, c.person);
  if (person === undefined || (person.partyStatus === partyStatus && person.partyJoinedOn === meeting)) return;
  const p = tableEditIfAny(state.people, c.person);
  if (p === undefined) return;
  p.partyStatus = partyStatus;
  // members joined on the day of the branch meeting that admitted them; others have no join date
  if (meeting !== undefined) p.partyJoinedOn = meeting;
  else if (p.partyJoinedOn !== undefined) delete p.partyJoinedOn;
}

/**
 * A case may not set the register back: its status must not rank below the person's (a cancelled
 * probation follows only a probationary member, or a non-member entered with that history).
 */
function behindRegister(c: AdmissionCase, registered: PartyStatus, path: readonly PropertyKey[], opening: boolean): Issue[] {
  const status = admissionStatus(c);
  if (status === 'cancelled') {
    const allowed = registered === 'probationaryMember' || (opening && registered === 'nonMember');
    return allowed ? [] : [problem('behind_register', `cancelling probation needs a probationary member; the register has a ${registered}`, ...path)];
  }
  return (RANK[status] as number) < (RANK[registered] as number)
    ? [problem('behind_register', `the case would stand at ${status}, but the register has the person as a ${registered}: enter the case with its history`, ...path)]
    : [];
}

export const admissionCaseOpened: Effect<State, AdmissionCaseOpened> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.admissions, e.caseId)) issues.push(problem('duplicate_case', `admission case '${e.caseId}' exists`, 'caseId'));
    const person = tableGet(state.people, e.personId);
    if (person === undefined) issues.push(problem('unknown_person', `unknown person '${e.personId}'`, 'personId'));
    const i = ctx.tree.indexOf.get(e.branch);
    const unit = i === undefined ? undefined : ctx.tree.units[i];
    if (unit === undefined) issues.push(problem('unknown_unit', `unknown unit '${e.branch}'`, 'branch'));
    else if (unit.party === undefined) issues.push(problem('no_party_organization', `'${e.branch}' has no Party organization to develop members`, 'branch'));
    if (person !== undefined) {
      const found = person.admissionCase === undefined ? undefined : tableGet(state.admissions, person.admissionCase);
      const current = found?.person === person.id ? found : undefined;
      const status = current === undefined ? undefined : admissionStatus(current);
      if (current !== undefined && status !== 'fullMember' && status !== 'cancelled')
        issues.push(problem('open_case', `'${e.personId}' already has the open case '${current.id}'`, 'personId'));
      // a full member has nothing left to develop; a probationary member is entered with the history
      // that made them one, so that the conversion, an extension or a cancellation can follow
      if (person.partyStatus === 'fullMember' || (person.partyStatus === 'probationaryMember' && (e.steps ?? []).length === 0))
        issues.push(
          problem(
            'already_member',
            `'${e.personId}' is a ${person.partyStatus} in the register${person.partyStatus === 'probationaryMember' ? ': enter the case with the history that admitted them' : ''}`,
            'personId',
          ),
        );
    }
    const steps = e.steps ?? [];
    issues.push(...futureSteps(steps, ctx.day, ['steps']));
    steps.forEach((s, i) => issues.push(...sponsorIssues(state, s, ['steps', i])));
    if (issues.length > 0 || person === undefined || unit === undefined) return issues;
    const c: AdmissionCase = { id: e.caseId, person: e.personId, birthDate: person.birthDate, branch: e.branch, temporaryBranch: unit.kind === 'temporaryBranch', openedOn: ctx.day, steps };
    const replayed = replayCase(c);
    if (replayed.issues.length > 0) return replayed.issues;
    // entered with its history, the case must not set the register back
    if (steps.length > 0) {
      const behind = behindRegister(c, person.partyStatus, ['steps'], true);
      if (behind.length > 0) return behind;
      // nor give a member another join day than the register's
      const meeting = steps.findLast((s) => s.step === 'admissionMeeting')?.day;
      if (person.partyJoinedOn !== undefined && meeting !== undefined && meeting !== person.partyJoinedOn)
        return [problem('join_date_mismatch', `the history admits '${e.personId}' on ${meeting}, the register on ${person.partyJoinedOn}`, 'steps')];
    }
    ctx.found = c;
    return [];
  },
  // the branch and the person's own unit: a worker develops members of their own scope only
  scope: (state, e) => ({ units: [e.branch, ...unitsOf(tableGet(state.people, e.personId)?.unitId)], action: 'record' }),
  recipe: (state, _e, ctx) => {
    const c = ctx.found as AdmissionCase;
    tableSet(state.admissions, c.id, { id: c.id, person: c.person, birthDate: c.birthDate, branch: c.branch, temporaryBranch: c.temporaryBranch, openedOn: c.openedOn, steps: c.steps });
    const p = tableEditIfAny(state.people, c.person);
    if (p !== undefined) p.admissionCase = c.id;
    follow(state, c);
  },
};

export const admissionStepRecorded: Effect<State, AdmissionStepRecorded> = {
  check: (state, e, ctx) => {
    const c = tableGet(state.admissions, e.caseId);
    if (c === undefined) return [problem('unknown_case', `unknown admission case '${e.caseId}'`, 'caseId')];
    const future = futureSteps([e.step], ctx.day, []).map((i) => ({ ...i, path: ['step', 'day'] }));
    if (future.length > 0) return future;
    const { state: s } = replayCase(c);
    const issues = [...checkStep(c, s, e.step).map((i) => ({ ...i, path: ['step', ...i.path] })), ...sponsorIssues(state, e.step, ['step'])];
    const person = tableGet(state.people, c.person);
    if (issues.length === 0 && person !== undefined) issues.push(...behindRegister({ ...c, steps: [...c.steps, e.step] }, person.partyStatus, ['step'], false));
    return issues;
  },
  scope: (state, e) => {
    const c = tableGet(state.admissions, e.caseId);
    return { units: c === undefined ? [] : [c.branch, ...unitsOf(tableGet(state.people, c.person)?.unitId)], action: 'record' };
  },
  recipe: (state, e) => {
    const c = tableEditIfAny(state.admissions, e.caseId);
    if (c === undefined) return;
    c.steps = [...c.steps, e.step];
    follow(state, c as AdmissionCase);
  },
};
