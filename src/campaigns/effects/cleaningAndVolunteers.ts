import type { Issue } from '../../core/errors.js';
import type { SiteDisinfected, SiteRegistered, VolunteerAttended, VolunteerRegistered, VolunteerSignedUp, VolunteerTaskPosted } from '../events.js';
import { tableEdit, tableGet, tableHas, tableSet } from '../../store/table.js';
import { checkCampaign } from './campaigns.js';
import { problem, unitsOf, type Effect } from '../../store/effect.js';
import type { RegisterTables } from '../../register/tables.js';
import type { CampaignTables } from '../tables.js';

/** The parts of a ledger these effects read and change. */
type State = RegisterTables & CampaignTables;

export const siteRegistered: Effect<State, SiteRegistered> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.sites, e.site.id)) issues.push(problem('duplicate_id', `site '${e.site.id}' exists`, 'site', 'id'));
    if (!ctx.tree.indexOf.has(e.site.unitId)) issues.push(problem('unknown_unit', `unknown unit '${e.site.unitId}'`, 'site', 'unitId'));
    const r = ctx.tree.indexOf.get(e.site.responsibleUnitId);
    const responsible = r === undefined ? undefined : ctx.tree.units[r];
    if (responsible === undefined) issues.push(problem('unknown_unit', `unknown unit '${e.site.responsibleUnitId}'`, 'site', 'responsibleUnitId'));
    else if (responsible.kind !== 'disinfectionTeam' && responsible.kind !== 'institution')
      issues.push(
        problem('responsible_kind', `a site is the charge of a disinfection team or a sector's lead department, not a ${responsible.kind}`, 'site', 'responsibleUnitId'),
      );
    return issues;
  },
  scope: (_s, e) => ({ units: [e.site.unitId], action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.sites, e.site.id, e.site);
  },
};

export const siteDisinfected: Effect<State, SiteDisinfected> = {
  check: (state, e, ctx) => {
    const site = tableGet(state.sites, e.siteId);
    if (site === undefined) return [problem('unknown_site', `unknown site '${e.siteId}'`, 'siteId')];
    return checkCampaign(state, ctx, e.campaignId, 'cleaning', ctx.day, site.unitId, ['campaignId']);
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.sites, e.siteId)?.responsibleUnitId), action: 'record' }),
  recipe: (state, e, ctx) => {
    const day = ctx.day;
    if (!tableHas(state.disinfections, e.siteId)) {
      tableSet(state.disinfections, e.siteId, { siteId: e.siteId, byDay: { [day]: 1 }, lastAt: e.at });
      return;
    }
    const d = tableEdit(state.disinfections, e.siteId);
    d.byDay = { ...d.byDay, [day]: (d.byDay[day] ?? 0) + 1 };
    if (Date.parse(e.at) > Date.parse(d.lastAt)) d.lastAt = e.at;
  },
};

export const volunteerRegistered: Effect<State, VolunteerRegistered> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (!tableHas(state.people, e.personId)) issues.push(problem('unknown_person', `unknown person '${e.personId}'`, 'personId'));
    if (tableHas(state.volunteers, e.personId)) issues.push(problem('duplicate_id', `'${e.personId}' is already a registered volunteer`, 'personId'));
    const t = ctx.tree.indexOf.get(e.teamId);
    if (t === undefined) issues.push(problem('unknown_unit', `unknown team '${e.teamId}'`, 'teamId'));
    else if (ctx.tree.units[t]?.kind !== 'volunteerTeam') issues.push(problem('unit_kind', `'${e.teamId}' is not a volunteer team`, 'teamId'));
    return issues;
  },
  scope: (_s, e) => ({ units: [e.teamId], action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.volunteers, e.personId, { personId: e.personId, teamId: e.teamId, skills: e.skills });
  },
};

export const volunteerTaskPosted: Effect<State, VolunteerTaskPosted> = {
  check: (state, e, ctx) => {
    const issues: Issue[] = [];
    if (tableHas(state.tasks, e.taskId)) issues.push(problem('duplicate_id', `task '${e.taskId}' exists`, 'taskId'));
    if (!ctx.tree.indexOf.has(e.unitId)) issues.push(problem('unknown_unit', `unknown unit '${e.unitId}'`, 'unitId'));
    else checkCampaign(state, ctx, e.campaignId, 'volunteerService', e.day, e.unitId, ['campaignId'], issues);
    if (e.day < ctx.day) issues.push(problem('past_task', `a task for ${e.day} cannot be posted on ${ctx.day}`, 'day'));
    return issues;
  },
  scope: (_s, e) => ({ units: [e.unitId], action: 'record' }),
  recipe: (state, e) => {
    tableSet(state.tasks, e.taskId, { id: e.taskId, campaignId: e.campaignId, kind: e.kind, unitId: e.unitId, day: e.day, places: e.places, hours: e.hours, postedAt: e.at, signUps: [], attended: [] });
  },
};

export const volunteerSignedUp: Effect<State, VolunteerSignedUp> = {
  check: (state, e, ctx) => {
    const task = tableGet(state.tasks, e.taskId);
    if (task === undefined) return [problem('unknown_task', `unknown task '${e.taskId}'`, 'taskId')];
    const issues: Issue[] = [];
    if (!tableHas(state.volunteers, e.personId)) issues.push(problem('not_a_volunteer', `'${e.personId}' is not a registered volunteer`, 'personId'));
    if (task.signUps.includes(e.personId)) issues.push(problem('already_signed_up', `'${e.personId}' already signed up for '${e.taskId}'`, 'personId'));
    else if (task.signUps.length >= task.places) issues.push(problem('task_full', `task '${e.taskId}' has no places left (${task.places})`, 'taskId'));
    if (ctx.day > task.day) issues.push(problem('past_task', `task '${e.taskId}' was on ${task.day}`, 'taskId'));
    if (Date.parse(e.at) < Date.parse(task.postedAt)) issues.push(problem('before_posted', `signed up at ${e.at}, before task '${e.taskId}' was posted (${task.postedAt})`, 'at'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.tasks, e.taskId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const t = tableEdit(state.tasks, e.taskId);
    t.signUps = [...t.signUps, e.personId];
  },
};

export const volunteerAttended: Effect<State, VolunteerAttended> = {
  check: (state, e, ctx) => {
    const task = tableGet(state.tasks, e.taskId);
    if (task === undefined) return [problem('unknown_task', `unknown task '${e.taskId}'`, 'taskId')];
    const issues: Issue[] = [];
    if (!task.signUps.includes(e.personId)) issues.push(problem('not_signed_up', `'${e.personId}' did not sign up for '${e.taskId}'`, 'personId'));
    if (task.attended.some((a) => a.personId === e.personId)) issues.push(problem('already_attended', `attendance of '${e.personId}' at '${e.taskId}' is recorded`, 'personId'));
    if (ctx.day < task.day) issues.push(problem('before_task', `task '${e.taskId}' is on ${task.day}`, 'at'));
    return issues;
  },
  scope: (state, e) => ({ units: unitsOf(tableGet(state.tasks, e.taskId)?.unitId), action: 'record' }),
  recipe: (state, e) => {
    const t = tableEdit(state.tasks, e.taskId);
    t.attended = [...t.attended, { personId: e.personId, hours: e.hours }];
  },
};
