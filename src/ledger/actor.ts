import { z } from 'zod';
import { OrgId, PersonId, SupervisionGroupId } from '../core/ids.js';

/**
 * The roles an actor can hold: a village or community worker records inside their unit, a township
 * worker inside the township's subtree, a supervision group inspects inside the units it covers
 * (and records no campaign work), the headquarters acts everywhere.
 *
 * @example
 * ActorRole.parse('townshipWorker'); // => 'townshipWorker'
 * @category Ledger
 */
export const ActorRole = z.enum(['villageWorker', 'townshipWorker', 'supervisor', 'headquarters']);
/**
 * An actor's role.
 *
 * @category Ledger
 */
export type ActorRole = z.infer<typeof ActorRole>;

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
