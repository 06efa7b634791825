import { describe, expect, it } from 'vitest';
import {
  CommandStructure,
  FrontlineError,
  LeadingGroup,
  RULES,
  SupervisionGroup,
  checkCommand,
  closeUnit,
  covers,
  createCommand,
  createOrgTree,
  generateCounty,
  type Day,
  type Issue,
} from '../../src/index.js';
import { deepFreeze, fixtureCommand, fixturePeople, fixtureTree, oid, snapshot } from '../fixtures.js';

const tree = fixtureTree();
const people = fixturePeople();
const codes = (issues: readonly Issue[]): string[] => issues.map((i) => i.code);
const at = (issues: readonly Issue[], code: string): PropertyKey[][] => issues.filter((i) => i.code === code).map((i) => [...i.path]);

/** The fixture command with one change. */
function withChange(change: (c: ReturnType<typeof fixtureCommand>) => void): ReturnType<typeof fixtureCommand> {
  const c = fixtureCommand();
  change(c);
  return c;
}
const group = (c: ReturnType<typeof fixtureCommand>, k: number): ReturnType<typeof fixtureCommand>['supervisionGroups'][number] => {
  const g = c.supervisionGroups[k];
  if (g === undefined) throw new Error(`no group ${k}`);
  return g;
};

describe('checkCommand', () => {
  it("passes generateCounty's command", () => {
    const county = generateCounty({ seed: 3, scale: 0.03 });
    const t = createOrgTree(county.units);
    expect(checkCommand(county.command, t, county.people)).toEqual([]);
    expect(createCommand(county.command, t, county.people)).toEqual(county.command);
  });

  it('passes the fixture command and never mutates it', () => {
    const c = deepFreeze(fixtureCommand());
    const before = snapshot(c);
    expect(checkCommand(c, tree, people)).toEqual([]);
    expect(createCommand(c, tree, people).supervisionGroups).toHaveLength(3);
    expect(c).toEqual(before);
  });

  it('needs exactly two co-leaders: the zod tuple rejects one or three', () => {
    expect(LeadingGroup.safeParse({ name: 'x', coLeaders: ['sec'], members: [] }).success).toBe(false);
    expect(LeadingGroup.safeParse({ name: 'x', coLeaders: ['sec', 'mayor', 'sc1'], members: [] }).success).toBe(false);
    for (const coLeaders of [['sec'], ['sec', 'mayor', 'sc1'], []]) {
      const issues = checkCommand(withChange((c) => (c.leadingGroup.coLeaders = coLeaders)), tree, people);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(i.path.slice(0, 2)).toEqual(['leadingGroup', 'coLeaders']);
    }
  });

  it('needs two distinct co-leaders', () => {
    const issues = checkCommand(withChange((c) => (c.leadingGroup.coLeaders = ['sec', 'sec'])), tree, people);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'same_co_leaders', path: ['leadingGroup', 'coLeaders', 1], rule: 'command.coLeaders' }),
    ]);
  });

  it('needs county-level co-leaders', () => {
    const issues = checkCommand(withChange((c) => (c.leadingGroup.coLeaders = ['sec', 'pa-sec'])), tree, people);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'cadre_level', path: ['leadingGroup', 'coLeaders', 1], rule: 'command.coLeaders' }),
    ]);
    const noLevel = checkCommand(withChange((c) => (c.leadingGroup.coLeaders = ['doc1', 'mayor'])), tree, people);
    expect(at(noLevel, 'cadre_level')).toEqual([['leadingGroup', 'coLeaders', 0]]);
  });

  it('needs the headquarters at the county, under a county-level commander (command.headquarters)', () => {
    const issues = checkCommand(
      withChange((c) => {
        c.headquarters.unitId = 'pa';
        c.headquarters.commander = 'pa-sec';
      }),
      tree,
      people,
    );
    expect(issues.map((i) => [i.code, i.path, i.rule])).toEqual([
      ['headquarters_unit', ['headquarters', 'unitId'], 'command.headquarters'],
      ['cadre_level', ['headquarters', 'commander'], 'command.headquarters'],
    ]);
  });

  it('needs a county-level leader for each supervision group, not repeated among its members', () => {
    const issues = checkCommand(withChange((c) => (group(c, 1).leader = 'pa-sec')), tree, people);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'cadre_level', path: ['supervisionGroups', 1, 'leader'], rule: 'command.supervisionLeader' }),
    ]);
    const repeated = checkCommand(withChange((c) => group(c, 2).members.push('sc3')), tree, people);
    expect(repeated).toEqual([expect.objectContaining({ code: 'leader_in_members', path: ['supervisionGroups', 2, 'members'] })]);
    expect(SupervisionGroup.safeParse({ ...fixtureCommand().supervisionGroups[1], leader: undefined }).success).toBe(false);
  });

  it('reports unknown people with their paths', () => {
    const c = withChange((x) => {
      x.leadingGroup.members.push('ghost1');
      x.headquarters.commander = 'ghost2';
      x.headquarters.deputies.push('ghost3');
      group(x, 0).members.push('ghost4');
      group(x, 2).leader = 'ghost5';
    });
    const issues = checkCommand(c, tree, people);
    expect(codes(issues).every((k) => k === 'unknown_person')).toBe(true);
    expect(at(issues, 'unknown_person')).toEqual([
      ['leadingGroup', 'members', 3],
      ['headquarters', 'commander'],
      ['headquarters', 'deputies', 1],
      ['supervisionGroups', 0, 'members', 1],
      ['supervisionGroups', 2, 'leader'],
    ]);
    const unknownCoLeader = checkCommand(withChange((x) => (x.leadingGroup.coLeaders = ['sec', 'ghost'])), tree, people);
    expect(at(unknownCoLeader, 'unknown_person')).toEqual([['leadingGroup', 'coLeaders', 1]]);
  });

  it('reports unknown units with their paths', () => {
    const c = withChange((x) => {
      x.headquarters.unitId = 'ghost1';
      group(x, 1).covers.push('ghost2');
      x.warZones.groups[1]?.units.push('ghost3');
    });
    const issues = checkCommand(c, tree, people);
    expect(at(issues, 'unknown_unit')).toEqual([
      ['headquarters', 'unitId'],
      ['warZones', 'groups', 1, 'units', 1],
      ['supervisionGroups', 1, 'covers', 1],
    ]);
    expect(issues).toHaveLength(3);
  });

  it('reports a township-line group covering a village, and a department-line group covering a township (line_kind)', () => {
    const village = checkCommand(withChange((x) => (group(x, 1).covers = ['pa', 'wjg'])), tree, people);
    expect(village).toEqual([
      expect.objectContaining({ code: 'line_kind', path: ['supervisionGroups', 1, 'covers', 1], rule: 'command.supervisionLine' }),
    ]);
    const department = checkCommand(withChange((x) => (group(x, 2).covers = ['jl'])), tree, people);
    expect(at(department, 'line_kind')).toEqual([['supervisionGroups', 2, 'covers', 0]]);
  });

  it('reports a war-zone group covering a unit outside its zone (outside_war_zone)', () => {
    const issues = checkCommand(withChange((x) => (group(x, 0).covers = ['cb', 'wjg'])), tree, people);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'outside_war_zone', path: ['supervisionGroups', 0, 'covers', 1], rule: 'command.supervisionLine' }),
    ]);
  });

  it('needs a known war-zone exactly on the war-zone line', () => {
    const none = checkCommand(withChange((x) => delete group(x, 0).warZone), tree, people);
    expect(at(none, 'war_zone')).toEqual([['supervisionGroups', 0, 'warZone']]);
    const unknown = checkCommand(withChange((x) => (group(x, 0).warZone = 'wz-9')), tree, people);
    expect(at(unknown, 'war_zone')).toEqual([['supervisionGroups', 0, 'warZone']]);
    const stray = checkCommand(withChange((x) => (group(x, 1).warZone = 'wz-2')), tree, people);
    expect(stray).toEqual([expect.objectContaining({ code: 'war_zone', path: ['supervisionGroups', 1, 'warZone'] })]);
  });

  it('needs exclusive war-zones, unique group ids and open covered units', () => {
    const overlap = checkCommand(withChange((x) => x.warZones.groups[1]?.units.push('cb')), tree, people);
    expect(overlap).toEqual([expect.objectContaining({ code: 'not_exclusive', path: ['warZones', 'groups', 1, 'units', 1] })]);
    const dup = checkCommand(withChange((x) => (group(x, 2).id = 'sg-01')), tree, people);
    expect(dup).toEqual([expect.objectContaining({ code: 'duplicate_id', path: ['supervisionGroups', 2, 'id'] })]);
    const closed = closeUnit(tree, oid('hosp'), '2020-06-01' as Day);
    expect(at(checkCommand(fixtureCommand(), closed, people), 'closed_unit')).toEqual([['supervisionGroups', 2, 'covers', 0]]);
  });

  it('reports every problem at once', () => {
    const c = withChange((x) => {
      x.leadingGroup.coLeaders = ['sec', 'sec'];
      group(x, 1).leader = 'pa-sec';
      group(x, 1).covers = ['wjg'];
      group(x, 0).covers = ['pa'];
      x.headquarters.commander = 'ghost';
    });
    expect(codes(checkCommand(c, tree, people)).sort()).toEqual([
      'cadre_level',
      'line_kind',
      'outside_war_zone',
      'same_co_leaders',
      'unknown_person',
    ]);
  });

  it('reports shape problems and rule problems together, each with a rule of RULES', () => {
    const c = withChange((x) => {
      x.leadingGroup.coLeaders = ['sec'];
      (group(x, 1) as { name: string }).name = '';
      group(x, 0).covers = ['pa'];
      x.headquarters.commander = 'ghost';
      group(x, 2).leader = 'pa-sec';
    });
    const issues = checkCommand(c, tree, people);
    expect(issues.map((i) => [i.code, i.path, i.rule])).toEqual([
      // the shape, from the schema
      ['too_small', ['leadingGroup', 'coLeaders'], 'command.coLeaders'],
      ['too_small', ['supervisionGroups', 1, 'name'], 'command.structure'],
      // the rules, on every part whose shape is right
      ['unknown_person', ['headquarters', 'commander'], 'command.references'],
      ['outside_war_zone', ['supervisionGroups', 0, 'covers', 0], 'command.supervisionLine'],
      ['cadre_level', ['supervisionGroups', 2, 'leader'], 'command.supervisionLeader'],
    ]);
    let error: unknown;
    try {
      createCommand(c, tree, people);
    } catch (e) {
      error = e;
    }
    expect((error as FrontlineError).issues).toEqual(issues);
  });

  it('gives every problem a rule of RULES', () => {
    const closed = closeUnit(tree, oid('hosp'), '2020-06-01' as Day);
    const cases = [
      checkCommand(withChange((x) => (x.leadingGroup.coLeaders = ['sec', 'sec'])), tree, people),
      checkCommand(withChange((x) => (group(x, 2).id = 'sg-01')), tree, people),
      checkCommand(withChange((x) => x.warZones.groups[1]?.units.push('cb', 'ghost')), tree, people),
      checkCommand(withChange((x) => (x.warZones.groups[0]!.id = x.warZones.groups[1]!.id)), tree, people),
      checkCommand(withChange((x) => (group(x, 1).covers = ['ghost', 'wjg'])), tree, people),
      checkCommand(fixtureCommand(), closed, people),
      checkCommand(withChange((x) => ((x as Record<string, unknown>)['extra'] = 1)), tree, people),
      checkCommand({ leadingGroup: null }, tree, people),
      checkCommand(null, tree, people),
      checkCommand('1+1+10', tree, people),
    ];
    for (const issues of cases) {
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(Object.keys(RULES), `${i.code} at ${i.path.join('.')}`).toContain(i.rule);
    }
    expect(checkCommand(null, tree, people).map((i) => [i.path, i.rule])).toEqual([[[], 'command.structure']]);
  });

  it('checks the supervision groups even when the war-zone set has the wrong shape, leaving war-zone lookups out', () => {
    const c = withChange((x) => {
      (x.warZones as { exclusive: unknown }).exclusive = 'yes';
      group(x, 1).leader = 'pa-sec';
    });
    expect(checkCommand(c, tree, people).map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['warZones', 'exclusive']],
      ['cadre_level', ['supervisionGroups', 1, 'leader']],
    ]);
  });

  it('createCommand throws invalid_command listing every problem', () => {
    const c = withChange((x) => (x.leadingGroup.coLeaders = ['sec', 'pa-sec']));
    let error: unknown;
    try {
      createCommand(c, tree, people);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FrontlineError);
    expect((error as FrontlineError).code).toBe('invalid_command');
    expect((error as FrontlineError).issues).toEqual(checkCommand(c, tree, people));
    expect(() => createCommand({ leadingGroup: null }, tree, people)).toThrow(FrontlineError);
    expect(CommandStructure.safeParse({}).success).toBe(false);
  });
});

describe('covers', () => {
  const parsed = CommandStructure.parse(fixtureCommand());
  const [warZone, township, department] = parsed.supervisionGroups;

  it('is true for the covered units and everything beneath them', () => {
    if (warZone === undefined || township === undefined || department === undefined) throw new Error('fixture');
    expect(covers(tree, warZone, oid('jl'))).toBe(true);
    expect(covers(tree, warZone, oid('cb'))).toBe(true);
    expect(covers(tree, warZone, oid('pa'))).toBe(false);
    expect(covers(tree, township, oid('wjg'))).toBe(true);
    expect(covers(tree, township, oid('yc'))).toBe(false);
    expect(covers(tree, department, oid('tb'))).toBe(true);
    expect(covers(tree, department, oid('ghost'))).toBe(false);
  });
});
