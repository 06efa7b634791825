import { z } from 'zod';
import { addDays, Day } from '../core/day.js';
import { parseOrThrow } from '../core/errors.js';
import type { OrgId, PersonId } from '../core/ids.js';
import { createRandom } from '../core/random.js';
import type { AbsenceReason } from '../core/vocabulary.js';
import type { Absence, Post, PostId, RosterPerson, RosterProblem, Shift, ShiftId } from '../roster/model.js';
import { GIVEN, SURNAMES } from './names.js';
import { withProblemSummary } from '../roster/summary.js';

/**
 * The benchmark instances of duty rostering: `S` (50 posts × 3 shifts × 14 days, 1 leader + 2
 * staff: 6,300 seats, 600 people of whom 150 cadres), `M` (300 posts × 3 × 28: 75,600 seats,
 * 5,000 people, 1,200 cadres) and `L` (900 posts × 3 × 28: 226,800 seats, 12,000 people, 3,500
 * cadres).
 *
 * @example
 * ROSTER_SIZES.M.posts; // => 300
 * @category Synthetic
 */
export const ROSTER_SIZES = {
  S: { posts: 50, days: 14, people: 600, cadres: 150, pools: 5 },
  M: { posts: 300, days: 28, people: 5000, cadres: 1200, pools: 20 },
  L: { posts: 900, days: 28, people: 12000, cadres: 3500, pools: 27 },
} as const;

/**
 * Options of {@link generateRosterProblem}.
 *
 * @example
 * GenerateRosterOptions.parse({ size: 'M', seed: 3 });
 * @category Synthetic
 */
export const GenerateRosterOptions = z
  .object({
    /** The instance size (default `S`). */
    size: z.enum(['S', 'M', 'L']).optional(),
    /** The seed (default 2020). */
    seed: z.number().optional(),
    /** The first day (default 2020-02-01). */
    startDay: Day.optional(),
    /** Share of people with an absence (leave, sickness, observation); default 0.08. */
    absenceShare: z.number().min(0).max(1).optional(),
    /** Share of people with a desired or undesired day; default 0.1. */
    preferenceShare: z.number().min(0).max(1).optional(),
  })
  .strict();
/**
 * Options of {@link generateRosterProblem}.
 *
 * @interface
 * @category Synthetic
 */
export type GenerateRosterOptions = z.infer<typeof GenerateRosterOptions>;

const CHECKPOINT_SHIFTS: readonly Shift[] = [
  { id: 'morning' as ShiftId, name: '早班', start: '08:00', end: '16:00' },
  { id: 'evening' as ShiftId, name: '中班', start: '16:00', end: '00:00' },
  { id: 'night' as ShiftId, name: '夜班', start: '00:00', end: '08:00' },
];

/**
 * Generates a roster problem of a benchmark size, deterministically for a seed: townships as pools,
 * villages with their checkpoints (a tenth of the posts are duty rooms led by section-level cadres
 * who are Party members), people spread over the villages, some of them absent for a few days
 * (leave, sickness, medical observation), some with desired or undesired days. Every post has three
 * 8-hour shifts and one leader plus two staff per shift.
 *
 * @param options - {@link GenerateRosterOptions}: the size, the seed, the first day and the shares of absences and preferences.
 * @returns The roster problem.
 * @throws {@link FrontlineError} `invalid_input` for invalid options.
 * @example
 * const problem = generateRosterProblem({ size: 'S', seed: 1 });
 * problem.posts.length; // => 50
 * @category Synthetic
 */
export function generateRosterProblem(options: GenerateRosterOptions = {}): RosterProblem {
  const o = parseOrThrow(GenerateRosterOptions, options, 'invalid_input', 'roster generation options');
  const size = ROSTER_SIZES[o.size ?? 'S'];
  const rng = createRandom(o.seed ?? 2020);
  const startDay = o.startDay ?? ('2020-02-01' as Day);
  const absenceShare = o.absenceShare ?? 0.08;
  const preferenceShare = o.preferenceShare ?? 0.1;
  const pools = Array.from({ length: size.pools }, (_, i) => ({ id: `t${String(i + 1).padStart(2, '0')}` as OrgId, name: `第${i + 1}乡镇` }));

  // villages: each post stands in one; a pool has as many villages as posts, plus a few without
  const posts: Post[] = [];
  const villagesOf: OrgId[][] = pools.map(() => []);
  for (let i = 0; i < size.posts; i++) {
    const pool = pools[i % size.pools] as (typeof pools)[number];
    const list = villagesOf[i % size.pools] as OrgId[];
    const village = `${pool.id}.v${String(list.length + 1).padStart(3, '0')}` as OrgId;
    list.push(village);
    const dutyRoom = Math.floor(i / size.pools) % 10 === 9;
    posts.push({
      id: `post${String(i + 1).padStart(4, '0')}` as PostId,
      name: dutyRoom ? `${pool.name}${list.length}号值班室` : `${pool.name}${list.length}号卡点`,
      kind: dutyRoom ? 'dutyRoom' : 'checkpoint',
      unitId: village,
      poolId: pool.id,
      shifts: CHECKPOINT_SHIFTS.map((s) => ({ ...s })),
      leader: dutyRoom ? { cadreLevel: 'section', partyMember: true } : { cadreLevel: 'village' },
      staff: 2,
    });
  }
  villagesOf.forEach((list, i) => {
    const extra = Math.max(1, Math.round(list.length / 5));
    for (let k = 0; k < extra; k++) list.push(`${(pools[i] as (typeof pools)[number]).id}.v${String(list.length + 1).padStart(3, '0')}` as OrgId);
  });

  // cadres in proportion to the leader seats they are needed for: a fifth of them section level
  const people: RosterPerson[] = [];
  const sectionShare = 0.25;
  for (let i = 0; i < size.people; i++) {
    const poolIndex = i % size.pools;
    const pool = pools[poolIndex] as (typeof pools)[number];
    const villages = villagesOf[poolIndex] as OrgId[];
    const cadre = i < size.cadres;
    const name = `${SURNAMES.charAt(rng.int(SURNAMES.length))}${GIVEN.charAt(rng.int(GIVEN.length))}${rng.chance(0.6) ? GIVEN.charAt(rng.int(GIVEN.length)) : ''}`;
    const person: {
      id: PersonId;
      name: string;
      unitId: OrgId;
      poolId: OrgId;
      partyMember: boolean;
      cadreLevel?: 'village' | 'section';
      absences?: Absence[];
      desiredDays?: Day[];
      undesiredDays?: Day[];
    } = {
      id: `p${String(i + 1).padStart(6, '0')}` as PersonId,
      name,
      unitId: villages[rng.int(villages.length)] as OrgId,
      poolId: pool.id,
      partyMember: cadre || rng.chance(0.3),
    };
    if (cadre) person.cadreLevel = rng.chance(sectionShare) ? 'section' : 'village';
    if (rng.chance(absenceShare)) {
      const r = rng.next();
      const reason: AbsenceReason = r < 0.5 ? 'leave' : r < 0.85 ? 'sickness' : 'observation';
      const length = reason === 'observation' ? 14 : 1 + rng.int(5);
      const from = addDays(startDay, rng.int(size.days));
      person.absences = [{ from, to: addDays(from, length - 1), reason }];
    }
    if (rng.chance(preferenceShare)) {
      const day = addDays(startDay, rng.int(size.days));
      if (rng.chance(0.7)) person.undesiredDays = [day];
      else person.desiredDays = [day];
    }
    people.push(person as RosterPerson);
  }
  return withProblemSummary({ startDay, days: size.days, pools, posts, people });
}
