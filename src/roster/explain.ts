import type { Label } from '../core/vocabulary.js';
import { LABELS } from '../core/vocabulary.js';
import { localize } from '../core/localize.js';
import type { Compiled } from './compile.js';

/** @internal A seat in words: post, day, shift and slot. */
export function seatWords(c: Compiled, s: number): Label {
  const post = c.posts[c.seatPost[s] as number];
  const shift = post?.shifts[c.seatShift[s] as number];
  const day = c.days[c.seatDay[s] as number] ?? '';
  const slot = c.seatSlot[s] as number;
  const shiftName = shift?.name ?? shift?.id ?? '';
  const time = shift === undefined ? '' : `${shift.start}–${shift.end}`;
  return {
    zh: `${post?.name ?? ''} ${day} ${shiftName}(${time}) ${slot === 0 ? '带班领导' : `值守${slot}`}`,
    en: `${localize(post?.name ?? '', 'en')} ${day} ${localize(shiftName, 'en')} (${time}) ${slot === 0 ? 'leader' : `staff ${slot}`}`,
  };
}

/** @internal A person in words: name and cadre level. */
export function personWords(c: Compiled, p: number): Label {
  const person = c.problem.people[p];
  const level = person?.cadreLevel;
  return {
    zh: `${person?.name ?? '?'}(${level === undefined ? '非干部' : LABELS.cadreLevel[level].zh})`,
    en: `${person?.name ?? '?'} (${level === undefined ? 'not a cadre' : LABELS.cadreLevel[level].en})`,
  };
}

/** @internal What a leader seat requires, in words. */
export function requirementWords(c: Compiled, post: number): Label {
  const req = c.posts[post]?.leader;
  if (req === undefined) return { zh: '', en: '' };
  const level = LABELS.cadreLevel[req.cadreLevel];
  return {
    zh: `${level.zh}及以上干部${req.partyMember === true ? '且为党员' : ''}`,
    en: `a cadre of ${level.en} or above${req.partyMember === true ? ' who is a Party member' : ''}`,
  };
}

/** @internal Hours with at most one decimal. */
export function hours(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}
