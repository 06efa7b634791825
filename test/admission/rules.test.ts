import { describe, expect, it } from 'vitest';
import { admissionTimeline, openAdmissionCase, admissionStatus } from '../../src/admission/pipeline.js';
import { ADMISSION_RULES, type AdmissionRuleId } from '../../src/admission/rules.js';
import { RULES } from '../../src/core/rules.js';
import type { AdmissionStepInput } from '../../src/admission/model.js';
import { BASE, CANDIDATE, PASSING, PIPELINE, accepted, before, member, refusedRules, run, stepOf } from './admissionFixtures.js';

/** Every rule id a test below shows being enforced (filled as the tests run). */
const exercised = new Set<AdmissionRuleId>();
const refused = (...args: Parameters<typeof refusedRules>): AdmissionRuleId[] => {
  const rules = refusedRules(...args);
  rules.forEach((r) => exercised.add(r));
  return rules;
};
const title = (id: AdmissionRuleId): string => `${id} (${ADMISSION_RULES[id].source})`;

describe('the rule table', () => {
  it('has, for every rule, its id as key, both languages, a source and a strength', () => {
    for (const [key, r] of Object.entries(ADMISSION_RULES)) {
      expect(r.id).toBe(key);
      expect(key.startsWith('admission.')).toBe(true);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en.length).toBeGreaterThan(20);
      expect(r.source.length).toBeGreaterThan(3);
      expect(['H', 'M', 'L']).toContain(r.strength);
    }
  });

  it('cites the 2014 detailed rules with article numbers, the constitution for probation and standing', () => {
    const rules: readonly { source: string }[] = Object.values(ADMISSION_RULES);
    const xize = rules.filter((r) => r.source.includes('中国共产党发展党员工作细则 2014'));
    expect(xize.length).toBeGreaterThan(15);
    for (const r of xize) expect(r.source).toMatch(/细则 2014 Art\.\d+/);
    for (const id of ['admission.probationPeriod', 'admission.standing', 'admission.introducers'] as const)
      expect(ADMISSION_RULES[id].source).toMatch(/党章 Art\.\d/);
  });

  it('rates the 2020 fast track as one-source, of the 2020 edition, and spells out what it never waives', () => {
    const r = ADMISSION_RULES['admission.frontLineFastTrack'];
    expect(r.strength).toBe('M');
    expect(r.edition).toBe('2020');
    for (const word of ['age', 'political review', 'introducers', 'training', 'vote', 'approval deadlines', 'probation']) expect(r.en).toContain(word);
  });

  it('uses ids that do not clash with the organization rules', () => {
    for (const id of Object.keys(ADMISSION_RULES)) expect(Object.keys(RULES)).not.toContain(id);
  });
});

describe(title('admission.minimumAge'), () => {
  it('refuses an applicant of 17 and accepts one on their 18th birthday', () => {
    const young = openAdmissionCase({ ...BASE, birthDate: '2003-01-01' });
    expect(refused(young, { step: 'application', day: '2020-12-31' })).toEqual(['admission.minimumAge']);
    expect(admissionStatus(accepted(young, { step: 'application', day: '2021-01-01' }))).toBe('applicant');
  });

  it('counts a birthday on 29 February as reached on 1 March in common years', () => {
    const leap = openAdmissionCase({ ...BASE, birthDate: '2000-02-29' });
    expect(refused(leap, { step: 'application', day: '2018-02-28' })).toEqual(['admission.minimumAge']);
    accepted(leap, { step: 'application', day: '2018-03-01' });
  });
});

describe(title('admission.applicationTalk'), () => {
  const applied = before('applicationTalk');
  it('refuses a talk 32 days after the application, accepts one a calendar month after', () => {
    expect(refused(applied, stepOf('applicationTalk', { day: '2019-12-06' }))).toEqual(['admission.applicationTalk']);
    accepted(applied, stepOf('applicationTalk', { day: '2019-12-04' }));
  });

  it('measures the month on the calendar: an application of 31 January is talked about by 29 February 2020', () => {
    const c = run(openAdmissionCase(BASE), [{ step: 'application', day: '2020-01-31' }]);
    accepted(c, { step: 'applicationTalk', day: '2020-02-29', by: 'p1' });
    expect(refused(c, { step: 'applicationTalk', day: '2020-03-01', by: 'p1' })).toEqual(['admission.applicationTalk']);
  });

  it('refuses an activist decision when no talk was held', () => {
    expect(refused(applied, stepOf('activist'))).toEqual(['admission.applicationTalk']);
  });
});

describe(title('admission.activistSelection'), () => {
  it('refuses an activist decision that was not filed with the higher committee', () => {
    const step = stepOf('activist');
    delete (step as { filedWith?: string }).filedWith;
    expect(refused(before('activist'), step)).toEqual(['admission.activistSelection']);
  });

  it('accepts a decision by the branch meeting (no committee) after a recommendation by a mass organization', () => {
    accepted(before('activist'), stepOf('activist', { decidedBy: 'branchMeeting', recommendation: 'massOrganization' }));
  });
});

describe(title('admission.cultivationContacts'), () => {
  const c = before('activist');
  it.each([
    ['no contact', []],
    ['three contacts', [member('a'), member('b'), member('c')]],
    ['a probationary member', [member('a', 'probationaryMember')]],
    ['the candidate', [member(CANDIDATE)]],
    ['the same member twice', [member('a'), member('a')]],
  ])('refuses %s', (_, contacts) => {
    expect(new Set(refused(c, stepOf('activist', { contacts })))).toEqual(new Set(['admission.cultivationContacts']));
  });

  it('accepts one or two full members', () => {
    accepted(c, stepOf('activist', { contacts: [member('a')] }));
    accepted(c, stepOf('activist', { contacts: [member('a'), member('b')] }));
  });
});

describe(title('admission.activistAssessment'), () => {
  it('refuses an assessment more than six months after the last one', () => {
    const c = before('assessment');
    expect(refused(c, { step: 'assessment', day: '2020-08-02' })).toEqual(['admission.activistAssessment']);
    accepted(c, { step: 'assessment', day: '2020-08-01' });
  });

  it('refuses a development target with no assessment, even when fast-tracked', () => {
    const c = run(before('assessment'), [{ step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '发热门诊一线' }]);
    expect(refused(c, stepOf('developmentTarget', { day: '2020-03-01' }))).toEqual(['admission.activistAssessment']);
  });

  it('refuses a development target more than six months after the last assessment', () => {
    const c = before('assessment', { occurrence: 2 });
    expect(refused(c, stepOf('developmentTarget', { day: '2021-02-01' }))).toEqual(['admission.activistAssessment']);
  });
});

describe(title('admission.activistPeriod'), () => {
  it('refuses an activist from 2020-02-01 as a development target before 2021-02-01, accepts on that day', () => {
    const c = before('developmentTarget');
    expect(refused(c, stepOf('developmentTarget', { day: '2021-01-31' }))).toEqual(['admission.activistPeriod']);
    expect(admissionStatus(accepted(c, stepOf('developmentTarget', { day: '2021-02-01' })))).toBe('developmentTarget');
  });

  it('lets a fast-tracked activist become a development target early', () => {
    const c = run(before('assessment'), [
      { step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '县医院发热门诊一线连续工作30天' },
      { step: 'assessment', day: '2020-03-01' },
    ]);
    expect(admissionStatus(accepted(c, stepOf('developmentTarget', { day: '2020-03-02' })))).toBe('developmentTarget');
  });
});

describe(title('admission.developmentTargetSelection'), () => {
  it('refuses a development-target decision that was not filed', () => {
    const step = stepOf('developmentTarget');
    delete (step as { filedWith?: string }).filedWith;
    expect(refused(before('developmentTarget'), step)).toEqual(['admission.developmentTargetSelection']);
  });
});

describe(title('admission.annualQuota'), () => {
  it('refuses an admission outside the annual quota unless fast-tracked', () => {
    expect(refused(before('admissionApproval'), stepOf('admissionApproval', { withinAnnualQuota: false }))).toEqual(['admission.annualQuota']);
    const steps = [...PIPELINE];
    steps.splice(3, 0, { step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '卡点值守表现突出' });
    accepted(before('admissionApproval', { steps }), stepOf('admissionApproval', { withinAnnualQuota: false }));
  });
});

describe(title('admission.frontLineFastTrack'), () => {
  const fast: AdmissionStepInput = { step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '县医院发热门诊一线连续工作30天' };
  it('is granted in 2020 only, to an activist, once', () => {
    const activist = before('assessment');
    expect(refused(activist, { ...fast, day: '2021-01-04' })).toEqual(['admission.frontLineFastTrack']);
    expect(refused(before('activist'), fast)).toEqual(['admission.sequence']);
    expect(refused(run(activist, [fast]), { ...fast, day: '2020-03-01' })).toEqual(['admission.sequence']);
  });

  it('needs who granted it and why', () => {
    const r = refusedRules(before('assessment'), { ...fast, reason: ' ' });
    expect(r).toEqual([undefined]);
  });

  it('waives nothing else: review, introducers, training, vote, approval deadline and probation still apply', () => {
    const steps: AdmissionStepInput[] = [
      ...PIPELINE.slice(0, 3),
      fast,
      { step: 'assessment', day: '2020-03-01' },
      { step: 'developmentTarget', day: '2020-03-02', decidedBy: 'branchCommittee', filedWith: 'yc.t03' },
    ];
    const target = run(openAdmissionCase(BASE), steps);
    expect(new Set(refused(target, { step: 'admissionMeeting', day: '2020-03-05', votes: { entitled: 11, attending: 6, yes: 5 } }))).toEqual(
      new Set(['admission.politicalReview', 'admission.introducers', 'admission.training', 'admission.meetingMajority']),
    );
    const met = run(target, [
      { step: 'politicalReview', day: '2020-03-03' },
      { step: 'introducers', day: '2020-03-03', introducers: [member('a'), member('b')] },
      { step: 'training', day: '2020-03-04', classHours: 24 },
      { step: 'admissionMeeting', day: '2020-03-05', votes: PASSING },
      { step: 'higherTalk', day: '2020-03-06', by: 'p0000900' },
    ]);
    expect(refused(met, { step: 'admissionApproval', day: '2020-09-06', approvedBy: 'yc', withinAnnualQuota: false, extensionReason: '疫情' })).toEqual([
      'admission.approvalDeadline',
    ]);
    const probationary = accepted(met, { step: 'admissionApproval', day: '2020-03-10', approvedBy: 'yc', withinAnnualQuota: false });
    expect(refused(probationary, { step: 'conversionMeeting', day: '2021-03-04', votes: PASSING })).toEqual(['admission.probationPeriod']);
    expect(admissionTimeline(probationary).probationEnds).toBe('2021-03-05');
  });
});

describe(title('admission.politicalReview'), () => {
  it('refuses an admission meeting without a political review', () => {
    const steps = PIPELINE.filter((s) => s.step !== 'politicalReview');
    expect(refused(before('admissionMeeting', { steps }), stepOf('admissionMeeting'))).toEqual(['admission.politicalReview']);
  });
});

describe(title('admission.introducers'), () => {
  const c = before('introducers');
  it.each([
    ['one introducer', [member('a')]],
    ['three introducers', [member('a'), member('b'), member('c')]],
    ['a probationary member (who cannot vouch)', [member('a'), member('b', 'probationaryMember')]],
    ['the candidate', [member('a'), member(CANDIDATE)]],
    ['one member twice', [member('a'), member('a')]],
  ])('refuses %s', (_, introducers) => {
    expect(new Set(refused(c, stepOf('introducers', { introducers })))).toEqual(new Set(['admission.introducers']));
  });

  it('refuses an admission meeting without introducers', () => {
    const steps = PIPELINE.filter((s) => s.step !== 'introducers');
    expect(refused(before('admissionMeeting', { steps }), stepOf('admissionMeeting'))).toEqual(['admission.introducers']);
  });
});

describe(title('admission.training'), () => {
  const c = before('training');
  it('refuses 2 days of 16 class hours; accepts 3 days, or 24 class hours', () => {
    expect(refused(c, stepOf('training', { days: 2, classHours: 16 }))).toEqual(['admission.training']);
    accepted(c, stepOf('training', { days: 3 }));
    const hoursOnly = stepOf('training', { classHours: 24 });
    delete (hoursOnly as { days?: number }).days;
    accepted(c, hoursOnly);
  });

  it('refuses an admission meeting without training', () => {
    const steps = PIPELINE.filter((s) => s.step !== 'training');
    expect(refused(before('admissionMeeting', { steps }), stepOf('admissionMeeting'))).toEqual(['admission.training']);
  });
});

describe(title('admission.temporaryBranch'), () => {
  const temporary = { temporaryBranch: true };
  it('refuses an admission meeting at a temporary branch without higher approval', () => {
    expect(refused(before('admissionMeeting', { base: temporary }), stepOf('admissionMeeting'))).toEqual(['admission.temporaryBranch']);
  });

  it('accepts it once the higher organization approved (needs approval, not impossible)', () => {
    const c = run(before('admissionMeeting', { base: temporary }), [{ step: 'temporaryBranchApproval', day: '2021-03-15', approvedBy: 'yc.hosp' }]);
    accepted(c, stepOf('admissionMeeting'));
  });

  it('refuses such an approval for an ordinary branch', () => {
    expect(refused(before('admissionMeeting'), { step: 'temporaryBranchApproval', day: '2021-03-15', approvedBy: 'yc' })).toEqual(['admission.sequence']);
  });
});

describe(title('admission.meetingQuorum'), () => {
  it('refuses a meeting attended by half of those entitled or fewer', () => {
    expect(refused(before('admissionMeeting'), stepOf('admissionMeeting', { votes: { entitled: 10, attending: 5, yes: 5 } }))).toEqual([
      'admission.meetingQuorum',
      'admission.meetingMajority',
    ]);
    accepted(before('admissionMeeting'), stepOf('admissionMeeting', { votes: { entitled: 10, attending: 6, yes: 6 } }));
  });
});

describe(title('admission.meetingMajority'), () => {
  const c = before('admissionMeeting');
  it('refuses 5 yes votes of 11 entitled, even when only 6 attended', () => {
    expect(refused(c, stepOf('admissionMeeting', { votes: { entitled: 11, attending: 6, yes: 5 } }))).toEqual(['admission.meetingMajority']);
    accepted(c, stepOf('admissionMeeting', { votes: { entitled: 11, attending: 6, yes: 6 } }));
  });

  it('counts yes opinions handed in writing by entitled members who could not attend', () => {
    accepted(c, stepOf('admissionMeeting', { votes: { entitled: 11, attending: 6, yes: 4, writtenYes: 2 } }));
  });

  it('applies to the meetings on probation too', () => {
    const p = before('conversionMeeting');
    expect(refused(p, stepOf('conversionMeeting', { votes: { entitled: 12, attending: 12, yes: 6 } }))).toEqual(['admission.meetingMajority']);
    expect(refused(p, { step: 'cancellationMeeting', day: '2021-09-01', votes: { entitled: 12, attending: 7, yes: 6 }, reason: '违纪' })).toEqual([
      'admission.meetingMajority',
    ]);
  });

  it('refuses impossible counts as bad input, without a rule', () => {
    for (const votes of [
      { entitled: 11, attending: 12, yes: 8 },
      { entitled: 11, attending: 6, yes: 7 },
      { entitled: 11, attending: 6, yes: 6, writtenYes: 6 },
      { entitled: 0, attending: 0, yes: 0 },
    ]) {
      expect(refusedRules(c, stepOf('admissionMeeting', { votes }))).toEqual([undefined]);
    }
  });
});

describe(title('admission.higherTalk'), () => {
  it('refuses an approval before the higher committee talked with the candidate', () => {
    const steps = PIPELINE.filter((s) => s.step !== 'higherTalk');
    expect(refused(before('admissionApproval', { steps }), stepOf('admissionApproval'))).toEqual(['admission.higherTalk']);
  });
});

describe(title('admission.approvalDeadline'), () => {
  const c = before('admissionApproval'); // meeting on 2021-03-20
  it('accepts approval within 3 months, refuses it later without the special circumstances', () => {
    accepted(c, stepOf('admissionApproval', { day: '2021-06-20' }));
    expect(refused(c, stepOf('admissionApproval', { day: '2021-06-21' }))).toEqual(['admission.approvalDeadline']);
  });

  it('accepts it up to 6 months with the special circumstances recorded, never after', () => {
    accepted(c, stepOf('admissionApproval', { day: '2021-09-20', extensionReason: '党委换届' }));
    expect(refused(c, stepOf('admissionApproval', { day: '2021-09-21', extensionReason: '党委换届' }))).toEqual(['admission.approvalDeadline']);
  });

  it('refuses a higher talk after the 6 months, since no approval can follow it', () => {
    expect(refused(before('higherTalk'), stepOf('higherTalk', { day: '2021-09-21' }))).toEqual(['admission.approvalDeadline']);
  });
});

describe(title('admission.probationPeriod'), () => {
  const p = before('conversionMeeting'); // admitted at the meeting of 2021-03-20
  it('refuses conversion before a year from the admission meeting, accepts it on the day probation ends', () => {
    expect(refused(p, stepOf('conversionMeeting', { day: '2022-03-19' }))).toEqual(['admission.probationPeriod']);
    accepted(p, stepOf('conversionMeeting', { day: '2022-03-20' }));
  });

  it('refuses an extension decided before probation ends; cancellation may come at any time', () => {
    expect(refused(p, { step: 'extensionMeeting', day: '2022-01-10', votes: PASSING, months: 6 })).toEqual(['admission.probationPeriod']);
    accepted(p, { step: 'cancellationMeeting', day: '2021-06-01', votes: PASSING, reason: '违反党的纪律' });
  });
});

describe(title('admission.probationDecision'), () => {
  const p = before('conversionMeeting');
  it('keeps the member probationary until the higher organization approves the branch meeting', () => {
    const met = accepted(p, stepOf('conversionMeeting'));
    expect(admissionStatus(met)).toBe('probationaryMember');
    expect(admissionStatus(accepted(met, stepOf('probationApproval')))).toBe('fullMember');
  });

  it('refuses an approval with no branch meeting to approve', () => {
    expect(refused(p, stepOf('probationApproval'))).toEqual(['admission.probationDecision']);
  });

  it('ends the case when a cancellation is approved', () => {
    const c = run(p, [
      { step: 'cancellationMeeting', day: '2021-09-01', votes: PASSING, reason: '不履行党员义务' },
      { step: 'probationApproval', day: '2021-09-20', approvedBy: 'yc.t03' },
    ]);
    expect(admissionStatus(c)).toBe('cancelled');
    expect(admissionTimeline(c).cancelledOn).toBe('2021-09-20');
    expect(refused(c, stepOf('conversionMeeting'))).toEqual(['admission.sequence']);
  });
});

describe(title('admission.probationExtension'), () => {
  const p = before('conversionMeeting');
  const extend = (months: number, day = '2022-03-21'): AdmissionStepInput => ({ step: 'extensionMeeting', day, votes: PASSING, months });
  it('refuses extensions shorter than 6 or longer than 12 months', () => {
    expect(refused(p, extend(5))).toEqual(['admission.probationExtension']);
    expect(refused(p, extend(13))).toEqual(['admission.probationExtension']);
  });

  it('extends probation once: a second extension is refused', () => {
    const extended = run(p, [extend(6), { step: 'probationApproval', day: '2022-04-01', approvedBy: 'yc.t03' }]);
    expect(admissionTimeline(extended).probationEnds).toBe('2022-09-20');
    expect(refused(extended, extend(6, '2022-09-21'))).toEqual(['admission.probationExtension']);
    expect(refused(extended, stepOf('conversionMeeting', { day: '2022-09-19' }))).toEqual(['admission.probationPeriod']);
    const full = run(extended, [stepOf('conversionMeeting', { day: '2022-09-20' }), stepOf('probationApproval', { day: '2022-10-08' })]);
    expect(admissionStatus(full)).toBe('fullMember');
  });
});

describe(title('admission.probationApprovalDeadline'), () => {
  it('refuses the approval of a conversion more than 3 months after its meeting', () => {
    const c = before('probationApproval'); // conversion meeting on 2022-03-21
    expect(refused(c, stepOf('probationApproval', { day: '2022-06-22' }))).toEqual(['admission.probationApprovalDeadline']);
    accepted(c, stepOf('probationApproval', { day: '2022-06-21' }));
  });
});

describe(title('admission.standing'), () => {
  it('counts Party standing from the end of probation, not from the meeting or the approval', () => {
    const c = run(openAdmissionCase(BASE), PIPELINE);
    expect(admissionStatus(c)).toBe('fullMember');
    expect(admissionTimeline(c)).toEqual({
      applied: '2019-11-04',
      ageAtApplication: 23,
      activistSince: '2020-02-01',
      developmentTargetSince: '2021-02-01',
      admittedOn: '2021-03-20',
      approvedOn: '2021-04-10',
      probationEnds: '2022-03-20',
      fullMemberSince: '2022-03-20',
    });
  });

  it('refuses probationary members as contacts or introducers (they cannot vote or stand)', () => {
    expect(refused(before('introducers'), stepOf('introducers', { introducers: [member('a'), member('b', 'probationaryMember')] }))).toEqual([
      'admission.introducers',
    ]);
  });
});

describe(title('admission.sequence'), () => {
  it('refuses a step out of order, naming what it needs', () => {
    const r = refusedRules(before('activist'), stepOf('admissionApproval'));
    expect(r).toEqual(['admission.sequence']);
    exercised.add('admission.sequence');
  });

  it('refuses a first step that is not the application, and a second application', () => {
    expect(refused(openAdmissionCase(BASE), stepOf('applicationTalk'))).toEqual(['admission.sequence']);
    expect(refused(before('applicationTalk'), stepOf('application'))).toEqual(['admission.sequence']);
  });

  it('refuses a step dated before the previous one', () => {
    expect(refused(before('politicalReview'), stepOf('politicalReview', { day: '2021-01-31' }))).toEqual(['admission.sequence']);
  });

  it('refuses a second political review, introducers or training, and anything after full membership', () => {
    expect(refused(before('introducers'), stepOf('politicalReview', { day: '2021-03-05' }))).toEqual(['admission.sequence']);
    expect(refused(run(openAdmissionCase(BASE), PIPELINE), { step: 'assessment', day: '2023-01-01' })).toEqual(['admission.sequence']);
  });

  it('refuses a second decision on probation while the first awaits approval', () => {
    expect(refused(before('probationApproval'), { step: 'extensionMeeting', day: '2022-03-22', votes: PASSING, months: 6 })).toEqual(['admission.sequence']);
  });
});

describe('coverage of the rule table', () => {
  it('shows every rule being enforced by a refusal above (standing through the timeline)', () => {
    const ids = Object.keys(ADMISSION_RULES).filter((id) => id !== 'admission.standing');
    expect(ids.filter((id) => !exercised.has(id as AdmissionRuleId))).toEqual([]);
  });
});
