// The reports page's overview and the monthly service report, put together from the sections' queries.
import type { MonthlyReport, ReportFilter, ReportIncident, ReportMaintenanceTask, ReportOverview } from '../../../shared/contract/reports';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { milestoneOutcome } from '../../../shared/domain/reports/sla-compliance';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { alarmsPerDay, failingDevices, maintenanceCompletion, problemCounts, spareUse } from './activity-report';
import { type IncidentFact, incidentTexts, loadIncidentFacts } from './incident-facts';
import { monthDays, periodBounds } from './report-period';
import { slaSection } from './sla-report';
import { readSuggestions } from './suggestion-service';

/** How many misses the overview lists (the latest); the total is counted in full. */
export const missesShown = 500;

export async function reportOverview(ctx: CoreContext, filter: ReportFilter): Promise<ReportOverview> {
  return (await overviewWithFacts(ctx, filter)).overview;
}

async function overviewWithFacts(ctx: CoreContext, filter: ReportFilter): Promise<{ overview: ReportOverview; facts: IncidentFact[] }> {
  const now = ctx.clock.now();
  const { startsAt, endsAt } = periodBounds(filter);
  const db = ctx.db;
  const [facts, devices, alarms, spares, maintenance, problems] = await Promise.all([
    loadIncidentFacts(db, filter, startsAt, endsAt, now),
    failingDevices(db, filter, startsAt, endsAt),
    alarmsPerDay(db, filter, filter.from, filter.to),
    spareUse(db, filter, startsAt, endsAt),
    maintenanceCompletion(db, filter, filter.from, filter.to, now),
    problemCounts(db, filter, startsAt, endsAt),
  ]);
  const { sla, ...counts } = slaSection(facts, now);
  // The latest misses are the ones worth chasing; two years of them would only weigh the page down.
  const shown = sla.misses.slice(-missesShown);
  const texts = await incidentTexts(db, [...new Set(shown.map((m) => m.incidentId))]);
  const misses = shown.map((m) => ({ ...m, number: texts.get(m.incidentId)?.number ?? '', title: texts.get(m.incidentId)?.title ?? '' }));
  const overview: ReportOverview = {
    filter,
    startsAt,
    endsAt,
    generatedAt: now,
    sla: { ...sla, misses, missesTotal: sla.misses.length },
    ...counts,
    failingDevices: devices,
    alarmsPerDay: alarms,
    spareUse: spares,
    maintenance,
    problems,
  };
  return { overview, facts };
}

export async function monthlyReport(ctx: CoreContext, input: { month: string; systemId: string | null; location: string }): Promise<MonthlyReport> {
  const filter: ReportFilter = { ...monthDays(input.month), systemId: input.systemId, location: input.location };
  const [{ overview, facts }, maintenanceDone, suggestions] = await Promise.all([
    overviewWithFacts(ctx, filter),
    maintenanceDoneIn(ctx.db, filter),
    readSuggestions(ctx.db, input.month),
  ]);
  const texts = await incidentTexts(ctx.db, facts.map((f) => f.id));
  return { month: input.month, overview, incidents: facts.map((f) => toReportIncident(f, texts.get(f.id))), maintenanceDone, suggestions };
}

function toReportIncident(f: IncidentFact, text: { number: string; title: string; location: string; state: string; method: string } | undefined): ReportIncident {
  const resolution = f.milestones.milestones.resolution;
  return {
    id: f.id,
    number: text?.number ?? '',
    title: text?.title ?? '',
    level: f.level,
    systemId: f.systemId,
    location: text?.location ?? '',
    reportedAt: f.reportedAt,
    resolvedAt: resolution.state === 'met' ? resolution.at : null,
    state: text?.state ?? '',
    faultType: f.faultType,
    cause: f.cause,
    method: text?.method ?? '',
    missed: milestoneKinds.filter((k) => milestoneOutcome(f.milestones.milestones[k]) === 'missed'),
  };
}

/** Maintenance finished in the period (whatever its due day), oldest first. */
async function maintenanceDoneIn(db: Db, filter: ReportFilter): Promise<ReportMaintenanceTask[]> {
  const { startsAt, endsAt } = periodBounds(filter);
  let q = db
    .selectFrom('mnt_task')
    .select(['id', 'number', 'title', 'system_id', 'engineer', 'due_on', 'finished_at', 'device_count', 'failed_count', 'findings'])
    .where('state', '=', 'done')
    .where('finished_at', '>=', startsAt)
    .where('finished_at', '<', endsAt);
  if (filter.systemId) q = q.where('system_id', '=', filter.systemId);
  const rows = await q.orderBy('finished_at').execute();
  return rows.map((t) => ({
    id: t.id,
    number: t.number,
    title: t.title,
    systemId: t.system_id,
    engineer: t.engineer,
    dueOn: t.due_on,
    finishedAt: t.finished_at,
    devices: t.device_count,
    failed: t.failed_count,
    findings: t.findings,
  }));
}
