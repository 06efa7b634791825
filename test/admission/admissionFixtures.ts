/**
 * A candidate's way through the admission pipeline at a village branch, step by step: applies on
 * 2019-11-04, becomes an activist on 2020-02-01, a development target on 2021-02-01, is admitted at
 * the branch meeting of 2021-03-20 and converted when probation ends on 2022-03-20.
 */
import { expect } from 'vitest';
import { advance, openAdmissionCase, tryAdvance } from '../../src/admission/pipeline.js';
import type { AdmissionCase, AdmissionCaseInput, AdmissionStepInput, AdmissionStepKind } from '../../src/admission/model.js';
import type { AdmissionRuleId } from '../../src/admission/rules.js';

/** A sponsor (contact or introducer) with a Party status, full by default. */
export const member = (person: string, status: 'fullMember' | 'probationaryMember' | 'activist' = 'fullMember') => ({ person, status });

/** The candidate of the fixtures. */
export const CANDIDATE = 'p0000042';

/** The case before any step. */
export const BASE: AdmissionCaseInput = { id: 'adm-001', person: CANDIDATE, birthDate: '1996-05-04', branch: 'yc.t03.v201' };

/** A passing vote. */
export const PASSING = { entitled: 11, attending: 9, yes: 8 };

/** Every step of a smooth admission, in order. */
export const PIPELINE: readonly AdmissionStepInput[] = [
  { step: 'application', day: '2019-11-04' },
  { step: 'applicationTalk', day: '2019-11-20', by: 'p0000101' },
  { step: 'activist', day: '2020-02-01', recommendation: 'partyMembers', decidedBy: 'branchCommittee', filedWith: 'yc.t03', contacts: [member('p0000101')] },
  { step: 'assessment', day: '2020-07-30' },
  { step: 'assessment', day: '2021-01-20' },
  { step: 'developmentTarget', day: '2021-02-01', decidedBy: 'branchCommittee', filedWith: 'yc.t03' },
  { step: 'politicalReview', day: '2021-03-01', conclusion: '政治审查合格' },
  { step: 'introducers', day: '2021-03-02', introducers: [member('p0000101'), member('p0000102')] },
  { step: 'training', day: '2021-03-12', days: 3 },
  { step: 'admissionMeeting', day: '2021-03-20', votes: PASSING },
  { step: 'higherTalk', day: '2021-04-02', by: 'p0000900' },
  { step: 'admissionApproval', day: '2021-04-10', approvedBy: 'yc.t03', withinAnnualQuota: true },
  { step: 'conversionMeeting', day: '2022-03-21', votes: { entitled: 12, attending: 10, yes: 10 } },
  { step: 'probationApproval', day: '2022-04-15', approvedBy: 'yc.t03' },
];

/** Applies steps one by one with {@link advance}. */
export function run(c: AdmissionCase, steps: readonly AdmissionStepInput[]): AdmissionCase {
  return steps.reduce((acc, s) => advance(acc, s), c);
}

/** The pipeline's case just before the `n`-th occurrence (from 1) of a step kind, optionally on other case settings. */
export function before(kind: AdmissionStepKind, options: { occurrence?: number; base?: Partial<AdmissionCaseInput>; steps?: readonly AdmissionStepInput[] } = {}): AdmissionCase {
  const steps = options.steps ?? PIPELINE;
  let seen = 0;
  const upTo = steps.findIndex((s) => s.step === kind && ++seen === (options.occurrence ?? 1));
  if (upTo < 0) throw new Error(`no ${kind} in the fixture`);
  return run(openAdmissionCase({ ...BASE, ...options.base }), steps.slice(0, upTo));
}

/** The fixture step of a kind, with fields replaced. */
export function stepOf(kind: AdmissionStepKind, patch: Record<string, unknown> = {}, occurrence = 1): AdmissionStepInput {
  let seen = 0;
  const s = PIPELINE.find((x) => x.step === kind && ++seen === occurrence);
  if (s === undefined) throw new Error(`no ${kind} in the fixture`);
  return { ...s, ...patch } as AdmissionStepInput;
}

/** The rule ids cited by the refusal of a step (fails the test when the step is accepted). */
export function refusedRules(c: AdmissionCase, step: AdmissionStepInput): AdmissionRuleId[] {
  const r = tryAdvance(c, step);
  expect(r.ok, `expected ${step.step} on ${step.day} to be refused`).toBe(false);
  if (r.ok) return [];
  expect(r.error.code).toBe('invalid_input');
  for (const i of r.error.issues) expect(i.message.length).toBeGreaterThan(10);
  return r.error.issues.map((i) => i.rule as AdmissionRuleId);
}

/** Asserts that a step is accepted and returns the new case. */
export function accepted(c: AdmissionCase, step: AdmissionStepInput): AdmissionCase {
  const r = tryAdvance(c, step);
  if (!r.ok) throw new Error(`expected ${step.step} on ${step.day} to be accepted:\n${r.error.message}`);
  return r.value;
}
