import type { AdmissionCase, AdmissionStep } from '../../admission/model.js';
import { admissionStatus } from '../../admission/pipeline.js';
import { checkStep, replay as replayCase } from '../../admission/state.js';
import type { Issue } from '../../core/errors.js';
import type { PartyStatus } from '../../core/vocabulary.js';
import type { AdmissionCaseOpened, AdmissionStepRecorded } from '../events.js';
import { tableEditIfAny, tableGet, tableHas, tableSet } from '../table.js';
import { problem, type LedgerState } from './types.js';
import type { Effect } from './types.js';

/** Steps dated after the event's day. */
function futureSteps(steps: readonly AdmissionStep[], day: string, base: readonly PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  steps.forEach((s, i) => {
    if (s.day > day) out.push(problem('future_step', `a step of ${s.day} cannot be recorded on ${day}`, ...base, i, 'day'));
  });
  return out;
}

/** The register follows the case: the person's Party status (and, on admission, the day they joined). */
function follow(state: LedgerState, c: AdmissionCase): void {
  if (c.steps.length === 0) return;
  const status = admissionStatus(c);
  const partyStatus: PartyStatus = status === 'cancelled' ? 'nonMember' : status;
  const person = tableGet(state.people, c.person);
  if (person === undefined || person.partyStatus === partyStatus) return;
  const p = tableEditIfAny(state.people, c.person);
  if (p === undefined) return;
  p.partyStatus = partyStatus;
  if (partyStatus === 'probationaryMember') {
    const meeting = c.steps.findLast((s) => s.step === 'admissionMeeting');
    if (meeting !== undefined) p.partyJoinedOn = meeting.day;
  }
}

export const admissionCaseOpened: Effect<AdmissionCaseOpened> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.admissions, e.caseId)) issues.push(problem('duplicate_case', `admission case '${e.caseId}' exists`, 'caseId'));
    const person = tableGet(state.people, e.personId);
    if (person === undefined) issues.push(problem('unknown_person', `unknown person '${e.personId}'`, 'personId'));
    const i = ctx.tree.indexOf.get(e.branch);
    const unit = i === undefined ? undefined : ctx.tree.units[i];
    if (unit === undefined) issues.push(problem('unknown_unit', `unknown unit '${e.branch}'`, 'branch'));
    else if (unit.party === undefined) issues.push(problem('no_party_organization', `'${e.branch}' has no Party organization to develop members`, 'branch'));
    const steps = e.steps ?? [];
    issues.push(...futureSteps(steps, ctx.day, ['steps']));
    if (issues.length > 0 || person === undefined || unit === undefined) return issues;
    const c: AdmissionCase = { id: e.caseId, person: e.personId, birthDate: person.birthDate, branch: e.branch, temporaryBranch: unit.kind === 'temporaryBranch', steps };
    const replayed = replayCase(c);
    ctx.found = c;
    return replayed.issues;
  },
  scope: (_s, e) => ({ units: [e.branch], action: 'record' }),
  recipe: (state, _e, ctx) => {
    const c = ctx.found as AdmissionCase;
    tableSet(state.admissions, c.id, { id: c.id, person: c.person, birthDate: c.birthDate, branch: c.branch, temporaryBranch: c.temporaryBranch, steps: c.steps });
    follow(state, c);
  },
};

export const admissionStepRecorded: Effect<AdmissionStepRecorded> = {
  check: (state, e, ctx) => {
    const c = tableGet(state.admissions, e.caseId);
    if (c === undefined) return [problem('unknown_case', `unknown admission case '${e.caseId}'`, 'caseId')];
    const future = futureSteps([e.step], ctx.day, []).map((i) => ({ ...i, path: ['step', 'day'] }));
    if (future.length > 0) return future;
    const { state: s } = replayCase(c);
    return checkStep(c, s, e.step).map((i) => ({ ...i, path: ['step', ...i.path] }));
  },
  scope: (state, e) => {
    const c = tableGet(state.admissions, e.caseId);
    return { units: c === undefined ? [] : [c.branch], action: 'record' };
  },
  recipe: (state, e) => {
    const c = tableEditIfAny(state.admissions, e.caseId);
    if (c === undefined) return;
    c.steps = [...c.steps, e.step];
    follow(state, c as AdmissionCase);
  },
};
