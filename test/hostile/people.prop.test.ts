// Hostile input for what judges people: the admission pipeline (openAdmissionCase, advance,
// tryAdvance, nextSteps) and the evaluations (evaluateCadres, evaluateTeams, appraiseMembers).
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import {
  advance,
  appraiseMembers,
  evaluateCadres,
  evaluateTeams,
  nextSteps,
  openAdmissionCase,
  tryAdvance,
  type AdmissionCase,
  type AdmissionCaseInput,
  type AdmissionStepInput,
  type PerformanceRecord,
} from '../../src/index.js';
import { BASE, PIPELINE, run } from '../admission/admissionFixtures.js';
import { PERIOD, cadres, rec, top } from '../evaluation/evaluationFixtures.js';
import { argsAround, around, badDay, countInput, hostileCall, hostileTry, inputCount, runs } from './hostile.js';

const opened = openAdmissionCase(BASE);
/** The case half way: an activist with one assessment. */
const activist = run(opened, PIPELINE.slice(0, 4));
const next = PIPELINE[4] as AdmissionStepInput;

describe('the admission pipeline, given anything', () => {
  test.prop([around(BASE, badDay)], { numRuns: runs(300) })('openAdmissionCase opens a case or throws a FrontlineError', (input) => {
    countInput();
    hostileCall([input], () => openAdmissionCase(input as AdmissionCaseInput));
  });
  const args = argsAround([activist, next], [fc.oneof(around(activist, badDay), fc.constant(opened)), fc.oneof(around(next, badDay), fc.constantFrom(...PIPELINE))]);
  test.prop([args], { numRuns: runs(500) })('advance records the step or throws a FrontlineError; the case is unchanged', (a) => {
    countInput();
    const out = hostileCall(a, () => advance(a[0] as AdmissionCase, a[1] as AdmissionStepInput));
    if (out.ok) expect(out.value.steps.length).toBe((a[0] as AdmissionCase).steps.length + 1);
  });
  test.prop([args], { numRuns: runs(400) })('tryAdvance never throws', (a) => {
    countInput();
    hostileTry(a, () => tryAdvance(a[0] as AdmissionCase, a[1] as AdmissionStepInput));
  });
  test.prop([argsAround([activist, '2020-09-01'], [around(activist, badDay), fc.oneof(badDay, around('2020-09-01'))])], { numRuns: runs(300) })('nextSteps lists steps or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => nextSteps(a[0] as AdmissionCase, a[1] as string));
  });
});

describe('the evaluations, given anything', () => {
  const records: PerformanceRecord[] = [...top('c00'), rec('c01'), rec('c02', { points: -2, kind: 'shiftMissed', dimension: 'diligence' }), rec('yc.t01', { unit: true })];
  const options = { period: PERIOD, quota: { edition: '2007', withApproval: false }, vetoes: ['shiftMissed'] };
  test.prop([argsAround([records, cadres(3), options], [around(records, badDay), around(cadres(3)), around(options, badDay)])], { numRuns: runs(600) })(
    'evaluateCadres grades or throws a FrontlineError; the records are unchanged',
    (a) => {
      countInput();
      const out = hostileCall(a, () => evaluateCadres(a[0] as PerformanceRecord[], a[1] as never, a[2] as never));
      if (out.ok) expect(out.value.grades.length).toBe((a[1] as unknown[]).length);
    },
  );
  test.prop([argsAround([records, ['yc.t01', 'yc.t02'], { period: PERIOD }], [around(records, badDay), around(['yc.t01', 'yc.t02']), around({ period: PERIOD, unitOf: new Map(), thresholds: { good: 75, fairlyGood: 65, average: 55 } })])], {
    numRuns: runs(300),
  })('evaluateTeams grades or throws a FrontlineError', (a) => {
    countInput();
    hostileCall(a, () => evaluateTeams(a[0] as PerformanceRecord[], a[1] as never, a[2] as never));
  });
  const votes = { votes: { c00: { excellent: 2, qualified: 1, basicallyQualified: 0, unqualified: 0 }, c01: { excellent: 0, qualified: 3, basicallyQualified: 0, unqualified: 0 } }, voters: 3 };
  test.prop([argsAround([['c00', 'c01', 'c02'], votes], [around(['c00', 'c01', 'c02']), fc.oneof(around(votes), around({ records, period: PERIOD }, badDay))])], { numRuns: runs(300) })(
    'appraiseMembers grades or throws a FrontlineError',
    (a) => {
      countInput();
      hostileCall(a, () => appraiseMembers(a[0] as string[], a[1] as never));
    },
  );
});

afterAll(() => {
  // the share of this file in the hostile suite's inputs a run
  expect(inputCount()).toBeGreaterThanOrEqual(2700);
});
