import { addDays, ageOn, daysBetween, type Day } from '../core/day.js';
import type { Issue } from '../core/errors.js';
import { addMonths, addYears } from './dates.js';
import type { AdmissionCase, AdmissionStatus, AdmissionStep, AdmissionStepKind, BranchVote, Sponsor } from './model.js';
import type { AdmissionRuleId } from './rules.js';

/** @internal A decision on probation taken by the branch and awaiting the higher approval. */
export interface PendingDecision {
  readonly kind: 'conversion' | 'extension' | 'cancellation';
  readonly day: Day;
  readonly months?: number;
}

/** @internal What the steps of a case add up to: its status and the day of each milestone. */
export interface AdmissionState {
  status: AdmissionStatus;
  /** The day and kind of the last step. */
  last?: Day;
  lastKind?: AdmissionStepKind;
  applied?: Day;
  talk?: Day;
  activist?: Day;
  /** The activist decision or the last assessment: the next assessment is due 6 months after it. */
  lastCheckpoint?: Day;
  assessments: number;
  fastTrack?: Day;
  target?: Day;
  review?: Day;
  introducers?: Day;
  training?: Day;
  temporaryApproval?: Day;
  meeting?: Day;
  higherTalk?: Day;
  approved?: Day;
  probationEnd?: Day;
  extendedMonths?: number;
  pending?: PendingDecision;
  fullMemberSince?: Day;
  cancelledOn?: Day;
}

/** @internal An issue citing one of the admission rules. */
export interface AdmissionIssue extends Issue {
  readonly rule: AdmissionRuleId;
}

/** @internal The state of a case with no steps. */
export function emptyState(): AdmissionState {
  return { status: 'nonMember', assessments: 0 };
}

/** @internal The fast track's year: the rule's edition. */
export const FAST_TRACK_FROM = '2020-01-01' as Day;
/** @internal The last day a fast track may be granted. */
export const FAST_TRACK_TO = '2020-12-31' as Day;

/** @internal The first day on which someone born on `birth` is 18 by {@link ageOn}. */
export function eighteenOn(birth: Day): Day {
  const d = addYears(birth, 18);
  return ageOn(birth, d) >= 18 ? d : addDays(d, 1);
}

const LABEL: Record<AdmissionStepKind, string> = {
  application: 'the application',
  applicationTalk: 'the talk with the applicant',
  activist: 'the activist decision',
  assessment: 'an assessment',
  fastTrack: 'the fast track',
  developmentTarget: 'the development-target decision',
  politicalReview: 'the political review',
  introducers: 'the introducers',
  training: 'the training',
  temporaryBranchApproval: 'the higher approval for the temporary branch',
  admissionMeeting: 'the admission meeting',
  higherTalk: 'the higher committee’s talk',
  admissionApproval: 'the admission approval',
  conversionMeeting: 'the conversion meeting',
  extensionMeeting: 'the extension meeting',
  cancellationMeeting: 'the cancellation meeting',
  probationApproval: 'the approval of the decision on probation',
};

const STATUS_WORDS: Record<AdmissionStatus, string> = {
  nonMember: 'has no application yet',
  applicant: 'is an applicant',
  activist: 'is an activist',
  developmentTarget: 'is a development target',
  probationaryMember: 'is a probationary member',
  fullMember: 'is a full member',
  cancelled: 'had probation cancelled',
};

const DECISION_MEETING: Record<PendingDecision['kind'], AdmissionStepKind> = {
  conversion: 'conversionMeeting',
  extension: 'extensionMeeting',
  cancellation: 'cancellationMeeting',
};

/**
 * @internal Every rule that recording `step` on a case in state `s` would break, with paths inside
 * the step. An empty list means the step may be recorded.
 */
export function checkStep(c: Pick<AdmissionCase, 'person' | 'birthDate' | 'temporaryBranch'>, s: AdmissionState, step: AdmissionStep): AdmissionIssue[] {
  const out: AdmissionIssue[] = [];
  const add = (rule: AdmissionRuleId, code: string, path: readonly PropertyKey[], message: string): void => {
    out.push({ path, code, message, rule });
  };
  const day = step.day;
  const order = (message: string, code = 'out_of_order'): void => add('admission.sequence', code, [], message);
  /** Refuses the step unless the case has one of the statuses; returns whether it has. */
  const expect = (statuses: readonly AdmissionStatus[], what: string): boolean => {
    if (statuses.includes(s.status)) return true;
    order(`${LABEL[step.step]} needs ${what}, but the candidate ${STATUS_WORDS[s.status]}`);
    return false;
  };
  const once = (at: Day | undefined): void => {
    if (at !== undefined) order(`${LABEL[step.step]} was already recorded on ${at}`, 'duplicate');
  };

  if (s.status === 'fullMember' || s.status === 'cancelled') {
    order(`the case is closed: the candidate ${STATUS_WORDS[s.status]} (${s.fullMemberSince ?? s.cancelledOn})`, 'closed');
    return out;
  }
  if (s.last !== undefined && day < s.last)
    add('admission.sequence', 'before_previous', ['day'], `${day} is before the previous step (${LABEL[s.lastKind ?? 'application']} on ${s.last}): steps are recorded in the order of their days`);

  switch (step.step) {
    case 'application': {
      if (s.status !== 'nonMember') order(`the case already has its application (${s.applied})`, 'duplicate');
      const age = ageOn(c.birthDate, day);
      if (age < 18)
        add('admission.minimumAge', 'too_young', ['day'], `the applicant, born ${c.birthDate}, is ${Math.max(age, 0)} on ${day}: an applicant must be at least 18 (from ${eighteenOn(c.birthDate)})`);
      break;
    }
    case 'applicationTalk': {
      if (expect(['applicant'], 'an applicant')) once(s.talk);
      if (s.applied !== undefined) {
        const due = addMonths(s.applied, 1);
        if (day > due)
          add('admission.applicationTalk', 'late', ['day'], `the talk on ${day} is ${daysBetween(s.applied, day)} days after the application of ${s.applied}: it is held within one month (by ${due})`);
      }
      break;
    }
    case 'activist': {
      if (expect(['applicant'], 'an applicant') && s.talk === undefined)
        add('admission.applicationTalk', 'missing_step', [], `no talk with the applicant is recorded: the organization talks with the applicant (within one month of ${s.applied}) before choosing an activist`);
      if (step.filedWith === undefined)
        add('admission.activistSelection', 'not_filed', ['filedWith'], 'the activist decision is filed with the higher committee (filedWith is missing)');
      checkSponsors(step.contacts, 'contacts', 1, 2, 'admission.cultivationContacts', 'cultivation contact', c.person, add);
      break;
    }
    case 'assessment': {
      expect(['activist'], 'an activist');
      if (s.status === 'activist' && s.lastCheckpoint !== undefined) {
        const due = addMonths(s.lastCheckpoint, 6);
        if (day > due)
          add('admission.activistAssessment', 'late', ['day'], `${day} is more than six months after ${s.assessments === 0 ? 'the activist decision' : 'the last assessment'} (${s.lastCheckpoint}): an assessment was due by ${due}`);
      }
      break;
    }
    case 'fastTrack': {
      if (expect(['activist'], 'an activist (it waives the one-year activist period)')) once(s.fastTrack);
      if (day < FAST_TRACK_FROM || day > FAST_TRACK_TO)
        add('admission.frontLineFastTrack', 'outside_edition', ['day'], `the front-line fast track was granted in 2020 only (${FAST_TRACK_FROM} to ${FAST_TRACK_TO}), not on ${day}`);
      break;
    }
    case 'developmentTarget': {
      if (expect(['activist'], 'an activist') && s.activist !== undefined && s.lastCheckpoint !== undefined) {
        const yearOn = addYears(s.activist, 1);
        if (s.fastTrack === undefined && day < yearOn)
          add('admission.activistPeriod', 'too_early', ['day'], `an activist since ${s.activist} becomes a development target from ${yearOn} (one year), unless fast-tracked: ${day} is ${daysBetween(day, yearOn)} days early`);
        if (s.assessments === 0)
          add('admission.activistAssessment', 'missing_step', [], `no assessment is recorded since the activist decision of ${s.activist}: an activist is assessed before becoming a development target`);
        const due = addMonths(s.lastCheckpoint, 6);
        if (s.assessments > 0 && day > due)
          add('admission.activistAssessment', 'late', ['day'], `the last assessment was on ${s.lastCheckpoint}: another was due by ${due}, before ${day}`);
      }
      if (step.filedWith === undefined)
        add('admission.developmentTargetSelection', 'not_filed', ['filedWith'], 'the development-target decision is filed with the higher committee (filedWith is missing)');
      break;
    }
    case 'politicalReview':
    case 'introducers':
    case 'training': {
      if (expect(['developmentTarget'], 'a development target')) {
        if (s.meeting !== undefined) order(`${LABEL[step.step]} comes before the admission meeting of ${s.meeting}`);
        else once(step.step === 'politicalReview' ? s.review : step.step === 'introducers' ? s.introducers : s.training);
      }
      if (step.step === 'introducers') checkSponsors(step.introducers, 'introducers', 2, 2, 'admission.introducers', 'introducer', c.person, add);
      if (step.step === 'training' && (step.days ?? 0) < 3 && (step.classHours ?? 0) < 24) {
        const length = [step.days === undefined ? undefined : `${step.days} days`, step.classHours === undefined ? undefined : `${step.classHours} class hours`]
          .filter((x) => x !== undefined)
          .join(' and ');
        add('admission.training', 'too_short', ['days'], `a training of ${length}: it lasts at least 3 days or at least 24 class hours`);
      }
      break;
    }
    case 'temporaryBranchApproval': {
      if (!c.temporaryBranch) order('the branch is not a temporary branch: it needs no approval to admit', 'not_temporary');
      else if (expect(['applicant', 'activist', 'developmentTarget'], 'a case before its admission meeting')) {
        if (s.meeting !== undefined) order(`the approval comes before the admission meeting of ${s.meeting}`);
        else once(s.temporaryApproval);
      }
      break;
    }
    case 'admissionMeeting': {
      if (expect(['developmentTarget'], 'a development target')) {
        if (s.meeting !== undefined) order(`the admission meeting was already held on ${s.meeting}`, 'duplicate');
        else {
          if (s.review === undefined)
            add('admission.politicalReview', 'missing_step', [], 'no political review is recorded: nobody is admitted without one');
          if (s.introducers === undefined)
            add('admission.introducers', 'missing_step', [], 'no introducers are recorded: two full members introduce the candidate');
          if (s.training === undefined)
            add('admission.training', 'missing_step', [], 'no training is recorded: the candidate completes at least 3 days or 24 class hours first');
        }
      }
      if (c.temporaryBranch && s.temporaryApproval === undefined)
        add('admission.temporaryBranch', 'missing_approval', [], 'a temporary branch admits members only with the higher organization’s approval (none recorded)');
      checkVote(step.votes, 'admit the candidate', add);
      break;
    }
    case 'higherTalk': {
      if (s.meeting === undefined || s.approved !== undefined) {
        order(`the higher committee’s talk comes between the admission meeting and its approval, but the candidate ${STATUS_WORDS[s.status]}${s.approved !== undefined ? ` (approved on ${s.approved})` : ''}`);
      } else {
        once(s.higherTalk);
        const never = addMonths(s.meeting, 6);
        if (day > never)
          add('admission.approvalDeadline', 'late', ['day'], `the approval this talk precedes could be given until ${never} at the latest (6 months after the meeting of ${s.meeting})`);
      }
      break;
    }
    case 'admissionApproval': {
      if (s.meeting === undefined || s.approved !== undefined) {
        order(s.approved !== undefined ? `the admission was already approved on ${s.approved}` : `the approval needs an admission meeting, but the candidate ${STATUS_WORDS[s.status]}`, s.approved !== undefined ? 'duplicate' : 'out_of_order');
      } else {
        if (s.higherTalk === undefined)
          add('admission.higherTalk', 'missing_step', [], 'the higher committee talks with the candidate before approving (no talk recorded)');
        const due = addMonths(s.meeting, 3);
        const never = addMonths(s.meeting, 6);
        if (day > never)
          add('admission.approvalDeadline', 'late', ['day'], `approval on ${day} is more than 6 months after the admission meeting of ${s.meeting}: never after ${never}`);
        else if (day > due && step.extensionReason === undefined)
          add('admission.approvalDeadline', 'late', ['extensionReason'], `approval on ${day} is more than 3 months after the admission meeting of ${s.meeting} (due by ${due}); until ${never} only with the special circumstances recorded (extensionReason)`);
      }
      if (!step.withinAnnualQuota && s.fastTrack === undefined)
        add('admission.annualQuota', 'over_quota', ['withinAnnualQuota'], 'the admission is outside the annual quota: only the front-line fast track waives it');
      break;
    }
    case 'conversionMeeting':
    case 'extensionMeeting':
    case 'cancellationMeeting': {
      if (expect(['probationaryMember'], 'a probationary member')) {
        if (s.pending !== undefined)
          order(`${LABEL[DECISION_MEETING[s.pending.kind]]} of ${s.pending.day} awaits the higher approval`, 'pending');
        else if (step.step !== 'cancellationMeeting' && s.probationEnd !== undefined && day < s.probationEnd)
          add('admission.probationPeriod', 'too_early', ['day'], `probation runs until ${s.probationEnd} (one year from the admission meeting of ${s.meeting}${s.extendedMonths === undefined ? '' : `, extended by ${s.extendedMonths} months`}): ${step.step === 'conversionMeeting' ? 'conversion' : 'an extension'} is decided when it ends, not on ${day}`);
      }
      if (step.step === 'extensionMeeting') {
        if (s.extendedMonths !== undefined)
          add('admission.probationExtension', 'second_extension', [], `probation was already extended once (by ${s.extendedMonths} months): it is extended only once`);
        if (step.months < 6 || step.months > 12)
          add('admission.probationExtension', 'length', ['months'], `an extension of ${step.months} months: it is at least 6 and at most 12`);
      }
      checkVote(step.votes, step.step === 'conversionMeeting' ? 'convert the member' : step.step === 'extensionMeeting' ? 'extend probation' : 'cancel the probationary membership', add);
      break;
    }
    case 'probationApproval': {
      if (s.pending === undefined) {
        if (s.status === 'probationaryMember')
          add('admission.probationDecision', 'missing_decision', [], 'no decision on probation awaits approval: a branch meeting decides first (conversion, extension or cancellation)');
        else order(`the approval of a decision on probation needs a probationary member, but the candidate ${STATUS_WORDS[s.status]}`);
      } else {
        const due = addMonths(s.pending.day, 3);
        if (day > due)
          add('admission.probationApprovalDeadline', 'late', ['day'], `approval on ${day} is more than 3 months after ${LABEL[DECISION_MEETING[s.pending.kind]]} of ${s.pending.day} (due by ${due})`);
      }
      break;
    }
  }
  return out;
}

function checkSponsors(
  list: readonly Sponsor[],
  field: string,
  min: number,
  max: number,
  rule: AdmissionRuleId,
  what: string,
  candidate: string,
  add: (rule: AdmissionRuleId, code: string, path: readonly PropertyKey[], message: string) => void,
): void {
  if (list.length < min || list.length > max)
    add(rule, 'count', [field], `${list.length} ${what}s: ${min === max ? `exactly ${min}` : `${min} to ${max}`} full members`);
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (p.person === candidate) add(rule, 'self', [field, i, 'person'], `the candidate cannot be their own ${what}`);
    else if (seen.has(p.person)) add(rule, 'duplicate', [field, i, 'person'], `'${p.person}' is named twice`);
    seen.add(p.person);
    if (p.status !== 'fullMember')
      add(rule, 'not_full_member', [field, i, 'status'], `'${p.person}' is a ${p.status === 'probationaryMember' ? 'probationary member, who cannot vouch' : p.status}: a ${what} is a full member`);
  });
}

function checkVote(v: BranchVote, what: string, add: (rule: AdmissionRuleId, code: string, path: readonly PropertyKey[], message: string) => void): void {
  if (v.attending * 2 <= v.entitled)
    add('admission.meetingQuorum', 'no_quorum', ['votes', 'attending'], `${v.attending} of ${v.entitled} entitled members attended: more than half must attend (at least ${Math.floor(v.entitled / 2) + 1})`);
  const yes = v.yes + (v.writtenYes ?? 0);
  if (yes * 2 <= v.entitled)
    add(
      'admission.meetingMajority',
      'no_majority',
      ['votes', 'yes'],
      `${yes} yes vote${yes === 1 ? '' : 's'}${v.writtenYes ? ` (${v.writtenYes} in writing)` : ''} of ${v.entitled} full members entitled to vote: the resolution to ${what} needs more than half of those entitled (at least ${Math.floor(v.entitled / 2) + 1}), whoever attends`,
    );
}

/** @internal Records `step` in the state (mutates it); the step is assumed checked. */
export function applyStep(s: AdmissionState, step: AdmissionStep): void {
  const day = step.day;
  switch (step.step) {
    case 'application':
      s.status = 'applicant';
      s.applied = day;
      break;
    case 'applicationTalk':
      s.talk = day;
      break;
    case 'activist':
      s.status = 'activist';
      s.activist = day;
      s.lastCheckpoint = day;
      break;
    case 'assessment':
      s.assessments++;
      s.lastCheckpoint = day;
      break;
    case 'fastTrack':
      s.fastTrack = day;
      break;
    case 'developmentTarget':
      s.status = 'developmentTarget';
      s.target = day;
      break;
    case 'politicalReview':
      s.review = day;
      break;
    case 'introducers':
      s.introducers = day;
      break;
    case 'training':
      s.training = day;
      break;
    case 'temporaryBranchApproval':
      s.temporaryApproval = day;
      break;
    case 'admissionMeeting':
      s.meeting = day;
      break;
    case 'higherTalk':
      s.higherTalk = day;
      break;
    case 'admissionApproval':
      s.status = 'probationaryMember';
      s.approved = day;
      if (s.meeting !== undefined) s.probationEnd = addYears(s.meeting, 1);
      break;
    case 'conversionMeeting':
      s.pending = { kind: 'conversion', day };
      break;
    case 'extensionMeeting':
      s.pending = { kind: 'extension', day, months: step.months };
      break;
    case 'cancellationMeeting':
      s.pending = { kind: 'cancellation', day };
      break;
    case 'probationApproval': {
      const p = s.pending;
      delete s.pending;
      if (p?.kind === 'conversion') {
        s.status = 'fullMember';
        if (s.probationEnd !== undefined) s.fullMemberSince = s.probationEnd;
      } else if (p?.kind === 'extension' && p.months !== undefined) {
        s.extendedMonths = p.months;
        if (s.probationEnd !== undefined) s.probationEnd = addMonths(s.probationEnd, p.months);
      } else if (p?.kind === 'cancellation') {
        s.status = 'cancelled';
        s.cancelledOn = day;
      }
      break;
    }
  }
  if (s.last === undefined || day >= s.last) {
    s.last = day;
    s.lastKind = step.step;
  }
}

/**
 * @internal Replays the steps of a case from the start, checking each against the state the steps
 * before it built; issues carry paths `['steps', i, …]`.
 */
export function replay(c: AdmissionCase): { state: AdmissionState; issues: AdmissionIssue[] } {
  const state = emptyState();
  const issues: AdmissionIssue[] = [];
  c.steps.forEach((step, i) => {
    for (const issue of checkStep(c, state, step)) issues.push({ ...issue, path: ['steps', i, ...issue.path] });
    applyStep(state, step);
  });
  return { state, issues };
}
