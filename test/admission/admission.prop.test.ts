import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TZDate, tz } from '@date-fns/tz';
import { addMonths as fnsAddMonths, format } from 'date-fns';
import { addDays, daysBetween, type Day } from '../../src/core/day.js';
import { AdmissionStepKind, type AdmissionCase, type AdmissionStep, type AdmissionStepInput } from '../../src/admission/model.js';
import { advance, checkAdmissionCase, nextSteps, openAdmissionCase, admissionStatus, tryAdvance } from '../../src/admission/pipeline.js';

type Gen = fc.GeneratorValue;
const CANDIDATE = 'p0000042';

// ---------------------------------------------------------------------------------------------
// An independent statement of the rules, over the steps of a case, with date-fns for the calendar.
// ---------------------------------------------------------------------------------------------

const SHANGHAI = tz('Asia/Shanghai');
/** `day` plus `n` calendar months (clamped at the month's end), by date-fns in China Standard Time. */
function plusMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return format(fnsAddMonths(new TZDate(y, m - 1, d, 'Asia/Shanghai'), n, { in: SHANGHAI }), 'yyyy-MM-dd', { in: SHANGHAI });
}
const age = (birth: string, on: string): number => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
const passes = (v: { entitled: number; attending: number; yes: number; writtenYes?: number | undefined }): boolean =>
  v.attending > v.entitled / 2 && v.yes + (v.writtenYes ?? 0) > v.entitled / 2 && v.attending <= v.entitled && v.yes <= v.attending;
const fullMembers = (list: readonly { person: string; status: string }[], min: number, max: number): boolean =>
  list.length >= min && list.length <= max && new Set(list.map((p) => p.person)).size === list.length && list.every((p) => p.status === 'fullMember' && p.person !== CANDIDATE);

/** Every rule a full member's case breaks, in words (an empty list for a rightful admission). */
function brokenRules(c: AdmissionCase): string[] {
  const broken: string[] = [];
  const steps = c.steps;
  const all = (k: AdmissionStepKind): AdmissionStep[] => steps.filter((s) => s.step === k);
  const one = <K extends AdmissionStepKind>(k: K): Extract<AdmissionStep, { step: K }> | undefined => {
    const found = all(k);
    if (found.length !== 1) broken.push(`${found.length} × ${k}`);
    return found[0] as Extract<AdmissionStep, { step: K }> | undefined;
  };
  const at = (s: AdmissionStep | undefined): number => (s === undefined ? -1 : steps.indexOf(s));
  steps.forEach((s, i) => {
    const prev = steps[i - 1];
    if (prev !== undefined && s.day < prev.day) broken.push(`step ${i} goes back in time`);
  });
  const application = one('application');
  const talk = one('applicationTalk');
  const activist = one('activist');
  const target = one('developmentTarget');
  const review = one('politicalReview');
  const introducers = one('introducers');
  const training = one('training');
  const meeting = one('admissionMeeting');
  const higherTalk = one('higherTalk');
  const approval = one('admissionApproval');
  if (!application || !talk || !activist || !target || !review || !introducers || !training || !meeting || !higherTalk || !approval) return broken;
  if (steps[0] !== application) broken.push('the application is not first');
  if (age(c.birthDate, application.day) < 18) broken.push('under 18');
  if (at(talk) < at(application) || talk.day > plusMonths(application.day, 1)) broken.push('talk late or misplaced');
  if (at(activist) < at(talk) || activist.filedWith === undefined || !fullMembers(activist.contacts, 1, 2)) broken.push('activist decision');
  const assessments = all('assessment');
  if (assessments.length === 0) broken.push('never assessed');
  const checkpoints = [activist, ...assessments, target];
  for (let i = 1; i < checkpoints.length; i++) {
    const a = checkpoints[i - 1] as AdmissionStep;
    const b = checkpoints[i] as AdmissionStep;
    if (at(b) < at(a) || b.day > plusMonths(a.day, 6)) broken.push(`assessment gap ${a.day} → ${b.day}`);
  }
  const fast = all('fastTrack').find((f) => at(f) > at(activist) && at(f) < at(target) && f.day.startsWith('2020-'));
  if (fast === undefined && target.day < plusMonths(activist.day, 12)) broken.push('development target within a year');
  if (target.filedWith === undefined) broken.push('development target not filed');
  for (const s of [review, introducers, training]) if (at(s) < at(target) || at(s) > at(meeting)) broken.push(`${s.step} misplaced`);
  if (!fullMembers(introducers.introducers, 2, 2)) broken.push('introducers');
  if ((training.days ?? 0) < 3 && (training.classHours ?? 0) < 24) broken.push('training too short');
  if (c.temporaryBranch) {
    const ok = all('temporaryBranchApproval').some((s) => at(s) < at(meeting));
    if (!ok) broken.push('temporary branch without approval');
  }
  if (!passes(meeting.votes)) broken.push('admission vote');
  if (!(at(meeting) < at(higherTalk) && at(higherTalk) < at(approval))) broken.push('higher talk misplaced');
  if (approval.day > plusMonths(meeting.day, 6)) broken.push('approval after 6 months');
  if (approval.day > plusMonths(meeting.day, 3) && approval.extensionReason === undefined) broken.push('approval after 3 months without reason');
  if (!approval.withinAnnualQuota && fast === undefined) broken.push('over quota without fast track');
  // probation
  let end = plusMonths(meeting.day, 12);
  const decisions = steps.slice(at(approval) + 1);
  const extensions = decisions.filter((s) => s.step === 'extensionMeeting');
  if (extensions.length > 1) broken.push('extended twice');
  if (decisions.some((s) => s.step === 'cancellationMeeting')) broken.push('a cancellation was decided');
  for (let i = 0; i < decisions.length; i += 2) {
    const m = decisions[i];
    const a = decisions[i + 1];
    if (m === undefined || a === undefined || a.step !== 'probationApproval') {
      broken.push('a decision on probation without its approval');
      break;
    }
    if (m.step !== 'conversionMeeting' && m.step !== 'extensionMeeting' && m.step !== 'cancellationMeeting') {
      broken.push(`${m.step} during probation`);
      break;
    }
    if (!passes(m.votes)) broken.push(`${m.step} vote`);
    if (a.day > plusMonths(m.day, 3)) broken.push(`${m.step} approved after 3 months`);
    if (m.step === 'extensionMeeting') {
      if (m.day < end) broken.push('extension before probation ended');
      if (m.months < 6 || m.months > 12) broken.push('extension length');
      end = plusMonths(end, m.months);
    }
    if (m.step === 'conversionMeeting' && m.day < end) broken.push(`conversion on ${m.day} before probation ended on ${end}`);
  }
  if (decisions.at(-2)?.step !== 'conversionMeeting') broken.push('not converted last');
  return broken;
}

// ---------------------------------------------------------------------------------------------
// Steps with random details: valid, or (when `corrupt`) breaking one rule of their own.
// ---------------------------------------------------------------------------------------------

const full = (person: string) => ({ person, status: 'fullMember' as const });

/** A vote that passes: more than half attend, and yes votes (with written ones) exceed half of those entitled. */
function passingVote(g: Gen) {
  const entitled = g(fc.integer, { min: 1, max: 60 });
  const half = Math.floor(entitled / 2);
  const attending = g(fc.integer, { min: half + 1, max: entitled });
  const writtenYes = g(fc.boolean) ? 0 : g(fc.integer, { min: 0, max: entitled - attending });
  const yes = g(fc.integer, { min: Math.max(0, half + 1 - writtenYes), max: attending });
  return writtenYes === 0 ? { entitled, attending, yes } : { entitled, attending, yes, writtenYes };
}

/** A vote that fails: too few attend (even when written opinions would carry it), or too few say yes (though a majority of those present may). */
function failingVote(g: Gen) {
  const entitled = g(fc.integer, { min: 3, max: 60 });
  const half = Math.floor(entitled / 2);
  switch (g(fc.integer, { min: 0, max: 2 })) {
    case 0: {
      const attending = g(fc.integer, { min: 0, max: half });
      return { entitled, attending, yes: attending, writtenYes: Math.min(entitled - attending, half + 1 - attending) };
    }
    case 1: {
      const attending = g(fc.integer, { min: half + 1, max: Math.max(half + 1, 2 * half - 1) });
      return { entitled, attending, yes: half };
    }
    default: {
      const attending = g(fc.integer, { min: half + 1, max: entitled });
      return { entitled, attending, yes: g(fc.integer, { min: 0, max: half }) };
    }
  }
}

function badSponsors(g: Gen, n: number) {
  const choices = [
    () => [],
    () => [full('a'), full('b'), full('c')],
    () => [...Array.from({ length: n - 1 }, (_, i) => full(`m${i}`)), { person: 'q', status: 'probationaryMember' as const }],
    () => [...Array.from({ length: n - 1 }, (_, i) => full(`m${i}`)), full(CANDIDATE)],
    () => [full('m0'), full('m0')],
  ];
  return (choices[g(fc.integer, { min: 0, max: choices.length - 1 })] as () => { person: string; status: 'fullMember' | 'probationaryMember' }[])();
}

/** A step of a kind on a day, with valid details unless `corrupt` (then it breaks a rule of its own where it can). */
function stepFor(g: Gen, kind: AdmissionStepKind, day: string, corrupt: boolean, needsReason = false): AdmissionStepInput {
  switch (kind) {
    case 'application':
    case 'assessment':
    case 'politicalReview':
      return { step: kind, day };
    case 'applicationTalk':
    case 'higherTalk':
      return { step: kind, day, by: 'p0000900' };
    case 'activist': {
      const contacts = corrupt ? badSponsors(g, 1) : g(fc.boolean) ? [full('p1')] : [full('p1'), full('p2')];
      const filed = corrupt && contacts.length === 1 && g(fc.boolean) ? {} : { filedWith: 'yc.t03' };
      return { step: kind, day, recommendation: 'partyMembers', decidedBy: 'branchCommittee', contacts, ...filed };
    }
    case 'fastTrack':
      return { step: kind, day, grantedBy: 'yc', reason: '疫情防控一线表现突出' };
    case 'developmentTarget':
      return { step: kind, day, decidedBy: 'branchCommittee', ...(corrupt ? {} : { filedWith: 'yc.t03' }) };
    case 'introducers':
      return { step: kind, day, introducers: corrupt ? badSponsors(g, 2) : [full('p1'), full('p3')] };
    case 'training':
      return corrupt
        ? { step: kind, day, days: g(fc.integer, { min: 0, max: 2 }), classHours: g(fc.integer, { min: 0, max: 23 }) }
        : g(fc.boolean)
          ? { step: kind, day, days: g(fc.integer, { min: 3, max: 7 }) }
          : { step: kind, day, classHours: g(fc.integer, { min: 24, max: 60 }) };
    case 'temporaryBranchApproval':
      return { step: kind, day, approvedBy: 'yc.hosp' };
    case 'admissionMeeting':
    case 'conversionMeeting':
      return { step: kind, day, votes: corrupt ? failingVote(g) : passingVote(g) };
    case 'cancellationMeeting':
      return { step: kind, day, votes: corrupt ? failingVote(g) : passingVote(g), reason: '不履行党员义务' };
    case 'extensionMeeting':
      return { step: kind, day, votes: passingVote(g), months: corrupt ? g(fc.constantFrom, 0, 3, 5, 13, 24) : g(fc.integer, { min: 6, max: 12 }) };
    case 'admissionApproval':
      return {
        step: kind,
        day,
        approvedBy: 'yc.t03',
        withinAnnualQuota: !(corrupt && g(fc.boolean)),
        ...(needsReason || (!corrupt && g(fc.boolean)) ? { extensionReason: '党委换届' } : {}),
      };
    case 'probationApproval':
      return { step: kind, day, approvedBy: 'yc.t03' };
  }
}

const KINDS = AdmissionStepKind.options;

/** The kinds {@link stepFor} can corrupt so that the step is refused whatever its day. */
const CORRUPTIBLE = new Set<AdmissionStepKind>(['activist', 'developmentTarget', 'introducers', 'training', 'admissionMeeting', 'conversionMeeting', 'cancellationMeeting', 'extensionMeeting']);

interface Scenario {
  readonly birthDate: string;
  readonly temporaryBranch: boolean;
  readonly attempts: readonly AdmissionStepInput[];
}

/**
 * A noisy run through the pipeline. Each stage gets a valid attempt, mostly on a day the rules allow
 * (sometimes early or late), often preceded by bad attempts (wrong details or days); optional stages
 * come or not; now and then a random step of any kind is thrown in.
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc.gen().map((g) => {
  const chance = (percent: number): boolean => g(fc.integer, { min: 0, max: 99 }) < percent;
  const between = (min: number, max: number): number => g(fc.integer, { min, max });
  const birthDate = addDays('1960-01-01' as Day, between(0, 365 * 42));
  const temporaryBranch = chance(30);
  let cursor = addDays('2016-01-01' as Day, between(0, 365 * 5));
  const attempts: AdmissionStepInput[] = [];
  /** Bad attempts (most with corrupt details, on any day near), then the intended step after `wait` days (rarely at a wild day). */
  const stage = (kind: AdmissionStepKind, wait: () => number): void => {
    if (kind !== 'application' && chance(30))
      for (let i = between(1, 2); i > 0; i--)
        attempts.push(CORRUPTIBLE.has(kind) ? stepFor(g, kind, addDays(cursor, between(-20, 200)), true) : stepFor(g, kind, addDays(cursor, between(-20, -1)), false));
    cursor = addDays(cursor, chance(93) ? wait() : between(-10, 250));
    attempts.push(stepFor(g, kind, cursor, false));
    if (chance(6)) attempts.push(stepFor(g, g(fc.constantFrom, ...KINDS), addDays(cursor, between(-10, 60)), chance(50)));
  };
  /** Days until `day`, plus a few. */
  const until = (day: Day): number => Math.max(0, daysBetween(cursor, day)) + between(0, 30);
  stage('application', () => 0);
  stage('applicationTalk', () => between(0, 30));
  stage('activist', () => between(0, 150));
  const activistDay = cursor;
  if (chance(30)) stage('fastTrack', () => between(0, 90));
  for (let k = 0; k < 8 && (k === 0 || cursor < addDays(activistDay, 350)); k++) stage('assessment', () => between(60, 180));
  stage('developmentTarget', () => between(0, 15));
  const stages: AdmissionStepKind[] = ['politicalReview', 'introducers', 'training'];
  if (temporaryBranch ? chance(90) : chance(10)) stages.push('temporaryBranchApproval');
  for (const kind of g(fc.shuffledSubarray, stages, { minLength: stages.length, maxLength: stages.length })) stage(kind, () => between(0, 30));
  stage('admissionMeeting', () => between(0, 30));
  const meetingDay = cursor;
  stage('higherTalk', () => between(0, 60));
  stage('admissionApproval', () => between(0, 60));
  if (chance(4)) stage('cancellationMeeting', () => between(0, 300));
  let end = addDays(meetingDay, 365);
  if (chance(30)) {
    const months = between(6, 12);
    stage('extensionMeeting', () => until(end));
    stage('probationApproval', () => between(0, 60));
    end = addDays(end, 31 * months);
    if (chance(50)) {
      // a second extension (refused), approved, and conversion tried when it would have ended
      stage('extensionMeeting', () => until(end));
      stage('probationApproval', () => between(0, 60));
      end = addDays(end, 31 * between(6, 12));
    }
  }
  stage('conversionMeeting', () => until(end));
  stage('probationApproval', () => between(0, 60));
  if (chance(30)) {
    // tried again later, after a refusal
    stage('conversionMeeting', () => until(addDays(end, 200)));
    stage('probationApproval', () => between(0, 60));
  }
  return { birthDate, temporaryBranch, attempts };
});

const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};

/** Tries every attempt in turn, keeping those accepted. */
function play(s: Scenario): { c: AdmissionCase; refused: number } {
  let c = openAdmissionCase({ id: 'adm-prop', person: CANDIDATE, birthDate: s.birthDate, branch: 'yc.t03.v201', temporaryBranch: s.temporaryBranch });
  let refused = 0;
  for (const step of s.attempts) {
    const r = tryAdvance(c, step);
    if (r.ok) c = r.value;
    else refused++;
  }
  return { c, refused };
}

describe('advance on random step sequences', () => {
  test.prop([scenarioArb], { numRuns: 300 })('never reaches full membership while breaking a rule', (s) => {
    const { c } = play(s);
    expect(checkAdmissionCase(c)).toEqual([]);
    if (admissionStatus(c) === 'fullMember') expect(brokenRules(c)).toEqual([]);
  });

  test('the random sequences do reach full membership (the property above is not vacuous), and are refused often', () => {
    const runs = fc.sample(scenarioArb, { numRuns: 200, seed: 2020 }).map(play);
    const reached = runs.filter((r) => admissionStatus(r.c) === 'fullMember').length;
    expect(reached).toBeGreaterThan(20);
    expect(reached).toBeLessThan(180);
    expect(runs.reduce((n, r) => n + r.refused, 0)).toBeGreaterThan(1000);
  });

  test.prop([scenarioArb], { numRuns: 100 })('never changes the case or step it is given', (s) => {
    let c = deepFreeze(openAdmissionCase({ id: 'adm-prop', person: CANDIDATE, birthDate: s.birthDate, branch: 'b', temporaryBranch: s.temporaryBranch }));
    for (const step of s.attempts) {
      const frozenStep = deepFreeze(structuredClone(step));
      const before = JSON.stringify(c);
      const r = tryAdvance(c, frozenStep);
      expect(JSON.stringify(c)).toBe(before);
      expect(frozenStep).toEqual(step);
      if (r.ok) {
        expect(r.value).not.toBe(c);
        expect(r.value.steps.slice(0, -1)).toEqual(c.steps);
        c = deepFreeze(r.value);
      }
    }
  });
});

describe('nextSteps on random walks through the pipeline', () => {
  test.prop([fc.gen()], { numRuns: 150 })(
    'a suggested step taken on its earliest (or latest) day with valid details is accepted; a day just outside its window is refused for the rule behind the bound',
    (g) => {
      const birthDate = addDays('1975-01-01' as Day, g(fc.integer, { min: 0, max: 365 * 35 }));
      const start = addDays('2016-01-01' as Day, g(fc.integer, { min: 0, max: 365 * 6 }));
      let c = openAdmissionCase({ id: 'adm-walk', person: CANDIDATE, birthDate, branch: 'b', temporaryBranch: g(fc.boolean) });
      for (let round = 0; round < 30; round++) {
        const last = c.steps.at(-1)?.day ?? start;
        const options = nextSteps(c, addDays(last, g(fc.constantFrom, 0, 0, 1, 10, 40, 100)));
        if (options.length === 0) break;
        const n = options[g(fc.integer, { min: 0, max: options.length - 1 })]!;
        if (n.earliestRule !== 'admission.sequence') {
          const early = tryAdvance(c, stepFor(g, n.step, addDays(n.earliest, -1), false, true));
          expect(early.ok).toBe(false);
          if (!early.ok) expect(early.error.issues.map((i) => i.rule)).toContain(n.earliestRule);
        }
        if (n.latestRule !== undefined) {
          const late = tryAdvance(c, stepFor(g, n.step, addDays(n.latestWithExtension ?? n.latest ?? n.earliest, 1), false, true));
          expect(late.ok).toBe(false);
          if (!late.ok) expect(late.error.issues.map((i) => i.rule)).toContain(n.latestRule);
        }
        const inWindow = [n.earliest, n.latest, n.latestWithExtension].filter((d): d is Day => d !== undefined && d >= n.earliest);
        const day = inWindow[g(fc.integer, { min: 0, max: inWindow.length - 1 })]!;
        // throws, failing the property, when a suggested step is refused
        c = advance(c, stepFor(g, n.step, day, false, n.latest !== undefined && day > n.latest));
      }
      expect(checkAdmissionCase(c)).toEqual([]);
      if (admissionStatus(c) === 'fullMember') expect(brokenRules(c)).toEqual([]);
    },
  );
});
