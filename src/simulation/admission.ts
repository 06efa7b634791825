import { z } from 'zod';
import type { AdmissionCase, AdmissionStepInput, AdmissionStepKind } from '../admission/model.js';
import { admissionStatus, nextSteps, tryAdvance } from '../admission/pipeline.js';
import { Day, addDays, instantAt, toEpochDay, fromEpochDay } from '../core/day.js';
import { FrontlineError, issuesFromZod } from '../core/errors.js';
import type { EventId, OrgId, PersonId, RecordId } from '../core/ids.js';
import { createRandom, type Random } from '../core/random.js';
import type { LedgerEvent } from '../ledger/events.js';
import { ledgerTree, type Ledger } from '../ledger/ledger.js';
import { tableForEach } from '../store/table.js';
import type { OrgUnit } from '../org/unit.js';
import type { Person } from '../people/person.js';
import { isTownshipLevel } from '../org/unit.js';

/**
 * Options of {@link simulateAdmissions}.
 *
 * @example
 * AdmissionSimulationOptions.parse({ startDay: '2020-01-26', days: 13 });
 * @category Simulation
 */
export const AdmissionSimulationOptions = z
  .object({
    /** The first day: the cases are entered in the ledger that morning. */
    startDay: Day,
    /** Days of steps after it (default 13). */
    days: z.number().int().min(1).max(92).optional(),
    /** The chance, each day, that a case takes its next step when it may (default 0.03). */
    pace: z.number().min(0).max(1).optional(),
    /** The seed (default 2020). */
    seed: z.number().int().optional(),
  })
  .strict();
/**
 * Options of {@link simulateAdmissions}.
 *
 * @interface
 * @category Simulation
 */
export type AdmissionSimulationOptions = z.input<typeof AdmissionSimulationOptions>;

/** The steps a case walks through, in their usual order (fast track and extensions aside). */
const MAIN_PATH: readonly AdmissionStepKind[] = [
  'application',
  'applicationTalk',
  'activist',
  'assessment',
  'developmentTarget',
  'politicalReview',
  'introducers',
  'training',
  'temporaryBranchApproval',
  'admissionMeeting',
  'higherTalk',
  'admissionApproval',
  'conversionMeeting',
  'probationApproval',
];

/** What the step builder needs to know of a case's branch. */
interface BranchPeople {
  /** Full members of the branch, to be contacts and introducers. */
  readonly members: readonly PersonId[];
  /** Who talks with applicants: the branch's cadre, or a member. */
  readonly secretary: PersonId;
  /** The township (or county) above: files, approves and grants. */
  readonly higher: OrgId;
  /** Someone of the higher committee, for its talk. */
  readonly higherCadre: PersonId;
}

/** A step of a kind on a day, with plausible fields. */
function stepOf(kind: AdmissionStepKind, day: Day, b: BranchPeople, rng: Random): AdmissionStepInput | undefined {
  const sponsors = (k: number) => {
    const out: { person: PersonId; status: 'fullMember' }[] = [];
    const pool = [...b.members];
    while (out.length < k && pool.length > 0) out.push({ person: pool.splice(rng.int(pool.length), 1)[0] as PersonId, status: 'fullMember' });
    return out;
  };
  const entitled = Math.max(3, b.members.length);
  const votes = () => {
    const attending = Math.max(Math.ceil(entitled * 0.8), Math.min(entitled, 3));
    return { entitled, attending, yes: attending };
  };
  switch (kind) {
    case 'application':
      return { step: 'application', day };
    case 'applicationTalk':
      return { step: 'applicationTalk', day, by: b.secretary };
    case 'activist':
      return { step: 'activist', day, recommendation: 'partyMembers', decidedBy: 'branchCommittee', filedWith: b.higher, contacts: sponsors(2) };
    case 'assessment':
      return { step: 'assessment', day };
    case 'developmentTarget':
      return { step: 'developmentTarget', day, decidedBy: 'branchCommittee', filedWith: b.higher };
    case 'politicalReview':
      return { step: 'politicalReview', day, conclusion: '政治审查合格' };
    case 'introducers':
      return { step: 'introducers', day, introducers: sponsors(2) };
    case 'training':
      return { step: 'training', day, days: 3, by: b.higher };
    case 'temporaryBranchApproval':
      return { step: 'temporaryBranchApproval', day, approvedBy: b.higher };
    case 'admissionMeeting':
      return { step: 'admissionMeeting', day, votes: votes() };
    case 'higherTalk':
      return { step: 'higherTalk', day, by: b.higherCadre };
    case 'admissionApproval':
      return { step: 'admissionApproval', day, approvedBy: b.higher, withinAnnualQuota: true };
    case 'conversionMeeting':
      return { step: 'conversionMeeting', day, votes: votes() };
    case 'probationApproval':
      return { step: 'probationApproval', day, approvedBy: b.higher };
    case 'fastTrack':
      return { step: 'fastTrack', day, grantedBy: b.higher, reason: '疫情防控一线表现突出' };
    default:
      return undefined;
  }
}

/**
 * The furthest step of the main path the case may take on `day`, accepted by the rules: the case
 * advanced, or undefined. An assessment is taken only when it falls due within a month (or when
 * `assessNow`).
 */
function stepOn(c: AdmissionCase, day: Day, b: BranchPeople, rng: Random, allow: (kind: AdmissionStepKind) => boolean, assessNow = false): AdmissionCase | undefined {
  const today = toEpochDay(day);
  const open = nextSteps(c, day).filter(
    (n) =>
      n.earliest <= day &&
      (n.latest === undefined || day <= n.latest) &&
      allow(n.step) &&
      (n.step !== 'assessment' || assessNow || (n.latest !== undefined && toEpochDay(n.latest) - today <= 30)),
  );
  open.sort((x, y) => MAIN_PATH.indexOf(y.step) - MAIN_PATH.indexOf(x.step));
  for (const n of open) {
    const step = stepOf(n.step, day, b, rng);
    if (step === undefined) continue;
    const r = tryAdvance(c, step);
    if (r.ok) return r.value;
  }
  return undefined;
}

/** The history of a person of the register, ending no later than `until` at their register status. */
function history(person: Person, target: 'applicant' | 'activist' | 'developmentTarget', until: Day, branch: OrgUnit, b: BranchPeople, rng: Random, id: RecordId): AdmissionCase | undefined {
  const span = target === 'applicant' ? 5 + rng.int(20) : target === 'activist' ? 200 + rng.int(500) : 480 + rng.int(300);
  let c: AdmissionCase = { id, person: person.id, birthDate: person.birthDate, branch: branch.id, temporaryBranch: branch.kind === 'temporaryBranch', steps: [] };
  let day = addDays(until, -span);
  const last = toEpochDay(until);
  while (toEpochDay(day) <= last) {
    const status = admissionStatus(c);
    const talked = c.steps.some((x) => x.step === 'applicationTalk');
    if (status === target && target === 'developmentTarget') break;
    if (status === target && target === 'applicant' && talked) break;
    // at their register status, an applicant still has the talk, an activist the assessments
    const atTarget = (k: AdmissionStepKind): boolean => (target === 'applicant' ? k === 'applicationTalk' : k === 'assessment');
    const next = stepOn(c, day, b, rng, (k) => (status === target ? atTarget(k) : k !== 'fastTrack'), true);
    if (next !== undefined) c = next;
    // the next step some weeks later (or months, between assessments)
    const gap = admissionStatus(c) === 'activist' ? 120 + rng.int(50) : 7 + rng.int(25);
    day = fromEpochDay(toEpochDay(day) + gap);
  }
  return admissionStatus(c) === target ? c : undefined;
}

/**
 * Simulated member development (发展党员) as ledger events: on the first morning, every applicant,
 * activist and development target of the register without a case yet gets one whose earlier steps are entered
 * with it (a history that keeps every admission rule and ends at their register status); then,
 * day by day, cases take their next step when the rules allow it — talks, activists chosen,
 * assessments, development targets, reviews, introducers, training, branch meetings — and some
 * activists on the front line are fast-tracked (2020). Every step is checked with the admission
 * rules before it is emitted. Deterministic for a seed.
 *
 * @param ledger - A ledger with the county's register and command structure.
 * @param options - {@link AdmissionSimulationOptions}: the first day, the days, the pace and the seed.
 * @returns The events, in time order; apply them with {@link replay}.
 * @throws {@link FrontlineError} `invalid_input` for invalid options or a ledger with no command structure.
 * @example
 * const register = replay(journal); // the county's people, no cases yet
 * const events = simulateAdmissions(register, { startDay: '2020-01-26', days: 13 });
 * events[0]?.type; // => 'admissionCaseOpened' (the cases are entered that morning)
 * @category Simulation
 */
export function simulateAdmissions(ledger: Ledger, options: AdmissionSimulationOptions): LedgerEvent[] {
  const parsed = AdmissionSimulationOptions.safeParse(options);
  if (!parsed.success) throw new FrontlineError('invalid_input', 'invalid options of simulateAdmissions', issuesFromZod(parsed.error, ['options']));
  const o = parsed.data;
  if (ledger.command === null) throw new FrontlineError('invalid_input', 'cannot simulate admissions', [{ path: ['ledger'], code: 'no_command', message: 'the ledger needs its command structure' }]);
  const rng = createRandom(o.seed ?? 2020);
  const hq = ledger.command.headquarters.commander;
  const tree = ledgerTree(ledger);
  const members = new Map<string, PersonId[]>();
  const cadre = new Map<string, PersonId>();
  const candidates: Person[] = [];
  tableForEach(ledger.people, (p) => {
    if (p.partyStatus === 'fullMember') {
      const list = members.get(p.unitId);
      if (list === undefined) members.set(p.unitId, [p.id]);
      else list.push(p.id);
    }
    if (p.cadreLevel !== undefined && !cadre.has(p.unitId)) cadre.set(p.unitId, p.id);
    if ((p.partyStatus === 'applicant' || p.partyStatus === 'activist' || p.partyStatus === 'developmentTarget') && p.admissionCase === undefined) candidates.push(p);
  });
  candidates.sort((a, b) => (a.id < b.id ? -1 : 1));
  const higherOf = (i: number): OrgUnit => {
    for (let p = tree.parentIndex[i] as number; p >= 0; p = tree.parentIndex[p] as number) {
      const u = tree.units[p] as OrgUnit;
      if (isTownshipLevel(u.kind) || u.kind === 'county') return u;
    }
    return tree.units[0] as OrgUnit;
  };
  const events: LedgerEvent[] = [];
  let seq = 0;
  // ids carry the first day, so that a later run on the same ledger does not repeat them
  const id = (): EventId => `adm-${o.startDay}-${(++seq).toString(36).padStart(5, '0')}` as EventId;
  const open: { c: AdmissionCase; b: BranchPeople; by: PersonId }[] = [];
  const entered = instantAt(o.startDay, '08:00');
  /** A branch's people, when it can develop members (a Party organization and 3 full members). */
  const branchOf = (unitId: string): { branch: OrgUnit; b: BranchPeople } | undefined => {
    const i = tree.indexOf.get(unitId);
    const branch = i === undefined ? undefined : tree.units[i];
    const branchMembers = members.get(unitId) ?? [];
    if (i === undefined || branch === undefined || branch.party === undefined || branchMembers.length < 3) return undefined;
    const higher = higherOf(i);
    return { branch, b: { members: branchMembers, secretary: cadre.get(branch.id) ?? (branchMembers[0] as PersonId), higher: higher.id, higherCadre: cadre.get(higher.id) ?? hq } };
  };
  // the cases already in the ledger go on
  const existing: AdmissionCase[] = [];
  tableForEach(ledger.admissions, (c) => {
    const status = admissionStatus(c);
    if (status !== 'fullMember' && status !== 'cancelled') existing.push(c);
  });
  existing.sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const c of existing) {
    const at = branchOf(c.branch);
    if (at !== undefined) open.push({ c, b: at.b, by: at.b.secretary });
  }
  for (const person of candidates) {
    const at = branchOf(person.unitId);
    if (at === undefined) continue;
    const { branch, b } = at;
    const caseId = `case-${person.id}` as RecordId;
    const c = history(person, person.partyStatus as 'applicant' | 'activist' | 'developmentTarget', addDays(o.startDay, -1), branch, b, rng, caseId);
    if (c === undefined) continue;
    events.push({ type: 'admissionCaseOpened', id: id(), at: entered, by: b.secretary, caseId, personId: person.id, branch: branch.id, steps: c.steps } as LedgerEvent);
    open.push({ c, b, by: b.secretary });
  }
  const pace = o.pace ?? 0.03;
  for (let d = 0; d < (o.days ?? 13); d++) {
    const day = addDays(o.startDay, d);
    for (const entry of open) {
      const status = admissionStatus(entry.c);
      // front-line activists may be fast-tracked in 2020
      const fast = status === 'activist' && rng.chance(0.01);
      // the talk with an applicant is due within a month: branches hold it promptly
      const talkDue = status === 'applicant' && !entry.c.steps.some((x) => x.step === 'applicationTalk');
      if (!fast && !rng.chance(talkDue ? 0.2 : pace)) continue;
      const next = stepOn(entry.c, day, entry.b, rng, (k) => (fast ? k === 'fastTrack' : k !== 'fastTrack'));
      if (next === undefined) continue;
      const step = next.steps[next.steps.length - 1];
      entry.c = next;
      events.push({ type: 'admissionStepRecorded', id: id(), at: instantAt(day, '16:00'), by: entry.by, caseId: next.id, step } as LedgerEvent);
    }
  }
  return events;
}
