import { z } from 'zod';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import { GroupId, OrgId, PersonId, SupervisionGroupId } from '../core/ids.js';
import { SupervisionLine } from '../core/vocabulary.js';
import { requirePeopleRows, type Person } from '../people/person.js';
import { GroupSet, checkGroupSet, unitGroups } from './groupSet.js';
import { requireTree, type OrgTree } from './tree.js';

/**
 * The leading group (领导小组): two co-leaders (双组长), the county Party secretary and the county
 * mayor, and its members. It issues the emergency plan and work plans.
 *
 * @example
 * LeadingGroup.parse({ name: '岳池县应对疫情工作领导小组', coLeaders: ['p1', 'p2'], members: [] });
 * @category Command
 */
export const LeadingGroup = z
  .object({
    /** Its name. */
    name: z.string().min(1),
    /** Exactly two co-leaders. */
    coLeaders: z.tuple([PersonId, PersonId]),
    /** Other members. */
    members: z.array(PersonId),
  })
  .strict();
/**
 * The leading group.
 *
 * @interface
 * @category Command
 */
export type LeadingGroup = z.infer<typeof LeadingGroup>;

/**
 * The emergency command headquarters (应急指挥部): organizes, commands and coordinates; dispatches,
 * studies and deploys daily.
 *
 * @example
 * Headquarters.parse({ name: '应急指挥部', unitId: 'yc', commander: 'p2', deputies: [], members: [] });
 * @category Command
 */
export const Headquarters = z
  .object({
    /** Its name. */
    name: z.string().min(1),
    /** The unit it commands (the county). */
    unitId: OrgId,
    /** The commander. */
    commander: PersonId,
    /** Deputy commanders. */
    deputies: z.array(PersonId),
    /** Other members. */
    members: z.array(PersonId),
  })
  .strict();
/**
 * The headquarters.
 *
 * @interface
 * @category Command
 */
export type Headquarters = z.infer<typeof Headquarters>;

/**
 * A supervision group (督导组): led by one county Standing Committee member, working on one of the
 * three lines and covering units (each with its subtree).
 *
 * @example
 * SupervisionGroup.parse({ id: 'sg-01', name: '第一督导组', leader: 'p3', members: [], line: 'township', covers: ['pa'] });
 * @category Command
 */
export const SupervisionGroup = z
  .object({
    /** Unique id. */
    id: SupervisionGroupId,
    /** Its name. */
    name: z.string().min(1),
    /** The one person who leads it. */
    leader: PersonId,
    /** Other members. */
    members: z.array(PersonId),
    /** The line it works on. */
    line: SupervisionLine,
    /** The units it covers, each with its subtree. */
    covers: z.array(OrgId).min(1, 'a supervision group covers at least one unit'),
    /** For the war-zone line: the war-zone group it covers (a group of the `warZones` set). */
    warZone: GroupId.optional(),
  })
  .strict();
/**
 * A supervision group.
 *
 * @interface
 * @category Command
 */
export type SupervisionGroup = z.infer<typeof SupervisionGroup>;

/**
 * The "1+1+10" command structure: leading group, headquarters, supervision groups, and the group
 * sets they use (the war-zones).
 *
 * @example
 * CommandStructure.parse(county.command);
 * @category Command
 */
export const CommandStructure = z
  .object({
    /** The leading group. */
    leadingGroup: LeadingGroup,
    /** The emergency command headquarters. */
    headquarters: Headquarters,
    /** The supervision groups (ten in Yuechi; the count is data). */
    supervisionGroups: z.array(SupervisionGroup),
    /** The war-zones: an exclusive group set over the tree. */
    warZones: GroupSet,
  })
  .strict();
/**
 * The command structure.
 *
 * @interface
 * @category Command
 */
export type CommandStructure = z.infer<typeof CommandStructure>;

const LINE_KINDS: Readonly<Record<SupervisionLine, readonly string[]>> = {
  township: ['township', 'subdistrict'],
  department: ['institution'],
  warZone: ['county', 'township', 'subdistrict', 'village', 'community', 'institution'],
};

/**
 * Checks a command structure against the tree and the people: shape, two distinct co-leaders of
 * county level, one leader per supervision group of county level, known people, covered units that
 * exist and fit the group's line (townships for the township line, institutions for the department
 * line, the units of its war-zone for the war-zone line), and an exclusive war-zone set. Returns
 * every problem.
 *
 * @example
 * checkCommand(county.command, tree, county.people); // => []
 * @category Command
 */
export function checkCommand(command: unknown, tree: OrgTree, people: readonly Person[]): readonly Issue[] {
  requireTree(tree);
  requirePeopleRows(people);
  const parsed = CommandStructure.safeParse(command);
  if (!parsed.success) return issuesFromZod(parsed.error);
  const c = parsed.data;
  const issues: Issue[] = [];
  // only the people the structure names: one scan, no index of a whole county
  const named = new Set<string>([
    ...c.leadingGroup.coLeaders,
    ...c.leadingGroup.members,
    c.headquarters.commander,
    ...c.headquarters.deputies,
    ...c.headquarters.members,
    ...c.supervisionGroups.flatMap((g) => [g.leader, ...g.members]),
  ]);
  const byId = new Map<string, Person>();
  for (const p of people) if (named.has(p.id)) byId.set(p.id, p);
  const known = (id: string, path: PropertyKey[]): Person | undefined => {
    const p = byId.get(id);
    if (p === undefined) issues.push({ path, code: 'unknown_person', message: `unknown person '${id}'` });
    return p;
  };
  const unit = (id: string, path: PropertyKey[]): number | undefined => {
    const i = tree.indexOf.get(id);
    if (i === undefined) issues.push({ path, code: 'unknown_unit', message: `unknown unit '${id}'` });
    return i;
  };
  const lg = c.leadingGroup;
  if (lg.coLeaders[0] === lg.coLeaders[1])
    issues.push({ path: ['leadingGroup', 'coLeaders', 1], code: 'same_co_leaders', message: 'the two co-leaders must be two people', rule: 'command.coLeaders' });
  lg.coLeaders.forEach((id, k) => {
    const p = known(id, ['leadingGroup', 'coLeaders', k]);
    if (p !== undefined && p.cadreLevel !== 'county')
      issues.push({ path: ['leadingGroup', 'coLeaders', k], code: 'cadre_level', message: `co-leader '${id}' is not a county-level cadre`, rule: 'command.coLeaders' });
  });
  lg.members.forEach((id, k) => known(id, ['leadingGroup', 'members', k]));
  const hq = c.headquarters;
  if (unit(hq.unitId, ['headquarters', 'unitId']) !== undefined && hq.unitId !== tree.root)
    issues.push({ path: ['headquarters', 'unitId'], code: 'headquarters_unit', message: `the headquarters sits at the county ('${tree.root}'), not at '${hq.unitId}'`, rule: 'command.headquarters' });
  const commander = known(hq.commander, ['headquarters', 'commander']);
  if (commander !== undefined && commander.cadreLevel !== 'county')
    issues.push({ path: ['headquarters', 'commander'], code: 'cadre_level', message: `commander '${hq.commander}' is not a county-level cadre`, rule: 'command.headquarters' });
  hq.deputies.forEach((id, k) => known(id, ['headquarters', 'deputies', k]));
  hq.members.forEach((id, k) => known(id, ['headquarters', 'members', k]));
  for (const i of checkGroupSet(tree, c.warZones)) issues.push({ ...i, path: ['warZones', ...i.path] });
  const seen = new Set<string>();
  c.supervisionGroups.forEach((g, gi) => {
    const at = (...p: PropertyKey[]): PropertyKey[] => ['supervisionGroups', gi, ...p];
    if (seen.has(g.id)) issues.push({ path: at('id'), code: 'duplicate_id', message: `duplicate supervision group id '${g.id}'` });
    seen.add(g.id);
    const leader = known(g.leader, at('leader'));
    if (leader !== undefined && leader.cadreLevel !== 'county')
      issues.push({ path: at('leader'), code: 'cadre_level', message: `leader '${g.leader}' of '${g.name}' is not a county-level cadre`, rule: 'command.supervisionLeader' });
    if (g.members.includes(g.leader))
      issues.push({ path: at('members'), code: 'leader_in_members', message: `the leader of '${g.name}' is listed again among its members`, rule: 'command.supervisionLeader' });
    g.members.forEach((id, k) => known(id, at('members', k)));
    const zone = g.warZone === undefined ? undefined : c.warZones.groups.find((z) => z.id === g.warZone);
    if (g.line === 'warZone' && zone === undefined)
      issues.push({
        path: at('warZone'),
        code: 'war_zone',
        message: g.warZone === undefined ? `'${g.name}' works on the war-zone line but names no war-zone` : `unknown war-zone '${g.warZone}'`,
        rule: 'command.supervisionLine',
      });
    if (g.line !== 'warZone' && g.warZone !== undefined)
      issues.push({ path: at('warZone'), code: 'war_zone', message: `'${g.name}' works on the ${g.line} line and cannot name a war-zone`, rule: 'command.supervisionLine' });
    g.covers.forEach((id, k) => {
      const i = unit(id, at('covers', k));
      if (i === undefined) return;
      const u = tree.units[i];
      if (u === undefined) return;
      if (!LINE_KINDS[g.line].includes(u.kind))
        issues.push({ path: at('covers', k), code: 'line_kind', message: `'${g.name}' (${g.line} line) cannot cover ${u.kind} '${u.id}'`, rule: 'command.supervisionLine' });
      if (u.closed !== undefined)
        issues.push({ path: at('covers', k), code: 'closed_unit', message: `'${g.name}' covers '${u.id}', closed on ${u.closed}` });
      if (g.line === 'warZone' && zone !== undefined && !unitGroups(tree, c.warZones, id).some((z) => z.id === zone.id))
        issues.push({ path: at('covers', k), code: 'outside_war_zone', message: `'${u.id}' is not in war-zone '${zone.name}'`, rule: 'command.supervisionLine' });
    });
  });
  return issues;
}

/**
 * Validates a command structure and returns it typed; throws a {@link FrontlineError}
 * (`invalid_command`) listing every problem of {@link checkCommand}.
 *
 * @example
 * const command = createCommand(county.command, tree, county.people);
 * @category Command
 */
export function createCommand(command: unknown, tree: OrgTree, people: readonly Person[]): CommandStructure {
  requireTree(tree);
  requirePeopleRows(people);
  const parsed = CommandStructure.safeParse(command);
  if (!parsed.success) throw new FrontlineError('invalid_command', 'invalid command structure', issuesFromZod(parsed.error));
  const issues = checkCommand(parsed.data, tree, people);
  if (issues.length > 0) throw new FrontlineError('invalid_command', 'invalid command structure', issues);
  return parsed.data;
}

/**
 * True when a supervision group covers a unit (the unit lies within one of its covered units).
 *
 * @example
 * covers(tree, command.supervisionGroups[0], 'wjg' as OrgId); // => true or false
 * @category Command
 */
export function covers(tree: OrgTree, group: SupervisionGroup, unitId: OrgId): boolean {
  requireTree(tree);
  const i = tree.indexOf.get(unitId);
  if (i === undefined) return false;
  return group.covers.some((c) => {
    const s = tree.indexOf.get(c);
    return s !== undefined && i >= s && i < (tree.subtreeEnd[s] as number);
  });
}
