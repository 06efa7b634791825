import { z } from 'zod';
import { FrontlineError, issuesFromZod, type Issue } from '../core/errors.js';
import type { RuleId } from '../core/rules.js';
import { GroupId, OrgId, PersonId, SupervisionGroupId } from '../core/ids.js';
import { SupervisionLine } from '../core/vocabulary.js';
import { requirePeopleRows, type Person } from '../people/person.js';
import { GroupSet, checkGroupSet, unitGroups } from './groupSet.js';
import { requireTree, type OrgTree } from './tree.js';
import { TOWNSHIP_LEVEL } from './unit.js';

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
  township: TOWNSHIP_LEVEL,
  department: ['institution'],
  warZone: ['county', ...TOWNSHIP_LEVEL, 'village', 'community', 'institution'],
};

/** The rule a shape problem of a command structure breaks, by where it is. */
function shapeRule(path: readonly PropertyKey[]): RuleId {
  const [part, key, field] = path;
  if (part === 'leadingGroup' && key === 'coLeaders') return 'command.coLeaders';
  if (part === 'headquarters' && (key === 'unitId' || key === 'commander')) return 'command.headquarters';
  if (part === 'supervisionGroups' && typeof key === 'number') {
    if (field === 'leader') return 'command.supervisionLeader';
    if (field === 'line' || field === 'covers' || field === 'warZone') return 'command.supervisionLine';
  }
  return 'command.structure';
}

/** The value parsed by a schema, or undefined when its shape is wrong (the whole structure's parse reports why). */
function partOf<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

/**
 * Checks a command structure against the tree and the people: shape, two distinct co-leaders of
 * county level, one leader per supervision group of county level, known people, covered units that
 * exist and fit the group's line (townships for the township line, institutions for the department
 * line, the units of its war-zone for the war-zone line), and an exclusive war-zone set. Returns
 * every problem at once, each with the id of the {@link RULES} entry it breaks: the shape problems
 * (from the schema) and the rule problems of every part whose shape is right — the leading group,
 * the headquarters, the war-zones and each supervision group — so one bad field hides nothing else.
 *
 * @param command - The command structure, as received.
 * @param tree - The organization tree its units belong to.
 * @param people - The people it names.
 * @returns Every problem found; empty when the structure is valid.
 * @example
 * checkCommand(county.command, createOrgTree(county.units), county.people); // => []
 * checkCommand({ ...county.command, headquarters: { ...county.command.headquarters, name: '' } }, createOrgTree(county.units), county.people)
 *   .map((i) => i.rule); // => ['command.structure']
 * @category Command
 */
export function checkCommand(command: unknown, tree: OrgTree, people: readonly Person[]): readonly Issue[] {
  requireTree(tree);
  requirePeopleRows(people);
  const parsed = CommandStructure.safeParse(command);
  const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error).map((i) => ({ ...i, rule: shapeRule(i.path) }));
  // the parts whose shape is right (all of them when the whole is right)
  const raw: Record<string, unknown> = typeof command === 'object' && command !== null ? (command as Record<string, unknown>) : {};
  const lg = parsed.success ? parsed.data.leadingGroup : partOf(LeadingGroup, raw['leadingGroup']);
  const hq = parsed.success ? parsed.data.headquarters : partOf(Headquarters, raw['headquarters']);
  const warZones = parsed.success ? parsed.data.warZones : partOf(GroupSet, raw['warZones']);
  const rawGroups = raw['supervisionGroups'];
  const groups: readonly (SupervisionGroup | undefined)[] = parsed.success
    ? parsed.data.supervisionGroups
    : Array.isArray(rawGroups)
      ? rawGroups.map((g: unknown) => partOf(SupervisionGroup, g))
      : [];
  // only the people the structure names: one scan, no index of a whole county
  const named = new Set<string>();
  if (lg !== undefined) for (const id of [...lg.coLeaders, ...lg.members]) named.add(id);
  if (hq !== undefined) for (const id of [hq.commander, ...hq.deputies, ...hq.members]) named.add(id);
  for (const g of groups) if (g !== undefined) for (const id of [g.leader, ...g.members]) named.add(id);
  const byId = new Map<string, Person>();
  for (const p of people) if (named.has(p.id)) byId.set(p.id, p);
  const known = (id: string, path: PropertyKey[]): Person | undefined => {
    const p = byId.get(id);
    if (p === undefined) issues.push({ path, code: 'unknown_person', message: `unknown person '${id}'`, rule: 'command.references' });
    return p;
  };
  const unit = (id: string, path: PropertyKey[]): number | undefined => {
    const i = tree.indexOf.get(id);
    if (i === undefined) issues.push({ path, code: 'unknown_unit', message: `unknown unit '${id}'`, rule: 'command.references' });
    return i;
  };
  if (lg !== undefined) {
    if (lg.coLeaders[0] === lg.coLeaders[1])
      issues.push({ path: ['leadingGroup', 'coLeaders', 1], code: 'same_co_leaders', message: 'the two co-leaders must be two people', rule: 'command.coLeaders' });
    lg.coLeaders.forEach((id, k) => {
      const p = known(id, ['leadingGroup', 'coLeaders', k]);
      if (p !== undefined && p.cadreLevel !== 'county')
        issues.push({ path: ['leadingGroup', 'coLeaders', k], code: 'cadre_level', message: `co-leader '${id}' is not a county-level cadre`, rule: 'command.coLeaders' });
    });
    lg.members.forEach((id, k) => known(id, ['leadingGroup', 'members', k]));
  }
  if (hq !== undefined) {
    if (unit(hq.unitId, ['headquarters', 'unitId']) !== undefined && hq.unitId !== tree.root)
      issues.push({ path: ['headquarters', 'unitId'], code: 'headquarters_unit', message: `the headquarters sits at the county ('${tree.root}'), not at '${hq.unitId}'`, rule: 'command.headquarters' });
    const commander = known(hq.commander, ['headquarters', 'commander']);
    if (commander !== undefined && commander.cadreLevel !== 'county')
      issues.push({ path: ['headquarters', 'commander'], code: 'cadre_level', message: `commander '${hq.commander}' is not a county-level cadre`, rule: 'command.headquarters' });
    hq.deputies.forEach((id, k) => known(id, ['headquarters', 'deputies', k]));
    hq.members.forEach((id, k) => known(id, ['headquarters', 'members', k]));
  }
  if (warZones !== undefined)
    for (const i of checkGroupSet(tree, warZones))
      issues.push({ ...i, path: ['warZones', ...i.path], rule: i.rule ?? (i.code === 'unknown_unit' ? 'command.references' : 'command.structure') });
  const seen = new Set<string>();
  groups.forEach((g, gi) => {
    if (g === undefined) return;
    const at = (...p: PropertyKey[]): PropertyKey[] => ['supervisionGroups', gi, ...p];
    if (seen.has(g.id)) issues.push({ path: at('id'), code: 'duplicate_id', message: `duplicate supervision group id '${g.id}'`, rule: 'command.structure' });
    seen.add(g.id);
    const leader = known(g.leader, at('leader'));
    if (leader !== undefined && leader.cadreLevel !== 'county')
      issues.push({ path: at('leader'), code: 'cadre_level', message: `leader '${g.leader}' of '${g.name}' is not a county-level cadre`, rule: 'command.supervisionLeader' });
    if (g.members.includes(g.leader))
      issues.push({ path: at('members'), code: 'leader_in_members', message: `the leader of '${g.name}' is listed again among its members`, rule: 'command.supervisionLeader' });
    g.members.forEach((id, k) => known(id, at('members', k)));
    // a war-zone set of the wrong shape is reported above: its groups cannot be looked up
    const zone = g.warZone === undefined || warZones === undefined ? undefined : warZones.groups.find((z) => z.id === g.warZone);
    if (g.line === 'warZone' && zone === undefined && warZones !== undefined)
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
        issues.push({ path: at('covers', k), code: 'closed_unit', message: `'${g.name}' covers '${u.id}', closed on ${u.closed}`, rule: 'command.references' });
      if (g.line === 'warZone' && zone !== undefined && warZones !== undefined && !unitGroups(tree, warZones, id).some((z) => z.id === zone.id))
        issues.push({ path: at('covers', k), code: 'outside_war_zone', message: `'${u.id}' is not in war-zone '${zone.name}'`, rule: 'command.supervisionLine' });
    });
  });
  return issues;
}

/**
 * Validates a command structure and returns it typed; throws a {@link FrontlineError}
 * (`invalid_command`) listing every problem of {@link checkCommand}, shape and rules together.
 *
 * @param command - The command structure, as received.
 * @param tree - The organization tree its units belong to.
 * @param people - The people it names.
 * @returns The structure, typed.
 * @throws {@link FrontlineError} `invalid_command` listing every problem of {@link checkCommand}.
 * @example
 * const command = createCommand(county.command, createOrgTree(county.units), county.people);
 * command.headquarters.commander; // => county.command.headquarters.commander
 * @category Command
 */
export function createCommand(command: unknown, tree: OrgTree, people: readonly Person[]): CommandStructure {
  requireTree(tree);
  requirePeopleRows(people);
  const issues = checkCommand(command, tree, people);
  if (issues.length > 0) throw new FrontlineError('invalid_command', 'invalid command structure', issues);
  return CommandStructure.parse(command);
}

/**
 * True when a supervision group covers a unit (the unit lies within one of its covered units).
 *
 * @param tree - The organization tree.
 * @param group - The supervision group.
 * @param unitId - The unit.
 * @returns True when the unit lies within a unit the group covers; false for a unit not in the tree.
 * @example
 * const group = SupervisionGroup.parse({ id: 'sg-02', name: '第二督导组', leader: 'p3', members: [], line: 'township', covers: ['pa'] });
 * covers(tree, group, 'wjg' as OrgId); // => true (吴家沟村 lies in 普安镇)
 * covers(tree, group, 'cb' as OrgId); // => false
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
