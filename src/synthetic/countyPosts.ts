import type { OrgId } from '../core/ids.js';
import type { OrgUnit } from '../org/unit.js';
import type { Post, PostId, Shift, ShiftId } from '../roster/model.js';
import { isTownshipLevel } from '../org/unit.js';

const CHECKPOINT_SHIFTS: readonly Shift[] = [
  { id: 'morning' as ShiftId, name: '早班', start: '08:00', end: '16:00' },
  { id: 'evening' as ShiftId, name: '中班', start: '16:00', end: '00:00' },
  { id: 'night' as ShiftId, name: '夜班', start: '00:00', end: '08:00' },
];
const DUTY_ROOM_SHIFTS: readonly Shift[] = [
  { id: 'day' as ShiftId, name: '白班', start: '08:00', end: '20:00' },
  { id: 'night' as ShiftId, name: '夜班', start: '20:00', end: '08:00' },
];

/**
 * The staffed posts of a county in the first weeks of 2020: a temporary checkpoint at the entrance
 * of every village and community (three 8-hour shifts, a village cadre leading, two staff), a duty
 * room at every township and subdistrict (two 12-hour shifts, a section-level cadre who is a Party
 * member leading, one staff), and the county headquarters' hotline (two 12-hour shifts, led by a
 * section-level Party member, two staff). Each post's pool is its township (the county for the
 * hotline).
 *
 * @param units - The county's units.
 * @returns The posts: a checkpoint for each village and community, a duty room for each township and subdistrict, and the county's hotline.
 * @example
 * const posts = countyPosts(county.units);
 * posts.filter((p) => p.kind === 'dutyRoom').length; // => 27
 * @category Synthetic
 */
export function countyPosts(units: readonly OrgUnit[]): Post[] {
  const byId = new Map(units.map((u) => [u.id as string, u]));
  const township = (u: OrgUnit): OrgUnit | undefined => {
    for (let x: OrgUnit | undefined = u; x !== undefined; x = x.parentId === null ? undefined : byId.get(x.parentId)) {
      if (isTownshipLevel(x.kind)) return x;
    }
    return undefined;
  };
  const posts: Post[] = [];
  for (const u of units) {
    if (u.kind === 'county') {
      posts.push({
        id: `hotline.${u.id}` as PostId,
        name: `${u.name}疫情防控热线`,
        kind: 'hotline',
        unitId: u.id,
        poolId: u.id,
        shifts: DUTY_ROOM_SHIFTS.map((s) => ({ ...s })),
        leader: { cadreLevel: 'section', partyMember: true },
        staff: 2,
      });
    } else if (isTownshipLevel(u.kind)) {
      posts.push({
        id: `duty.${u.id}` as PostId,
        name: `${u.name}值班室`,
        kind: 'dutyRoom',
        unitId: u.id,
        poolId: u.id,
        shifts: DUTY_ROOM_SHIFTS.map((s) => ({ ...s })),
        leader: { cadreLevel: 'section', partyMember: true },
        staff: 1,
      });
    } else if (u.kind === 'village' || u.kind === 'community') {
      const t = township(u);
      if (t === undefined) continue;
      posts.push({
        id: `cp.${u.id}` as PostId,
        name: `${u.name}临时检查点`,
        kind: 'checkpoint',
        unitId: u.id,
        poolId: t.id as OrgId,
        shifts: CHECKPOINT_SHIFTS.map((s) => ({ ...s })),
        leader: { cadreLevel: 'village' },
        staff: 2,
      });
    }
  }
  return posts;
}
