import { Day, ageOn } from '../core/day.js';
import { FrontlineError, issuesFromZod, toResult, type Issue, type Result } from '../core/errors.js';
import { addMonths, addYears, maxDay } from './dates.js';
import { AdmissionCase, AdmissionStep, type AdmissionCaseInput, type AdmissionStatus, type AdmissionStepInput, type AdmissionStepKind } from './model.js';
import type { AdmissionRuleId } from './rules.js';
import { FAST_TRACK_FROM, FAST_TRACK_TO, applyStep, checkStep, eighteenOn, emptyState, replay, type AdmissionState } from './state.js';

/** Parses a case, throwing `invalid_input` with paths under `base`. */
function parseCase(input: unknown, base: readonly PropertyKey[]): AdmissionCase {
  const r = AdmissionCase.safeParse(input);
  if (!r.success) throw new FrontlineError('invalid_input', 'invalid admission case', issuesFromZod(r.error, base));
  return r.data;
}

/** Parses a case and replays its steps; throws when a step breaks a rule. */
function load(input: unknown, base: readonly PropertyKey[]): { c: AdmissionCase; state: AdmissionState } {
  const c = parseCase(input, base);
  const { state, issues } = replay(c);
  if (issues.length > 0)
    throw new FrontlineError(
      'invalid_input',
      `admission case '${c.id}' breaks the admission rules`,
      issues.map((i) => ({ ...i, path: [...base, ...i.path] })),
    );
  return { c, state };
}

/**
 * Opens an admission case: checks the person, birth date and branch (and any steps already taken,
 * replayed from the start) and returns the case. `temporaryBranch` defaults to `false` and `steps`
 * to none. Throws a {@link FrontlineError} (`invalid_input`) listing every problem.
 *
 * @param input - The case: id, person, birth date, branch, and any steps already taken.
 * @returns The case, with its defaults.
 * @throws {@link FrontlineError} `invalid_input` for malformed fields or a step that breaks a rule.
 * @example
 * const c = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * c.steps.length; // => 0
 * admissionStatus(c); // => 'nonMember'
 * @category Admission
 */
export function openAdmissionCase(input: AdmissionCaseInput): AdmissionCase {
  const raw = input as unknown;
  const withDefaults =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? { temporaryBranch: false, steps: [], ...(raw as Record<string, unknown>) }
      : raw;
  return load(withDefaults, []).c;
}

/**
 * Records one step of the pipeline and returns the new case; the step carries its own day. Throws a
 * {@link FrontlineError} (`invalid_input`) whose issues name every rule the step would break — each
 * with `rule` set to an id of {@link ADMISSION_RULES} and a message saying why — or the step's or
 * case's malformed fields. A step out of order is refused naming what it needs. The case passed in is
 * never changed.
 *
 * @param c - The case (not changed).
 * @param step - The step, with its day.
 * @returns The case with the step recorded.
 * @throws {@link FrontlineError} `invalid_input` naming every rule the step breaks (with its rule id), or the malformed fields of the step or the case.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const c1 = advance(c0, { step: 'application', day: '2019-11-04' });
 * advance(c1, { step: 'applicationTalk', day: '2019-12-06', by: 'p0000101' });
 * // throws: step.day: the talk on 2019-12-06 is 32 days after the application of 2019-11-04: it is held within one month (by 2019-12-04)
 * @category Admission
 */
export function advance(c: AdmissionCase, step: AdmissionStepInput): AdmissionCase {
  const parsedStep = AdmissionStep.safeParse(step);
  const { c: parsed, state } = load(c, ['case']);
  if (!parsedStep.success) throw new FrontlineError('invalid_input', 'invalid admission step', issuesFromZod(parsedStep.error, ['step']));
  const s = parsedStep.data;
  const issues = checkStep(parsed, state, s);
  if (issues.length > 0)
    throw new FrontlineError(
      'invalid_input',
      `cannot record '${s.step}' on ${s.day} in admission case '${parsed.id}'`,
      issues.map((i) => ({ ...i, path: ['step', ...i.path] })),
    );
  return { ...parsed, steps: [...parsed.steps, s] };
}

/**
 * {@link advance} without throwing: the new case, or the error listing every broken rule.
 *
 * @param c - The case (not changed).
 * @param step - The step, with its day.
 * @returns The case with the step recorded, or the error naming every problem.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const r = tryAdvance(c0, { step: 'application', day: '2010-09-01' }); // aged 14
 * r.ok; // => false
 * if (!r.ok) r.error.issues[0]?.rule; // => 'admission.minimumAge'
 * @category Admission
 */
export function tryAdvance(c: AdmissionCase, step: AdmissionStepInput): Result<AdmissionCase> {
  return toResult(() => advance(c, step));
}

/**
 * Replays a stored case from its first step and returns every problem: malformed fields, and each
 * step that breaks a rule given the steps before it (paths `steps[i]…`, with the rule's id). An
 * empty list means every step was rightly taken.
 *
 * @param input - A stored case, as received.
 * @returns Every problem found; empty when every step was rightly taken.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * checkAdmissionCase(admissionSteps.reduce(advance, c0)); // => []
 * @category Admission
 */
export function checkAdmissionCase(input: unknown): readonly Issue[] {
  const r = AdmissionCase.safeParse(input);
  if (!r.success) return issuesFromZod(r.error);
  return replay(r.data).issues;
}

/**
 * Where a case stands, from its steps: `nonMember` (no application yet), `applicant`, `activist`,
 * `developmentTarget` (until the admission is approved), `probationaryMember`, `fullMember` (once
 * conversion is approved) or `cancelled`.
 *
 * @param c - The case.
 * @returns Its status after its last step.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * admissionStatus(c0); // => 'nonMember'
 * admissionStatus(advance(c0, { step: 'application', day: '2019-11-04' })); // => 'applicant'
 * @category Admission
 */
export function admissionStatus(c: AdmissionCase): AdmissionStatus {
  const s = emptyState();
  for (const step of c.steps) applyStep(s, step);
  return s.status;
}

/**
 * A step the case may take next, with the window the rules leave for it: from `earliest` (never
 * before the case's last step nor before the day asked about), until `latest` where a deadline
 * applies. Taking the step on any day of the window, with valid details, is accepted by
 * {@link advance}.
 *
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const c = admissionSteps.slice(0, 5).reduce(advance, c0); // an activist since 2020-02-01, assessed on 2020-07-30 and 2021-01-20
 * const next: NextStep | undefined = nextSteps(c, '2021-01-20').find((n) => n.step === 'developmentTarget');
 * // => { step: 'developmentTarget', earliest: '2021-02-01', earliestRule: 'admission.activistPeriod',
 * //      latest: '2021-07-20', latestRule: 'admission.activistAssessment' }
 * @category Admission
 */
export interface NextStep {
  /** The kind of step. */
  readonly step: AdmissionStepKind;
  /** The first day it may be taken. */
  readonly earliest: Day;
  /** The rule behind `earliest`: `admission.sequence` when it is the day of the last step or the day asked about. */
  readonly earliestRule: AdmissionRuleId;
  /** The last day it may be taken, where a deadline applies. */
  readonly latest?: Day;
  /** The rule behind `latest`. */
  readonly latestRule?: AdmissionRuleId;
  /**
   * For the admission approval: the last day with the special circumstances recorded
   * (`extensionReason`), 6 months after the meeting. When `earliest` is after `latest`, the reason is
   * required.
   */
  readonly latestWithExtension?: Day;
}

/**
 * The steps a case may take next as of a day (usually today), each with its earliest day, its latest
 * day where a deadline applies, and the rule behind each bound. Steps whose window has closed are
 * left out; a closed case (full member or cancelled) has none. Throws a {@link FrontlineError}
 * (`invalid_input`) when the case itself breaks a rule.
 *
 * @param c - The case.
 * @param asOf - The day asked about (`'YYYY-MM-DD'`).
 * @returns The steps it may take next, each with its window and the rules behind it.
 * @throws {@link FrontlineError} `invalid_input` for a day that is not a real date, or a case that is malformed or breaks a rule.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const activist = admissionSteps.slice(0, 3).reduce(advance, c0); // an activist since 2020-02-01
 * nextSteps(activist, '2020-03-01').map((n) => [n.step, n.earliest, n.latest]);
 * // => [['assessment', '2020-03-01', '2020-08-01'], ['fastTrack', '2020-03-01', '2020-12-31']]
 * // (developmentTarget appears once an assessment is recorded: from 2021-02-01)
 * @category Admission
 */
export function nextSteps(c: AdmissionCase, asOf: string): readonly NextStep[] {
  const day = Day.safeParse(asOf);
  if (!day.success) throw new FrontlineError('invalid_day', 'invalid day', issuesFromZod(day.error, ['asOf']));
  const { c: parsed, state: s } = load(c, ['case']);
  const base = s.last === undefined ? day.data : maxDay(s.last, day.data);
  const out: NextStep[] = [];
  const add = (
    step: AdmissionStepKind,
    bound: { day: Day; rule: AdmissionRuleId } | undefined,
    latest?: { day: Day; rule: AdmissionRuleId },
    latestWithExtension?: Day,
  ): void => {
    const ruled = bound !== undefined && bound.day > base;
    const earliest = ruled ? bound.day : base;
    if (earliest > (latestWithExtension ?? latest?.day ?? earliest)) return;
    out.push({
      step,
      earliest,
      earliestRule: ruled ? bound.rule : 'admission.sequence',
      ...(latest === undefined ? {} : { latest: latest.day, latestRule: latest.rule }),
      ...(latestWithExtension === undefined ? {} : { latestWithExtension }),
    });
  };
  const temporaryApproval = (): void => {
    if (parsed.temporaryBranch && s.temporaryApproval === undefined && s.meeting === undefined) add('temporaryBranchApproval', undefined);
  };
  switch (s.status) {
    case 'nonMember':
      add('application', { day: eighteenOn(parsed.birthDate), rule: 'admission.minimumAge' });
      break;
    case 'applicant':
      if (s.talk === undefined && s.applied !== undefined)
        add('applicationTalk', undefined, { day: addMonths(s.applied, 1), rule: 'admission.applicationTalk' });
      else add('activist', undefined);
      temporaryApproval();
      break;
    case 'activist': {
      if (s.activist === undefined || s.lastCheckpoint === undefined) break;
      const assessmentDue = { day: addMonths(s.lastCheckpoint, 6), rule: 'admission.activistAssessment' as const };
      add('assessment', undefined, assessmentDue);
      if (s.fastTrack === undefined)
        add('fastTrack', { day: FAST_TRACK_FROM, rule: 'admission.frontLineFastTrack' }, { day: FAST_TRACK_TO, rule: 'admission.frontLineFastTrack' });
      if (s.assessments > 0)
        add('developmentTarget', s.fastTrack === undefined ? { day: addYears(s.activist, 1), rule: 'admission.activistPeriod' } : undefined, assessmentDue);
      temporaryApproval();
      break;
    }
    case 'developmentTarget': {
      if (s.meeting === undefined) {
        if (s.review === undefined) add('politicalReview', undefined);
        if (s.introducers === undefined) add('introducers', undefined);
        if (s.training === undefined) add('training', undefined);
        temporaryApproval();
        const ready = s.review !== undefined && s.introducers !== undefined && s.training !== undefined;
        if (ready && (!parsed.temporaryBranch || s.temporaryApproval !== undefined)) add('admissionMeeting', undefined);
      } else {
        const never = addMonths(s.meeting, 6);
        if (s.higherTalk === undefined) add('higherTalk', undefined, { day: never, rule: 'admission.approvalDeadline' });
        else add('admissionApproval', undefined, { day: addMonths(s.meeting, 3), rule: 'admission.approvalDeadline' }, never);
      }
      break;
    }
    case 'probationaryMember': {
      if (s.pending !== undefined) {
        add('probationApproval', undefined, { day: addMonths(s.pending.day, 3), rule: 'admission.probationApprovalDeadline' });
      } else if (s.probationEnd !== undefined) {
        const end = { day: s.probationEnd, rule: 'admission.probationPeriod' as const };
        add('conversionMeeting', end);
        if (s.extendedMonths === undefined) add('extensionMeeting', end);
        add('cancellationMeeting', undefined);
      }
      break;
    }
    case 'fullMember':
    case 'cancelled':
      break;
  }
  return out;
}

/**
 * The milestones of a case, each the day it happened (absent until it has).
 *
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const t: AdmissionTimeline = admissionTimeline(admissionSteps.reduce(advance, c0));
 * t.fullMemberSince; // => '2022-03-20' (Party standing counts from the end of probation)
 * @category Admission
 */
export interface AdmissionTimeline {
  /** The day the application was received. */
  readonly applied?: Day;
  /** The age on that day. */
  readonly ageAtApplication?: number;
  /** The day the candidate became an activist. */
  readonly activistSince?: Day;
  /** The day the front-line fast track was granted. */
  readonly fastTracked?: Day;
  /** The day the candidate became a development target. */
  readonly developmentTargetSince?: Day;
  /** The day of the admission meeting, from which probation counts (入党时间). */
  readonly admittedOn?: Day;
  /** The day the higher committee approved the admission. */
  readonly approvedOn?: Day;
  /** The day probation ends (one year after the admission meeting, plus any extension). */
  readonly probationEnds?: Day;
  /** By how many months probation was extended. */
  readonly extendedByMonths?: number;
  /** The day Party standing counts from: the end of probation, once conversion is approved (党龄). */
  readonly fullMemberSince?: Day;
  /** The day the cancellation of probation was approved. */
  readonly cancelledOn?: Day;
}

/**
 * The milestones of a case: when the candidate applied, became an activist and a development target,
 * was admitted (the meeting day, from which probation counts), when probation ends, and since when
 * Party standing counts (the end of probation, once conversion is approved).
 *
 * @param c - The case.
 * @returns The day of each milestone reached.
 * @example
 * const c0 = openAdmissionCase({ id: 'adm-001', person: 'p0000042', birthDate: '1996-05-04', branch: 'yc.t03.v201' });
 * const c = admissionSteps.slice(0, 12).reduce(advance, c0); // admitted at the meeting of 2021-03-20, approved on 2021-04-10
 * admissionTimeline(c).probationEnds; // => '2022-03-20'
 * @category Admission
 */
export function admissionTimeline(c: AdmissionCase): AdmissionTimeline {
  const s = emptyState();
  for (const step of c.steps) applyStep(s, step);
  const t: { -readonly [K in keyof AdmissionTimeline]: AdmissionTimeline[K] } = {};
  if (s.applied !== undefined) {
    t.applied = s.applied;
    t.ageAtApplication = ageOn(c.birthDate, s.applied);
  }
  if (s.activist !== undefined) t.activistSince = s.activist;
  if (s.fastTrack !== undefined) t.fastTracked = s.fastTrack;
  if (s.target !== undefined) t.developmentTargetSince = s.target;
  if (s.meeting !== undefined) t.admittedOn = s.meeting;
  if (s.approved !== undefined) t.approvedOn = s.approved;
  if (s.probationEnd !== undefined) t.probationEnds = s.probationEnd;
  if (s.extendedMonths !== undefined) t.extendedByMonths = s.extendedMonths;
  if (s.fullMemberSince !== undefined) t.fullMemberSince = s.fullMemberSince;
  if (s.cancelledOn !== undefined) t.cancelledOn = s.cancelledOn;
  return t;
}
