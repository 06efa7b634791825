import { z } from 'zod';
import { sensitive } from '../core/sensitivity.js';
import { Day } from '../core/day.js';
import { OrgId, PersonId, RecordId } from '../core/ids.js';
import { LABELS, PartyStatus, type Label } from '../core/vocabulary.js';

const keysOf = <K extends string>(o: Record<K, Label>): [K, ...K[]] => Object.keys(o) as [K, ...K[]];

/**
 * The Chinese and English names of the admission vocabularies: the steps of the pipeline, the
 * statuses a case goes through, how an activist is put forward and who decides.
 *
 * @example
 * ADMISSION_LABELS.admissionStep.developmentTarget.zh; // => '列为发展对象'
 * ADMISSION_LABELS.admissionStatus.probationaryMember.en; // => 'probationary member'
 * @category Admission
 */
export const ADMISSION_LABELS = {
  admissionStep: LABELS.admissionStep,
  admissionStatus: LABELS.admissionStatus,
  recommendation: LABELS.recommendation,
  decisionBody: LABELS.decisionBody,
} as const;

/**
 * The kind of a step of the admission pipeline, the discriminant `step` of {@link AdmissionStep}.
 *
 * @example
 * AdmissionStepKind.parse('politicalReview'); // => 'politicalReview'
 * @category Admission
 */
export const AdmissionStepKind = z.enum(keysOf(LABELS.admissionStep));
/**
 * The kind of an admission step.
 *
 * @category Admission
 */
export type AdmissionStepKind = z.infer<typeof AdmissionStepKind>;

/**
 * Where a case stands: the {@link PartyStatus} values from `nonMember` (no application yet) to
 * `fullMember`, plus `cancelled` when probation was cancelled.
 *
 * @example
 * AdmissionStatus.parse('probationaryMember'); // => 'probationaryMember'
 * @category Admission
 */
export const AdmissionStatus = z.enum(keysOf(LABELS.admissionStatus));
/**
 * The status of an admission case.
 *
 * @category Admission
 */
export type AdmissionStatus = z.infer<typeof AdmissionStatus>;

/**
 * How an activist was put forward: recommended by Party members (党员推荐) or by a mass organization
 * such as the Youth League (群团组织推优).
 *
 * @example
 * Recommendation.parse('massOrganization'); // => 'massOrganization'
 * @category Admission
 */
export const Recommendation = z.enum(keysOf(LABELS.recommendation));
/**
 * How an activist was put forward.
 *
 * @category Admission
 */
export type Recommendation = z.infer<typeof Recommendation>;

/**
 * Which body of the branch decided: its committee, or its general meeting where the branch has no
 * committee (fewer than 7 full members).
 *
 * @example
 * DecisionBody.parse('branchCommittee'); // => 'branchCommittee'
 * @category Admission
 */
export const DecisionBody = z.enum(keysOf(LABELS.decisionBody));
/**
 * The branch body that decided.
 *
 * @category Admission
 */
export type DecisionBody = z.infer<typeof DecisionBody>;

/**
 * A Party member vouching for the candidate — a cultivation contact (培养联系人) or an introducer
 * (入党介绍人) — with their Party status on the day. Only full members qualify.
 *
 * @example
 * Sponsor.parse({ person: 'p0000101', status: 'fullMember' });
 * @category Admission
 */
export const Sponsor = z
  .object({
    /** The member. */
    person: PersonId,
    /** Their Party status on the day of the step; it must be `fullMember`. */
    status: PartyStatus,
  })
  .strict();
/**
 * A contact or introducer.
 *
 * @interface
 * @category Admission
 */
export type Sponsor = z.infer<typeof Sponsor>;

/**
 * The vote of a branch general meeting. Bad counts are refused as bad input: more attending than
 * entitled, more yes votes than attending, more written opinions than absent members.
 *
 * @example
 * BranchVote.parse({ entitled: 11, attending: 9, yes: 8 });
 * BranchVote.safeParse({ entitled: 11, attending: 12, yes: 8 }).success; // => false
 * @category Admission
 */
export const BranchVote = z
  .object({
    /** Full members entitled to vote (应到会有表决权的正式党员); probationary members have no vote. */
    entitled: z.number().int().min(1),
    /** Entitled members present (实到会有表决权的人数). */
    attending: z.number().int().min(0),
    /** Yes votes of those present. */
    yes: z.number().int().min(0),
    /** Yes opinions handed in writing before the meeting by entitled members who could not attend; they count as votes. */
    writtenYes: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.attending > v.entitled)
      ctx.addIssue({ code: 'custom', path: ['attending'], message: `${v.attending} attending but only ${v.entitled} entitled to vote` });
    if (v.yes > v.attending) ctx.addIssue({ code: 'custom', path: ['yes'], message: `${v.yes} yes votes but only ${v.attending} attending` });
    const absent = Math.max(0, v.entitled - v.attending);
    if ((v.writtenYes ?? 0) > absent)
      ctx.addIssue({ code: 'custom', path: ['writtenYes'], message: `${v.writtenYes} written yes opinions but only ${absent} entitled members absent` });
  });
/**
 * A branch general meeting's vote.
 *
 * @interface
 * @category Admission
 */
export type BranchVote = z.infer<typeof BranchVote>;

const note = sensitive(z.string(), 'freeText').optional();

/**
 * The written application for membership (入党申请书), handed to the branch. The applicant must be 18
 * on the day.
 *
 * @example
 * ApplicationStep.parse({ step: 'application', day: '2019-11-04' });
 * @category Admission
 */
export const ApplicationStep = z
  .object({
    /** The kind of step. */
    step: z.literal('application'),
    /** The day the branch received the application. */
    day: Day,
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * An application.
 *
 * @interface
 * @category Admission
 */
export type ApplicationStep = z.infer<typeof ApplicationStep>;

/**
 * The talk the Party organization holds with the applicant, within one month of the application.
 *
 * @example
 * ApplicationTalkStep.parse({ step: 'applicationTalk', day: '2019-11-20', by: 'p0000101' });
 * @category Admission
 */
export const ApplicationTalkStep = z
  .object({
    /** The kind of step. */
    step: z.literal('applicationTalk'),
    /** The day of the talk. */
    day: Day,
    /** Who talked with the applicant on the organization's behalf. */
    by: PersonId,
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * A talk with the applicant.
 *
 * @interface
 * @category Admission
 */
export type ApplicationTalkStep = z.infer<typeof ApplicationTalkStep>;

/**
 * The decision making the applicant an activist (入党积极分子): put forward by recommendation, decided
 * by the branch committee, filed with the higher committee, with one or two full members as
 * cultivation contacts.
 *
 * @example
 * ActivistStep.parse({
 *   step: 'activist', day: '2020-02-01', recommendation: 'partyMembers', decidedBy: 'branchCommittee',
 *   filedWith: 'yc.t03', contacts: [{ person: 'p0000101', status: 'fullMember' }],
 * });
 * @category Admission
 */
export const ActivistStep = z
  .object({
    /** The kind of step. */
    step: z.literal('activist'),
    /** The day of the branch committee's decision. */
    day: Day,
    /** How the activist was put forward. */
    recommendation: Recommendation,
    /** The branch body that decided. */
    decidedBy: DecisionBody,
    /** The higher committee the decision was filed with (备案); required by the rules. */
    filedWith: OrgId.optional(),
    /** The cultivation contacts (培养联系人): one or two full members. */
    contacts: z.array(Sponsor),
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * An activist decision.
 *
 * @interface
 * @category Admission
 */
export type ActivistStep = z.infer<typeof ActivistStep>;

/**
 * The branch's assessment of an activist (考察), due every six months.
 *
 * @example
 * AssessmentStep.parse({ step: 'assessment', day: '2020-07-30', note: '表现突出' });
 * @category Admission
 */
export const AssessmentStep = z
  .object({
    /** The kind of step. */
    step: z.literal('assessment'),
    /** The day of the assessment. */
    day: Day,
    /** Free text: the assessment's conclusion. */
    note,
  })
  .strict();
/**
 * An activist assessment.
 *
 * @interface
 * @category Admission
 */
export type AssessmentStep = z.infer<typeof AssessmentStep>;

/**
 * The 2020 front-line fast track (疫情防控一线及时发展), granted by a higher organization to an
 * outstanding activist on the front line. It waives the one-year activist period and the annual
 * quota, nothing else.
 *
 * @example
 * FastTrackStep.parse({
 *   step: 'fastTrack', day: '2020-02-20', grantedBy: 'yc', reason: '县医院发热门诊一线连续工作30天，表现突出',
 * });
 * @category Admission
 */
export const FastTrackStep = z
  .object({
    /** The kind of step. */
    step: z.literal('fastTrack'),
    /** The day it was granted; within 2020. */
    day: Day,
    /** The higher organization that granted it. */
    grantedBy: OrgId,
    /** Why: the front-line work and deeds that earned it. */
    reason: sensitive(z.string().trim().min(1), 'freeText'),
    /** The notice it rests on, such as a provincial organization department's notice. */
    notice: sensitive(z.string(), 'freeText').optional(),
  })
  .strict();
/**
 * A fast-track grant.
 *
 * @interface
 * @category Admission
 */
export type FastTrackStep = z.infer<typeof FastTrackStep>;

/**
 * The decision making an activist a development target (发展对象), agreed by the branch committee
 * and filed with the higher committee.
 *
 * @example
 * DevelopmentTargetStep.parse({ step: 'developmentTarget', day: '2021-02-01', decidedBy: 'branchCommittee', filedWith: 'yc.t03' });
 * @category Admission
 */
export const DevelopmentTargetStep = z
  .object({
    /** The kind of step. */
    step: z.literal('developmentTarget'),
    /** The day of the branch committee's decision. */
    day: Day,
    /** The branch body that decided. */
    decidedBy: DecisionBody,
    /** The higher committee the decision was filed with (备案); required by the rules. */
    filedWith: OrgId.optional(),
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * A development-target decision.
 *
 * @interface
 * @category Admission
 */
export type DevelopmentTargetStep = z.infer<typeof DevelopmentTargetStep>;

/**
 * The political review of a development target (政治审查), concluded in its favour.
 *
 * @example
 * PoliticalReviewStep.parse({ step: 'politicalReview', day: '2021-03-01', conclusion: '政治审查合格' });
 * @category Admission
 */
export const PoliticalReviewStep = z
  .object({
    /** The kind of step. */
    step: z.literal('politicalReview'),
    /** The day of the conclusion. */
    day: Day,
    /** The written conclusion (结论性材料). */
    conclusion: sensitive(z.string(), 'freeText').optional(),
  })
  .strict();
/**
 * A political review.
 *
 * @interface
 * @category Admission
 */
export type PoliticalReviewStep = z.infer<typeof PoliticalReviewStep>;

/**
 * The two full members who introduce the development target (入党介绍人).
 *
 * @example
 * IntroducersStep.parse({
 *   step: 'introducers', day: '2021-03-02',
 *   introducers: [{ person: 'p0000101', status: 'fullMember' }, { person: 'p0000102', status: 'fullMember' }],
 * });
 * @category Admission
 */
export const IntroducersStep = z
  .object({
    /** The kind of step. */
    step: z.literal('introducers'),
    /** The day they were named. */
    day: Day,
    /** The introducers: two full members. */
    introducers: z.array(Sponsor),
  })
  .strict();
/**
 * Introducers named.
 *
 * @interface
 * @category Admission
 */
export type IntroducersStep = z.infer<typeof IntroducersStep>;

/**
 * The short-term training of a development target (短期集中培训), recorded on its last day with its
 * length in days or class hours (at least one of them).
 *
 * @example
 * TrainingStep.parse({ step: 'training', day: '2021-03-12', days: 3, by: 'yc' });
 * @category Admission
 */
export const TrainingStep = z
  .object({
    /** The kind of step. */
    step: z.literal('training'),
    /** The last day of the training. */
    day: Day,
    /** Its length in days. */
    days: z.number().int().min(0).optional(),
    /** Its length in class hours (学时). */
    classHours: z.number().min(0).optional(),
    /** The committee that ran it (the grassroots committee or the county organization department). */
    by: OrgId.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.days === undefined && t.classHours === undefined)
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'give the training length in days or in class hours' });
  });
/**
 * A training.
 *
 * @interface
 * @category Admission
 */
export type TrainingStep = z.infer<typeof TrainingStep>;

/**
 * The higher organization's approval for a temporary branch to admit this member; a temporary branch
 * holds no admission meeting without it.
 *
 * @example
 * TemporaryBranchApprovalStep.parse({ step: 'temporaryBranchApproval', day: '2020-02-25', approvedBy: 'yc.hosp' });
 * @category Admission
 */
export const TemporaryBranchApprovalStep = z
  .object({
    /** The kind of step. */
    step: z.literal('temporaryBranchApproval'),
    /** The day of the approval. */
    day: Day,
    /** The higher organization that approved. */
    approvedBy: OrgId,
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * A temporary branch's approval to admit.
 *
 * @interface
 * @category Admission
 */
export type TemporaryBranchApprovalStep = z.infer<typeof TemporaryBranchApprovalStep>;

/**
 * The branch general meeting that resolves to admit the development target as a probationary member
 * (支部大会讨论接收预备党员). Probation counts from this day.
 *
 * @example
 * AdmissionMeetingStep.parse({ step: 'admissionMeeting', day: '2021-03-20', votes: { entitled: 11, attending: 9, yes: 8 } });
 * @category Admission
 */
export const AdmissionMeetingStep = z
  .object({
    /** The kind of step. */
    step: z.literal('admissionMeeting'),
    /** The day of the meeting. */
    day: Day,
    /** The vote. */
    votes: BranchVote,
  })
  .strict();
/**
 * An admission meeting.
 *
 * @interface
 * @category Admission
 */
export type AdmissionMeetingStep = z.infer<typeof AdmissionMeetingStep>;

/**
 * The talk a member or organizer of the higher committee holds with the candidate before approval.
 *
 * @example
 * HigherTalkStep.parse({ step: 'higherTalk', day: '2021-04-02', by: 'p0000900' });
 * @category Admission
 */
export const HigherTalkStep = z
  .object({
    /** The kind of step. */
    step: z.literal('higherTalk'),
    /** The day of the talk. */
    day: Day,
    /** Who talked: a committee member or organizer (组织员). */
    by: PersonId,
    /** Free text: a reference or remark. */
    note,
  })
  .strict();
/**
 * A talk by the higher committee.
 *
 * @interface
 * @category Admission
 */
export type HigherTalkStep = z.infer<typeof HigherTalkStep>;

/**
 * The higher committee's approval of the admission (审批), within 3 months of the meeting; after 3
 * months only with the special circumstances recorded, and never after 6.
 *
 * @example
 * AdmissionApprovalStep.parse({ step: 'admissionApproval', day: '2021-04-10', approvedBy: 'yc.t03', withinAnnualQuota: true });
 * @category Admission
 */
export const AdmissionApprovalStep = z
  .object({
    /** The kind of step. */
    step: z.literal('admissionApproval'),
    /** The day of the approval. */
    day: Day,
    /** The approving committee. */
    approvedBy: OrgId,
    /** Whether the admission falls within the committee's annual quota; outside it only on the fast track. */
    withinAnnualQuota: z.boolean(),
    /** The special circumstances that allow approval between 3 and 6 months after the meeting. */
    extensionReason: sensitive(z.string().trim().min(1), 'freeText').optional(),
  })
  .strict();
/**
 * An admission approval.
 *
 * @interface
 * @category Admission
 */
export type AdmissionApprovalStep = z.infer<typeof AdmissionApprovalStep>;

/**
 * The branch general meeting that resolves to convert the probationary member to full membership,
 * held once probation has ended.
 *
 * @example
 * ConversionMeetingStep.parse({ step: 'conversionMeeting', day: '2022-03-21', votes: { entitled: 12, attending: 10, yes: 10 } });
 * @category Admission
 */
export const ConversionMeetingStep = z
  .object({
    /** The kind of step. */
    step: z.literal('conversionMeeting'),
    /** The day of the meeting. */
    day: Day,
    /** The vote. */
    votes: BranchVote,
  })
  .strict();
/**
 * A conversion meeting.
 *
 * @interface
 * @category Admission
 */
export type ConversionMeetingStep = z.infer<typeof ConversionMeetingStep>;

/**
 * The branch general meeting that resolves to extend probation, once only, by 6 to 12 months.
 *
 * @example
 * ExtensionMeetingStep.parse({ step: 'extensionMeeting', day: '2022-03-21', votes: { entitled: 12, attending: 10, yes: 9 }, months: 6 });
 * @category Admission
 */
export const ExtensionMeetingStep = z
  .object({
    /** The kind of step. */
    step: z.literal('extensionMeeting'),
    /** The day of the meeting. */
    day: Day,
    /** The vote. */
    votes: BranchVote,
    /** By how many months probation is extended: 6 to 12. */
    months: z.number().int(),
    /** Why probation is extended. */
    reason: sensitive(z.string(), 'freeText').optional(),
  })
  .strict();
/**
 * An extension meeting.
 *
 * @interface
 * @category Admission
 */
export type ExtensionMeetingStep = z.infer<typeof ExtensionMeetingStep>;

/**
 * The branch general meeting that resolves to cancel the probationary membership (取消预备党员资格).
 *
 * @example
 * CancellationMeetingStep.parse({ step: 'cancellationMeeting', day: '2021-09-01', votes: { entitled: 12, attending: 10, yes: 9 }, reason: '不履行党员义务' });
 * @category Admission
 */
export const CancellationMeetingStep = z
  .object({
    /** The kind of step. */
    step: z.literal('cancellationMeeting'),
    /** The day of the meeting. */
    day: Day,
    /** The vote. */
    votes: BranchVote,
    /** Why the probationary membership is cancelled. */
    reason: sensitive(z.string().trim().min(1), 'freeText'),
  })
  .strict();
/**
 * A cancellation meeting.
 *
 * @interface
 * @category Admission
 */
export type CancellationMeetingStep = z.infer<typeof CancellationMeetingStep>;

/**
 * The higher organization's approval of the last decision on probation (conversion, extension or
 * cancellation), within 3 months of the meeting.
 *
 * @example
 * ProbationApprovalStep.parse({ step: 'probationApproval', day: '2022-04-15', approvedBy: 'yc.t03' });
 * @category Admission
 */
export const ProbationApprovalStep = z
  .object({
    /** The kind of step. */
    step: z.literal('probationApproval'),
    /** The day of the approval. */
    day: Day,
    /** The approving organization. */
    approvedBy: OrgId,
  })
  .strict();
/**
 * A probation decision's approval.
 *
 * @interface
 * @category Admission
 */
export type ProbationApprovalStep = z.infer<typeof ProbationApprovalStep>;

/**
 * One step of the admission pipeline, discriminated on `step`; each carries its own day:
 * application → talk → activist (→ assessments every 6 months, → fast track) → development target →
 * political review, introducers, training (and, for a temporary branch, higher approval) → admission
 * meeting → higher talk → approval → conversion, extension or cancellation meeting → its approval.
 *
 * @example
 * AdmissionStep.parse({ step: 'applicationTalk', day: '2019-11-20', by: 'p0000101' }).step; // => 'applicationTalk'
 * @category Admission
 */
export const AdmissionStep = z.discriminatedUnion('step', [
  ApplicationStep,
  ApplicationTalkStep,
  ActivistStep,
  AssessmentStep,
  FastTrackStep,
  DevelopmentTargetStep,
  PoliticalReviewStep,
  IntroducersStep,
  TrainingStep,
  TemporaryBranchApprovalStep,
  AdmissionMeetingStep,
  HigherTalkStep,
  AdmissionApprovalStep,
  ConversionMeetingStep,
  ExtensionMeetingStep,
  CancellationMeetingStep,
  ProbationApprovalStep,
]);
/**
 * An admission step.
 *
 * @category Admission
 */
export type AdmissionStep = z.infer<typeof AdmissionStep>;

/**
 * A step as written by a caller, before validation: ids and days are plain strings.
 *
 * @example
 * const s: AdmissionStepInput = { step: 'application', day: '2019-11-04' };
 * @category Admission
 */
export type AdmissionStepInput = z.input<typeof AdmissionStep>;

/**
 * One person's way into the Party at one branch: who, born when, at which branch (and whether it is a
 * temporary branch), and the steps taken so far, oldest first. Change it only with {@link advance}.
 *
 * @example
 * AdmissionCase.parse({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201', temporaryBranch: false, steps: [] });
 * @category Admission
 */
export const AdmissionCase = z
  .object({
    /** The case's id. */
    id: RecordId,
    /** The candidate. */
    person: PersonId,
    /** The candidate's birth date, for the age rule; sensitive. */
    birthDate: sensitive(Day.clone(), 'birthDate'),
    /** The branch that develops the candidate. */
    branch: OrgId,
    /** Whether that branch is a temporary branch (临时党支部), which admits only with higher approval. */
    temporaryBranch: z.boolean(),
    /** The day the case was entered in a ledger, when it was (the dispatch counts it from then). */
    openedOn: Day.optional(),
    /** The steps taken so far, in the order taken (their days never go back). */
    steps: z.array(AdmissionStep),
  })
  .strict();
/**
 * An admission case.
 *
 * @interface
 * @category Admission
 */
export type AdmissionCase = z.infer<typeof AdmissionCase>;

/**
 * A case as written by a caller, before validation: ids and days are plain strings, `temporaryBranch`
 * and `steps` may be left out.
 *
 * @example
 * const c: AdmissionCaseInput = { id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' };
 * @category Admission
 */
export type AdmissionCaseInput = Omit<z.input<typeof AdmissionCase>, 'temporaryBranch' | 'steps'> & {
  /** Whether the branch is a temporary branch; `false` when left out. */
  readonly temporaryBranch?: boolean;
  /** The steps taken so far; none when left out. */
  readonly steps?: readonly AdmissionStepInput[];
};
