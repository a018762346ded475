// The reports page's overview and the monthly service report, put together from the sections' queries.
import { sql } from 'kysely';
import type { MonthlyReport, ReportFilter, ReportIncident, ReportMaintenanceTask, ReportOverview } from '../../../shared/contract/reports';
import { milestoneKinds } from '../../../shared/domain/incidents/sla-clock';
import { milestoneOutcome } from '../../../shared/domain/reports/sla-compliance';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { alarmsPerDay, failingDevices, maintenanceCompletion, problemCounts, spareUse } from './activity-report';
import { type IncidentFact, incidentTexts, loadIncidentFacts } from './incident-facts';
import { keepSettled, tallySettled } from './incident-sla-summary';
import { monthDays, periodBounds } from './report-period';
import { newSlaTally, type SlaSection, tallyFact } from './sla-report';
import { readSuggestions } from './suggestion-service';

/** How many misses the overview lists (the latest); the total is counted in full. */
export const missesShown = 500;

export async function reportOverview(ctx: CoreContext, filter: ReportFilter): Promise<ReportOverview> {
  return overviewAt(ctx, filter, ctx.clock.now());
}

async function overviewAt(ctx: CoreContext, filter: ReportFilter, now: number): Promise<ReportOverview> {
  const { startsAt, endsAt } = periodBounds(filter);
  const db = ctx.db;
  const [{ sla, ...counts }, devices, alarms, spares, maintenance, problems] = await Promise.all([
    slaOf(db, filter, startsAt, endsAt, now),
    failingDevices(db, filter, startsAt, endsAt),
    alarmsPerDay(db, filter, filter.from, filter.to),
    spareUse(db, filter, startsAt, endsAt),
    maintenanceCompletion(db, filter, filter.from, filter.to, now),
    problemCounts(db, filter, startsAt, endsAt),
  ]);
  // The latest misses are the ones worth chasing; two years of them would only weigh the page down.
  const texts = await incidentTexts(db, [...new Set(sla.misses.map((m) => m.incidentId))]);
  const misses = sla.misses.map((m) => ({ ...m, number: texts.get(m.incidentId)?.number ?? '', title: texts.get(m.incidentId)?.title ?? '' }));
  return {
    filter,
    startsAt,
    endsAt,
    generatedAt: now,
    sla: { ...sla, misses },
    ...counts,
    failingDevices: devices,
    alarmsPerDay: alarms,
    spareUse: spares,
    maintenance,
    problems,
  };
}

/**
 * The SLA section: the kept judgements of settled incidents summed in SQL, the others judged from their clock events
 * (incident-sla-summary.ts). Both read on one held connection in one read transaction, so an incident appending an
 * event meanwhile is counted once, either way; then the newly settled judgements are kept for the next report.
 */
async function slaOf(db: Db, filter: ReportFilter, startsAt: number, endsAt: number, now: number): Promise<SlaSection> {
  const tally = newSlaTally();
  const judged = await db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      await tallySettled(conn, tally, filter, startsAt, endsAt, now, missesShown);
      return await loadIncidentFacts(conn, filter, startsAt, endsAt, now, { unsummarizedAt: now });
    } finally {
      await sql`commit`.execute(conn);
    }
  });
  for (const f of judged) tallyFact(tally, f, now);
  // Only a saving for later reports: this one is complete without it, so a refused write (a full disk) is not its error.
  await keepSettled(db, judged).catch(() => undefined);
  return tally.finish(missesShown);
}

export async function monthlyReport(ctx: CoreContext, input: { month: string; systemId: string | null; location: string }): Promise<MonthlyReport> {
  const filter: ReportFilter = { ...monthDays(input.month), systemId: input.systemId, location: input.location };
  const { startsAt, endsAt } = periodBounds(filter);
  const now = ctx.clock.now();
  const [overview, facts, maintenanceDone, suggestions] = await Promise.all([
    overviewAt(ctx, filter, now),
    loadIncidentFacts(ctx.db, filter, startsAt, endsAt, now),
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
