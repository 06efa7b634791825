import type { Day } from '../core/day.js';
import { parseOrThrow } from '../core/errors.js';
import type { RuleStrength } from '../core/rules.js';
import type { EpidemicFigure, Label } from '../core/vocabulary.js';
import { Period } from '../evaluation/derive.js';
import { requireLedger, type Ledger } from '../ledger/ledger.js';
import { tableForEach, tableGet } from '../store/table.js';

/**
 * A published source of an anchor: what it says, where, as of when, and where to read it.
 *
 * @example
 * const s: AnchorSource = EPIDEMIC_ANCHORS[2].sources[0];
 * s.figure; // => 'Sichuan by 2020-02-17: 25,347 of 25,493 close contacts traced (99%)'
 * @category Reports
 */
export interface AnchorSource {
  /** The figure as printed, with its place and date. */
  readonly figure: string;
  /** The publication. */
  readonly title: string;
  /** Where it can be read. */
  readonly url: string;
}

/**
 * A published figure that a simulated fortnight of the county is checked against: the figure, the
 * range a realistic fortnight falls in (both ends included; a count, or a share from 0 to 1), what
 * the range means in both languages, and the sources behind it.
 *
 * @example
 * const a: EpidemicAnchor = EPIDEMIC_ANCHORS[0];
 * [a.figure, a.min, a.max]; // => ['confirmedCases', 1, 9]
 * @category Reports
 */
export interface EpidemicAnchor {
  /** The figure anchored. */
  readonly figure: EpidemicFigure;
  /** A count of people, or a share (numerator over denominator). */
  readonly kind: 'count' | 'share';
  /** The lowest realistic value (a count, or a share from 0 to 1). */
  readonly min: number;
  /** The highest realistic value. */
  readonly max: number;
  /** The anchor in Chinese. */
  readonly zh: string;
  /** The anchor in English. */
  readonly en: string;
  /** The published figures in short, to print beside a simulated one. */
  readonly reference: Label;
  /** How well it is sourced: `H` several published figures agree, `M` one source or arithmetic on one. */
  readonly strength: RuleStrength;
  /** The published figures behind it. */
  readonly sources: readonly AnchorSource[];
}

const WHO_CHINA = {
  title: 'Report of the WHO-China Joint Mission on Coronavirus Disease 2019 (COVID-19), 16–24 February 2020, section “Contact tracing”',
  url: 'https://www.who.int/docs/default-source/coronaviruse/who-china-joint-mission-on-covid-19-final-report.pdf',
} as const;

/**
 * The published early-2020 figures a simulated fortnight of Yuechi County is checked against (see
 * {@link checkEpidemicAnchors}): Yuechi's confirmed cases, its share of Sichuan's close contacts,
 * the share of contacts traced and later confirmed, and the household secondary attack rate.
 * Copied from the figures as printed, with their sources: the WHO-China Joint Mission report
 * (Sichuan, Shenzhen, Guangdong, China), Bi et al. (Shenzhen), Li et al. (Wuhan), Mao et al.
 * (Sichuan's clusters) and Guang'an's county-by-county count.
 *
 * @example
 * EPIDEMIC_ANCHORS.map((a) => a.figure); // => ['confirmedCases', 'closeContacts', 'contactsTraced', 'contactsConfirmed', 'householdAttackRate']
 * EPIDEMIC_ANCHORS[4].en; // => 'Household secondary attack rate, when a case lives with others: 6–16%'
 * @category Reports
 */
export const EPIDEMIC_ANCHORS: readonly [EpidemicAnchor, EpidemicAnchor, EpidemicAnchor, EpidemicAnchor, EpidemicAnchor] = [
  {
    figure: 'confirmedCases',
    kind: 'count',
    min: 1,
    max: 9,
    zh: '两周内确诊病例为个位数（岳池县第一波共5例）',
    en: 'Confirmed cases in the fortnight: single digits (Yuechi had 5 in the whole first wave)',
    reference: { zh: '岳池县第一波5例', en: 'Yuechi 5 in the first wave' },
    strength: 'H',
    sources: [
      {
        figure: "Guang'an by 2020-03-07: 30 confirmed, of which 岳池县 5, 广安区 15, 武胜县 6, 华蓥市 2, 邻水县 2",
        title: '广安新闻网：【疫情要情】3月7日广安市无新增新型冠状病毒肺炎确诊病例',
        url: 'https://gatv.com.cn/Article/detail?infoid=39482&modelid=2',
      },
    ],
  },
  {
    figure: 'closeContacts',
    kind: 'count',
    min: 183,
    max: 730,
    zh: '密切接触者约365人（按人口比例折算四川省截至2月17日的25,493人；取其一半至两倍）',
    en: "Close contacts of the order of 365, Yuechi's share by population of Sichuan's 25,493 by 17 February (half to twice that)",
    reference: { zh: '≈365（四川25,493 × 1.43%）', en: '≈365 (Sichuan 25,493 × 1.43%)' },
    strength: 'M',
    sources: [
      { figure: 'Sichuan by 2020-02-17: 25,493 close contacts identified', ...WHO_CHINA },
      {
        figure: "Yuechi's 1.2 million of Sichuan's about 83.75 million people (1.43%): 365 (arithmetic, not a published figure)",
        title: 'arithmetic on the Joint Mission’s figure for Sichuan',
        url: WHO_CHINA.url,
      },
    ],
  },
  {
    figure: 'contactsTraced',
    kind: 'share',
    min: 0.99,
    max: 1,
    zh: '密切接触者追踪率不低于99%',
    en: 'At least 99% of close contacts traced',
    reference: { zh: '四川99%，深圳、广东100%', en: 'Sichuan 99%, Shenzhen and Guangdong 100%' },
    strength: 'H',
    sources: [
      { figure: 'Sichuan by 2020-02-17: 25,347 of 25,493 close contacts traced (99%)', ...WHO_CHINA },
      { figure: 'Shenzhen by 2020-02-17: 2,842 of 2,842 (100%); Guangdong by 2020-02-20: 9,939 of 9,939 (100%)', ...WHO_CHINA },
    ],
  },
  {
    figure: 'contactsConfirmed',
    kind: 'share',
    min: 0.005,
    max: 0.05,
    zh: '密切接触者中后确诊的比例为0.5%–5%',
    en: 'Close contacts later confirmed: 0.5–5%',
    reference: { zh: '四川0.9%，深圳2.8%，广东4.8%', en: 'Sichuan 0.9%, Shenzhen 2.8%, Guangdong 4.8%' },
    strength: 'H',
    sources: [
      { figure: 'Sichuan 0.9%, Shenzhen 88 of 2,842 (2.8%), Guangdong 479 of 9,939 (4.8%); China 1%–5% depending on location', ...WHO_CHINA },
    ],
  },
  {
    figure: 'householdAttackRate',
    kind: 'share',
    min: 0.06,
    max: 0.16,
    zh: '病例与他人同住时的家庭二代发病率为6%–16%',
    en: 'Household secondary attack rate, when a case lives with others: 6–16%',
    reference: { zh: '深圳11.2%，武汉15.6%，四川聚集性疫情6.1%', en: 'Shenzhen 11.2%, Wuhan 15.6%, Sichuan clusters 6.1%' },
    strength: 'H',
    sources: [
      {
        figure: 'Shenzhen, 2020-01-14 to 2020-02-12: 11.2% (95% CI 9.1–13.8) among household contacts of 391 cases',
        title: 'Bi Q et al., Epidemiology and transmission of COVID-19 in 391 cases and 1286 of their close contacts in Shenzhen, China. Lancet Infect Dis 2020',
        url: 'https://doi.org/10.1016/S1473-3099(20)30287-5',
      },
      {
        figure: 'Wuhan, 2019-12-02 to 2020-04-18: 15.6% (95% CI 15.2–16.0) among 57,581 household contacts of 29,578 primary cases',
        title: 'Li F et al., Household transmission of SARS-CoV-2 and risk factors for susceptibility and infectivity in Wuhan. Lancet Infect Dis 2021;21:617–28',
        url: 'https://doi.org/10.1016/S1473-3099(20)30981-6',
      },
      {
        figure: 'Sichuan by 2020-03-17: 67 local clusters (68.66% in families), secondary attack rate 6.11%',
        title: 'Mao S et al., Epidemiological analysis of 67 local COVID-19 clusters in Sichuan Province, China. BMC Public Health 2020;20:1525',
        url: 'https://doi.org/10.1186/s12889-020-09606-4',
      },
    ],
  },
];

/**
 * One figure of a fortnight beside its anchor: the value (a count, or a share), the numerator and
 * denominator of a share, and whether it falls in the anchor's range.
 *
 * @example
 * const r: AnchorResult = checkEpidemicAnchors(ledger, period).results[0];
 * r.figure; // => 'confirmedCases'
 * @category Reports
 */
export interface AnchorResult {
  /** The figure. */
  readonly figure: EpidemicFigure;
  /** The anchor it is checked against. */
  readonly anchor: EpidemicAnchor;
  /** The value: a count, or a share from 0 to 1 (`NaN` when the denominator is 0). */
  readonly value: number;
  /** The people counted (for a count, the count itself). */
  readonly numerator: number;
  /** What a share is taken of: close contacts, or household members living with a case; `null` for a count. */
  readonly denominator: number | null;
  /** True when the value lies in the anchor's range (a share with no denominator does not). */
  readonly met: boolean;
}

/**
 * The reality check of a period: each figure beside its anchor, and whether all are met.
 *
 * @example
 * const check: EpidemicCheck = checkEpidemicAnchors(ledger, period);
 * check.results.length; // => 5
 * @category Reports
 */
export interface EpidemicCheck {
  /** The period checked. */
  readonly period: Period;
  /** One result per anchor, in the order of {@link EPIDEMIC_ANCHORS}. */
  readonly results: readonly AnchorResult[];
  /** True when every figure meets its anchor. */
  readonly met: boolean;
}

/**
 * Checks a period of the ledger (a simulated fortnight, or a real one) against the published
 * figures of {@link EPIDEMIC_ANCHORS}:
 * - **confirmed cases**: the people registered as confirmed in the period (a household registered
 *   as confirmed without naming a member counts once, as in {@link communityStates});
 * - **close contacts**: the people whose observation as a close contact was recorded in the period;
 * - **traced**: those of them seen at least once (a temperature check recorded by the period's end);
 * - **later confirmed**: those of them confirmed in the period, on or after the day their
 *   observation was recorded;
 * - **household secondary attack rate**: in the households where a member was confirmed in the
 *   period and who live with others, the members confirmed after the household's first case, over
 *   the members who were not among its first cases.
 *
 * The anchors are for Yuechi's whole 1.2 million people: a county drawn at a smaller scale has
 * proportionally fewer cases and contacts, and fails the counts.
 *
 * @param ledger - The ledger.
 * @param period - The days to check (both ends included), such as the simulated fortnight.
 * @returns Each figure beside its anchor.
 * @throws {@link FrontlineError} `invalid_input` for an invalid period.
 * @example
 * const check = checkEpidemicAnchors(ledger, { from: '2020-01-25', to: '2020-02-07' });
 * check.results.map((r) => r.figure); // => ['confirmedCases', 'closeContacts', 'contactsTraced', 'contactsConfirmed', 'householdAttackRate']
 * check.results[2].denominator === check.results[1].value; // => true (traced, of the close contacts)
 * @category Reports
 */
export function checkEpidemicAnchors(ledger: Ledger, period: Period): EpidemicCheck {
  requireLedger(ledger);
  const p = parseOrThrow(Period, period, 'invalid_input', 'period');
  const within = (d: Day): boolean => d >= p.from && d <= p.to;
  // cases: the first day each person was registered as confirmed, and the households so registered
  const confirmedOn = new Map<string, Day>();
  const byHousehold = new Map<string, Map<string, Day>>();
  let unnamed = 0;
  tableForEach(ledger.classifications, (h) => {
    let namedHere = false;
    let unnamedHere = false;
    for (const e of h.entries) {
      if (e.category !== 'confirmed' || !within(e.day)) continue;
      if (e.personId === undefined) {
        unnamedHere = true;
        continue;
      }
      namedHere = true;
      const prev = confirmedOn.get(e.personId);
      if (prev === undefined || e.day < prev) confirmedOn.set(e.personId, e.day);
      let cases = byHousehold.get(h.householdId);
      if (cases === undefined) byHousehold.set(h.householdId, (cases = new Map()));
      const before = cases.get(e.personId);
      if (before === undefined || e.day < before) cases.set(e.personId, e.day);
    }
    if (unnamedHere && !namedHere) unnamed++;
  });
  // close contacts: the first observation as a contact recorded in the period, and whether seen
  const contactSince = new Map<string, Day>();
  const seen = new Set<string>();
  tableForEach(ledger.observations, (o) => {
    if (o.category !== 'closeContact' || !within(o.startedOn)) return;
    const prev = contactSince.get(o.personId);
    if (prev === undefined || o.startedOn < prev) contactSince.set(o.personId, o.startedOn);
    if (o.readings.some((r) => r.day <= p.to)) seen.add(o.personId);
  });
  let laterConfirmed = 0;
  for (const [person, since] of contactSince) {
    const c = confirmedOn.get(person);
    if (c !== undefined && c >= since) laterConfirmed++;
  }
  // household secondary attack rate
  let householdContacts = 0;
  let secondary = 0;
  for (const [householdId, cases] of byHousehold) {
    const members = tableGet(ledger.households, householdId)?.members.length ?? 0;
    if (members < 2) continue;
    const first = [...cases.values()].reduce((a, b) => (b < a ? b : a));
    const primaries = [...cases.values()].filter((d) => d === first).length;
    if (members <= primaries) continue;
    householdContacts += members - primaries;
    secondary += cases.size - primaries;
  }
  const [casesAnchor, contactsAnchor, tracedAnchor, confirmedAnchor, householdAnchor] = EPIDEMIC_ANCHORS;
  const count = (anchor: EpidemicAnchor, n: number): AnchorResult => ({ figure: anchor.figure, anchor, value: n, numerator: n, denominator: null, met: n >= anchor.min && n <= anchor.max });
  const share = (anchor: EpidemicAnchor, num: number, den: number): AnchorResult => {
    const value = den === 0 ? Number.NaN : num / den;
    return { figure: anchor.figure, anchor, value, numerator: num, denominator: den, met: den > 0 && value >= anchor.min && value <= anchor.max };
  };
  const results = [
    count(casesAnchor, confirmedOn.size + unnamed),
    count(contactsAnchor, contactSince.size),
    share(tracedAnchor, seen.size, contactSince.size),
    share(confirmedAnchor, laterConfirmed, contactSince.size),
    share(householdAnchor, secondary, householdContacts),
  ];
  return { period: p, results, met: results.every((r) => r.met) };
}
