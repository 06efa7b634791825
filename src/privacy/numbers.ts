import { isRealDate } from '../core/day.js';
import { residentIdCheckChar } from '../people/checkChar.js';

/** @internal What a found number is. */
export type NumberKind = 'residentId' | 'phone';

/** @internal How {@link scrubNumbers} writes what it finds: the text that replaces each number. */
export interface NumberMasks {
  /** The text in place of a resident id (18 characters, or a legacy 15-digit number), given in digits and capital X. */
  readonly residentId: (id: string) => string;
  /** The text in place of a mobile number, given as its 11 digits. */
  readonly phone: (phone: string) => string;
}

/** One number found in a text: where it is, its kind and its normalized digits. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly kind: NumberKind;
  readonly digits: string;
}

// separators people type inside a number: space, hyphen, no-break space, ideographic space, full-width hyphen
const SEP = '[ \\-\\u00a0\\u3000\\uff0d]';
/** An 18-character id written 6-8-4 with separators: `511621 19610128 3453`. */
const SPACED_ID = new RegExp(`\\d{6}${SEP}\\d{8}${SEP}\\d{3}[\\dX]`, 'y');
/** A mobile number written 3-4-4 with separators: `138 1234 1234`, `138-1234-1234`. */
const SPACED_PHONE = new RegExp(`1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}`, 'y');

/** Every match of a sticky pattern, at every place it matches, overlapping ones included. */
function everyMatch(pattern: RegExp, text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (m !== null) out.push({ index: i, text: m[0] });
  }
  return out;
}

/**
 * The text as the search reads it: full-width digits and X as ASCII, a lowercase x as X. Every
 * character maps to one UTF-16 unit, so indexes stay those of the text.
 */
function normalized(text: string): string {
  return text.replace(/[\uff10-\uff19\uff38\uff58x]/g, (c) => {
    if (c === 'x' || c === '\uff38' || c === '\uff58') return 'X';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** True for 18 characters of 17 digits and a valid GB 11643 check character. */
function isId18(s: string): boolean {
  return /^\d{17}[\dX]$/.test(s) && residentIdCheckChar(s.slice(0, 17)) === s[17];
}

/** True for 15 digits whose birth part (YYMMDD of the 1900s) is a real date: a legacy id. */
function isId15(s: string): boolean {
  return /^\d{15}$/.test(s) && isRealDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/**
 * @internal Every resident id and mainland mobile number in a free text: 18-character ids with a
 * valid check character, legacy 15-digit ids with a real birth date, and mobile numbers (1, then
 * 3–9, then 9 digits), anywhere in a run of digits, also in full-width digits, ids written 6-8-4 and
 * phones written 3-4-4 with spaces or hyphens (a `+86` before a phone stays, the number is found).
 * A phone inside an id is part of the id.
 */
export function findNumbers(text: string): Found[] {
  const norm = normalized(text);
  const ids: Found[] = [];
  const phones: Found[] = [];
  for (const m of norm.matchAll(/[\dX]{11,}/g)) {
    const run = m[0];
    const at = m.index;
    // where in the run an 18-character id starts: a 15-digit window inside one (starting up to 3
    // before it) is part of it; looked up by place, so that a long run of digits stays linear
    const id18At = new Uint8Array(run.length);
    for (let i = 0; i + 18 <= run.length; i++) {
      const w = run.slice(i, i + 18);
      if (isId18(w)) {
        ids.push({ start: at + i, end: at + i + 18, kind: 'residentId', digits: w });
        id18At[i] = 1;
      }
    }
    for (let i = 0; i + 15 <= run.length; i++) {
      const w = run.slice(i, i + 15);
      const inId18 = id18At[i] === 1 || id18At[i - 1] === 1 || id18At[i - 2] === 1 || id18At[i - 3] === 1;
      if (!inId18 && isId15(w)) ids.push({ start: at + i, end: at + i + 15, kind: 'residentId', digits: w });
    }
    for (let i = 0; i + 11 <= run.length; i++) {
      const w = run.slice(i, i + 11);
      if (/^1[3-9]\d{9}$/.test(w)) phones.push({ start: at + i, end: at + i + 11, kind: 'phone', digits: w });
    }
  }
  if (/\d[ \-\u00a0\u3000\uff0d]\d/.test(norm)) {
    for (const m of everyMatch(SPACED_ID, norm)) {
      const digits = m.text.replace(/\D(?!$)/g, '');
      if (isId18(digits)) ids.push({ start: m.index, end: m.index + m.text.length, kind: 'residentId', digits });
    }
    for (const m of everyMatch(SPACED_PHONE, norm)) phones.push({ start: m.index, end: m.index + m.text.length, kind: 'phone', digits: m.text.replace(/\D/g, '') });
  }
  // the digits of an id often hold a phone-shaped run (…19610128345…): it is the id's
  return [...ids, ...phones.filter(outside(ids))].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A test of whether a number lies inside none of `ids`. An id holds a number when it starts at or
 * before it and ends at or after it, so the latest end among the ids starting at or before the
 * number tells: the ids are sorted once and each test is a binary search, so that a text full of
 * digits (tens of thousands of ids and phones) does not take quadratic time.
 */
function outside(ids: readonly Found[]): (f: Found) => boolean {
  const sorted = [...ids].sort((a, b) => a.start - b.start);
  const starts = sorted.map((f) => f.start);
  const latestEnd: number[] = [];
  let end = -1;
  for (const f of sorted) latestEnd.push((end = Math.max(end, f.end)));
  return (f) => {
    // the ids starting at or before f: the first `lo` of them
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= f.start) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || (latestEnd[lo - 1] as number) < f.end;
  };
}

/**
 * @internal A free text with every resident id and mobile number that {@link findNumbers} finds
 * replaced by its masked form. Numbers that overlap one another (an id running into a phone) are
 * replaced together by mask characters; the text is returned as it was when nothing is found.
 */
export function scrubNumbers(text: string, masks: NumberMasks, maskChar = '*'): string {
  if (!/[\d\uff10-\uff19]{4}/.test(text)) return text;
  const found = findNumbers(text);
  if (found.length === 0) return text;
  let out = '';
  let i = 0;
  let k = 0;
  while (k < found.length) {
    const first = found[k] as Found;
    let end = first.end;
    let n = k + 1;
    for (; n < found.length && (found[n] as Found).start < end; n++) end = Math.max(end, (found[n] as Found).end);
    out += text.slice(i, first.start);
    out += n === k + 1 ? (first.kind === 'residentId' ? masks.residentId(first.digits) : masks.phone(first.digits)) : maskChar.repeat(end - first.start);
    i = end;
    k = n;
  }
  return out + text.slice(i);
}
