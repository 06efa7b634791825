import { z } from 'zod';
import { ActorRole } from '../core/vocabulary.js';
import { OrgId, PersonId, SupervisionGroupId } from '../core/ids.js';

export { ActorRole } from '../core/vocabulary.js';

/**
 * Who records events through `applyAs`: a person, their role and the unit that bounds their scope
 * (for a supervisor, their supervision group).
 *
 * @example
 * Actor.parse({ personId: 'p0000123', role: 'villageWorker', unitId: 'yc.t03.v201' });
 * @category Ledger
 */
export const Actor = z
  .object({
    /** The person acting; every event they record must carry this id in `by`. */
    personId: PersonId,
    /** Their role. */
    role: ActorRole,
    /** The unit bounding their scope (the county for the headquarters). */
    unitId: OrgId,
    /** For a supervisor: the supervision group they belong to. */
    supervisionGroupId: SupervisionGroupId.optional(),
  })
  .strict();
/**
 * An actor.
 *
 * @interface
 * @category Ledger
 */
export type Actor = z.infer<typeof Actor>;
