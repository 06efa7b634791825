import { z } from 'zod';

/**
 * The editions of the observation rule: how many days an observation lasts, from which document.
 * Each observation keeps the edition in force when it started.
 *
 * @example
 * OBSERVATION_EDITIONS['nhc-2020-5'].days; // => 14
 * @category Home prevention
 */
export const OBSERVATION_EDITIONS: Readonly<Record<string, { readonly days: number; readonly source: string; readonly since: string }>> = {
  'nhc-2020-5': {
    days: 14,
    source: '肺炎机制发〔2020〕5号: 14 days of medical observation from arrival or last unprotected contact',
    since: '2020-01-28',
  },
};

/**
 * Local practice kept as configuration in the ledger, changed only by a `settingsChanged` event.
 *
 * @example
 * LedgerSettings.parse(DEFAULT_SETTINGS);
 * @category Ledger
 */
export const LedgerSettings = z
  .object({
    /** The observation rule edition for new observations (a key of {@link OBSERVATION_EDITIONS}). */
    observationEdition: z.string().refine((e) => Object.hasOwn(OBSERVATION_EDITIONS, e), 'unknown observation rule edition'),
    /** Missed temperature checks in a row after which an observed person is lost to follow-up. */
    lostAfterMisses: z.number().int().min(1).max(28),
    /** The fever line in °C: a reading at or above it escalates to report-and-transfer. */
    feverCelsius: z.number().min(36.5).max(39),
    /** Days after which a screened household is due a revisit (dynamic updating). */
    revisitAfterDays: z.number().int().min(1).max(60),
    /** The time of day (HH:mm, China Standard Time) by which a unit's daily report is due. */
    reportDeadline: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a clock time is HH:mm, from 00:00 to 23:59' }),
  })
  .strict();
/**
 * Ledger settings.
 *
 * @interface
 * @category Ledger
 */
export type LedgerSettings = z.infer<typeof LedgerSettings>;

/**
 * The settings of a new ledger: the 2020 observation rule (14 days), lost after 4 missed checks
 * (two days), fever from 37.3 °C, revisit a screened household after 7 days, daily reports due by
 * 20:00.
 *
 * @example
 * DEFAULT_SETTINGS.feverCelsius; // => 37.3
 * @category Ledger
 */
export const DEFAULT_SETTINGS: LedgerSettings = Object.freeze({
  observationEdition: 'nhc-2020-5',
  lostAfterMisses: 4,
  feverCelsius: 37.3,
  revisitAfterDays: 7,
  reportDeadline: '20:00',
});
