import type { Day } from '../core/day.js';
import type { Issue } from '../core/errors.js';
import type { OrgId } from '../core/ids.js';
import type { OrgTree } from '../org/tree.js';
import type { Writable } from './table.js';

/** @internal What a recipe and its checks may know besides the state. */
export interface EffectContext {
  /** The organization tree of the state being built. */
  tree: OrgTree;
  /** The day (China Standard Time) of the event being handled. */
  day: Day;
  /** Each campaign's covered units as a mask over the tree's preorder (covers never change). */
  coverage: Map<string, Uint8Array>;
  /** What the event's check looked up, for its recipe (reset for every event). */
  found: unknown;
}

/** @internal Who an event acts for: the unit it touches and the kind of action, for authorization. */
export interface EventScope {
  /** The units the event acts in: an actor may record it when all lie in their scope; empty for county-wide acts. */
  readonly units: readonly OrgId[];
  /**
   * `record`: operational work; `register`: the household register; `command`: headquarters only;
   * `inspect`: supervision, by the supervision group `group` (or the headquarters).
   */
  readonly action: 'record' | 'register' | 'command' | 'inspect';
  /** For `inspect`: the supervision group acting. */
  readonly group?: string;
}

/**
 * @internal One event type's effect: its reference checks, its scope, and its recipe, over the part
 * `S` of the state it reads. The recipe is written once and runs on an immer draft (`apply`) or on
 * plain objects (`replay`); it sees the top-level fields writable and changes tables through the
 * table functions.
 */
export interface Effect<S, E> {
  /** Problems with the event's references against the current state; paths relative to the event. */
  readonly check: (state: S, event: E, ctx: EffectContext) => Issue[];
  /** The unit and kind of action, read from the state before the event. */
  readonly scope: (state: S, event: E, ctx: EffectContext) => EventScope;
  /** The recipe: changes the state in place. Runs only after `check` found nothing. */
  readonly recipe: (state: Writable<S>, event: E, ctx: EffectContext) => void;
}

/** @internal A problem at a path inside the event. */
export function problem(code: string, message: string, ...path: PropertyKey[]): Issue {
  return { path, code, message };
}

/** @internal The units of an optional unit id. */
export function unitsOf(...ids: (OrgId | undefined)[]): OrgId[] {
  return ids.filter((u): u is OrgId => u !== undefined);
}
