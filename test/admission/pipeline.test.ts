import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../../src/core/errors.js';
import { ADMISSION_LABELS, AdmissionStatus, AdmissionStep, AdmissionStepKind, BranchVote } from '../../src/admission/model.js';
import {
  admissionTimeline,
  advance,
  checkAdmissionCase,
  nextSteps,
  openAdmissionCase,
  admissionStatus,
  tryAdvance,
} from '../../src/admission/pipeline.js';
import { ADMISSION_RULES } from '../../src/admission/rules.js';
import { BASE, PASSING, PIPELINE, before, member, run, stepOf } from './admissionFixtures.js';

const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};

describe('the pipeline', () => {
  it('takes a candidate from application to full membership through every status', () => {
    let c = openAdmissionCase(BASE);
    const seen = [admissionStatus(c)];
    for (const step of PIPELINE) {
      c = advance(c, step);
      if (seen.at(-1) !== admissionStatus(c)) seen.push(admissionStatus(c));
    }
    expect(seen).toEqual(['nonMember', 'applicant', 'activist', 'developmentTarget', 'probationaryMember', 'fullMember']);
    expect(c.steps.map((s) => s.step)).toEqual(PIPELINE.map((s) => s.step));
    expect(checkAdmissionCase(c)).toEqual([]);
  });

  it('never changes the case or the step it is given', () => {
    const c = deepFreeze(before('admissionMeeting'));
    const step = deepFreeze(stepOf('admissionMeeting'));
    const copy = structuredClone(c);
    const next = advance(c, step);
    expect(c).toEqual(copy);
    expect(next.steps).toHaveLength(c.steps.length + 1);
    expect(next.steps.at(-1)).not.toBe(step);
  });

  it('throws a FrontlineError with every broken rule, its path under step, and a message naming the rule’s limit', () => {
    const c = before('admissionMeeting', { base: { temporaryBranch: true } });
    let error: unknown;
    try {
      advance(c, stepOf('admissionMeeting', { day: '2021-03-01', votes: { entitled: 11, attending: 6, yes: 5 } }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontlineError);
    const e = error as FrontlineError;
    expect(e.code).toBe('invalid_input');
    expect(e.issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['step.day', 'admission.sequence'],
      ['step', 'admission.temporaryBranch'],
      ['step.votes.yes', 'admission.meetingMajority'],
    ]);
    expect(e.message).toContain('before the previous step');
    expect(e.message).toContain('more than half of those entitled (at least 6)');
    for (const i of e.issues) expect(Object.keys(ADMISSION_RULES)).toContain(i.rule);
  });

  it('tryAdvance returns the same outcome as a Result', () => {
    const c = before('applicationTalk');
    const ok = tryAdvance(c, stepOf('applicationTalk'));
    expect(ok.ok && admissionStatus(ok.value)).toBe('applicant');
    const bad = tryAdvance(c, stepOf('applicationTalk', { day: '2019-12-06' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues[0]?.message).toBe('the talk on 2019-12-06 is 32 days after the application of 2019-11-04: it is held within one month (by 2019-12-04)');
  });

  it('refuses malformed steps and cases with paths, and lets other errors through', () => {
    const c = before('applicationTalk');
    const r = tryAdvance(c, { step: 'applicationTalk', day: '2019-02-30', by: '' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['step.by', 'step.day']);
    const unknown = tryAdvance(c, { step: 'oath', day: '2019-12-01' } as never);
    expect(unknown.ok).toBe(false);
    const badCase = tryAdvance({ ...c, birthDate: 'yesterday' } as never, stepOf('applicationTalk'));
    expect(!badCase.ok && badCase.error.issues[0]?.path).toEqual(['case', 'birthDate']);
    expect(() => openAdmissionCase({ ...BASE, id: '' })).toThrow(FrontlineError);
  });

  it('refuses a stored case whose steps break the rules, and checkAdmissionCase lists them', () => {
    const tampered = { ...before('developmentTarget'), steps: [...before('developmentTarget').steps, { step: 'developmentTarget', day: '2020-06-01', decidedBy: 'branchCommittee' }] };
    const issues = checkAdmissionCase(tampered);
    expect(issues.map((i) => [i.path.join('.'), i.rule])).toEqual([
      ['steps.5.day', 'admission.sequence'],
      ['steps.5.day', 'admission.activistPeriod'],
      ['steps.5.filedWith', 'admission.developmentTargetSelection'],
    ]);
    const r = tryAdvance(tampered as never, stepOf('politicalReview'));
    expect(!r.ok && r.error.issues.every((i) => i.path[0] === 'case')).toBe(true);
    expect(() => openAdmissionCase(tampered as never)).toThrow(/breaks the admission rules/);
    expect(checkAdmissionCase({ id: 1 }).length).toBeGreaterThan(0);
  });

  it('opens a case with its earlier steps, a plain branch by default', () => {
    const c = openAdmissionCase({ ...BASE, steps: PIPELINE.slice(0, 3) });
    expect(c.temporaryBranch).toBe(false);
    expect(admissionStatus(c)).toBe('activist');
  });
});

describe('nextSteps', () => {
  it('offers the application from the 18th birthday', () => {
    const c = openAdmissionCase({ ...BASE, birthDate: '2003-06-15' });
    expect(nextSteps(c, '2020-03-01')).toEqual([{ step: 'application', earliest: '2021-06-15', earliestRule: 'admission.minimumAge' }]);
    expect(nextSteps(c, '2022-01-01')).toEqual([{ step: 'application', earliest: '2022-01-01', earliestRule: 'admission.sequence' }]);
  });

  it('offers the talk until a month after the application, and nothing once that month has passed', () => {
    const c = before('applicationTalk');
    expect(nextSteps(c, '2019-11-10')).toEqual([
      { step: 'applicationTalk', earliest: '2019-11-10', earliestRule: 'admission.sequence', latest: '2019-12-04', latestRule: 'admission.applicationTalk' },
    ]);
    expect(nextSteps(c, '2019-12-05')).toEqual([]);
  });

  it('gives an activist the assessment, the fast track and (once assessed) the development target from a year on', () => {
    const activist = before('assessment');
    expect(nextSteps(activist, '2020-03-01').map((n) => [n.step, n.earliest, n.latest])).toEqual([
      ['assessment', '2020-03-01', '2020-08-01'],
      ['fastTrack', '2020-03-01', '2020-12-31'],
    ]);
    const assessed = before('assessment', { occurrence: 2 });
    expect(nextSteps(assessed, '2020-09-01').find((n) => n.step === 'developmentTarget')).toBeUndefined(); // the year ends after the next assessment is due
    const twice = before('developmentTarget');
    expect(nextSteps(twice, '2021-01-25').find((n) => n.step === 'developmentTarget')).toEqual({
      step: 'developmentTarget',
      earliest: '2021-02-01',
      earliestRule: 'admission.activistPeriod',
      latest: '2021-07-20',
      latestRule: 'admission.activistAssessment',
    });
    const fast = run(activist, [
      { step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '一线' },
      { step: 'assessment', day: '2020-03-01' },
    ]);
    expect(nextSteps(fast, '2020-03-01').find((n) => n.step === 'developmentTarget')?.earliest).toBe('2020-03-01');
  });

  it('offers the admission meeting only once review, introducers, training (and a temporary branch’s approval) are in', () => {
    expect(nextSteps(before('politicalReview'), '2021-02-02').map((n) => n.step)).toEqual(['politicalReview', 'introducers', 'training']);
    expect(nextSteps(before('admissionMeeting'), '2021-03-13').map((n) => n.step)).toEqual(['admissionMeeting']);
    expect(nextSteps(before('admissionMeeting', { base: { temporaryBranch: true } }), '2021-03-13').map((n) => n.step)).toEqual(['temporaryBranchApproval']);
  });

  it('gives the approval its 3 months and the 6 months with special circumstances', () => {
    expect(nextSteps(before('higherTalk'), '2021-03-21')).toEqual([
      { step: 'higherTalk', earliest: '2021-03-21', earliestRule: 'admission.sequence', latest: '2021-09-20', latestRule: 'admission.approvalDeadline' },
    ]);
    expect(nextSteps(before('admissionApproval'), '2021-07-01')).toEqual([
      {
        step: 'admissionApproval',
        earliest: '2021-07-01',
        earliestRule: 'admission.sequence',
        latest: '2021-06-20',
        latestRule: 'admission.approvalDeadline',
        latestWithExtension: '2021-09-20',
      },
    ]);
    expect(nextSteps(before('admissionApproval'), '2021-09-21')).toEqual([]);
  });

  it('offers conversion and extension when probation ends, cancellation at any time; then the approval within 3 months', () => {
    expect(nextSteps(before('conversionMeeting'), '2021-05-01')).toEqual([
      { step: 'conversionMeeting', earliest: '2022-03-20', earliestRule: 'admission.probationPeriod' },
      { step: 'extensionMeeting', earliest: '2022-03-20', earliestRule: 'admission.probationPeriod' },
      { step: 'cancellationMeeting', earliest: '2021-05-01', earliestRule: 'admission.sequence' },
    ]);
    const extended = run(before('conversionMeeting'), [
      { step: 'extensionMeeting', day: '2022-03-20', votes: PASSING, months: 12 },
      { step: 'probationApproval', day: '2022-03-30', approvedBy: 'yc.t03' },
    ]);
    expect(nextSteps(extended, '2022-04-01').map((n) => [n.step, n.earliest])).toEqual([
      ['conversionMeeting', '2023-03-20'],
      ['cancellationMeeting', '2022-04-01'],
    ]);
    expect(nextSteps(before('probationApproval'), '2022-03-21')).toEqual([
      { step: 'probationApproval', earliest: '2022-03-21', earliestRule: 'admission.sequence', latest: '2022-06-21', latestRule: 'admission.probationApprovalDeadline' },
    ]);
  });

  it('has nothing for a closed case, never offers a day before the last step, and refuses a bad day', () => {
    expect(nextSteps(run(openAdmissionCase(BASE), PIPELINE), '2022-05-01')).toEqual([]);
    expect(nextSteps(before('training'), '2020-01-01').map((n) => n.earliest)).toEqual(['2021-03-02']);
    expect(() => nextSteps(before('training'), '2021-02-30')).toThrow(FrontlineError);
  });
});

describe('labels and enumerations', () => {
  it('names every step kind and status in Chinese and English', () => {
    for (const k of AdmissionStepKind.options) {
      expect(ADMISSION_LABELS.admissionStep[k].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(ADMISSION_LABELS.admissionStep[k].en.length).toBeGreaterThan(3);
    }
    for (const s of AdmissionStatus.options) expect(ADMISSION_LABELS.admissionStatus[s].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(AdmissionStatus.options).toEqual(['nonMember', 'applicant', 'activist', 'developmentTarget', 'probationaryMember', 'fullMember', 'cancelled']);
  });

  it('has one schema per step kind, discriminated on step', () => {
    for (const k of AdmissionStepKind.options) expect(AdmissionStep.safeParse({ step: k }).success).toBe(false);
    expect(AdmissionStep.options.map((o) => o.shape.step.value)).toEqual(AdmissionStepKind.options);
  });

  it('checks vote counts as data', () => {
    expect(BranchVote.safeParse({ entitled: 11, attending: 6, yes: 6, writtenYes: 5 }).success).toBe(true);
    expect(BranchVote.safeParse({ entitled: 11, attending: 6, yes: 6, writtenYes: 6 }).success).toBe(false);
  });

  it('keeps a timeline of the milestones', () => {
    const c = before('admissionApproval');
    expect(admissionTimeline(c)).toMatchObject({ admittedOn: '2021-03-20' });
    expect(admissionTimeline(c).probationEnds).toBeUndefined();
    expect(member('x')).toEqual({ person: 'x', status: 'fullMember' });
  });
});
