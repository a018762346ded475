// The service history beside the SLA: devices that fail most, alarms per day, spare parts, maintenance, problem records.
import { sql } from 'kysely';
import type { AlarmDay, FailingDevice, MaintenanceCompletion, ProblemCounts, ReportFilter, SpareUse } from '../../../shared/contract/reports';
import type { AlarmSeverity } from '../../../shared/domain/devices/device-signals';
import { addDays } from '../../../shared/domain/maintenance/frequency';
import { defectStates } from '../../../shared/domain/problems/defect-lifecycle';
import type { Db } from '../db/database';
import { incidentsInPeriod } from './incident-facts';
import { dayStart, localDay } from './report-period';

/** How many devices the "fail most" table lists: the basis of 系统优化, not a full inventory. */
export const failingDevicesShown = 10;
const severities: readonly AlarmSeverity[] = ['critical', 'major', 'minor', 'info'];

type Scope = Pick<ReportFilter, 'systemId' | 'location'>;

/** A device's place as one text, for the location filter (building, floor, room as the register holds them). */
const devicePlace = sql<string>`(d.building || ' ' || d.floor || ' ' || d.room)`;

/** Devices by incidents linked to them in the period, then by alarms they raised in it, then by id. */
export async function failingDevices(db: Db, scope: Scope, startsAt: number, endsAt: number): Promise<FailingDevice[]> {
  // An alarm names its link (alarm.device_id is link.id); the link names the register's device it watches, if any.
  // Each link's count is one range of alarm_link_report (migration 0085): no alarm row read, no sort.
  const links = await watchingLinks(db, scope);
  const byLink = links.size === 0 ? [] : (await sql<{ link_id: string; n: number }>`
    select value as link_id, (select count(*) from alarm a where a.device_id = value and a.raised_at >= ${startsAt}
      and a.raised_at < ${endsAt} and a.state != 'status') as n
    from json_each(${JSON.stringify([...links.keys()])})`.execute(db)).rows;
  const byAlarms = new Map<string, number>();
  for (const r of byLink) {
    const deviceId = links.get(r.link_id);
    if (deviceId && r.n > 0) byAlarms.set(deviceId, (byAlarms.get(deviceId) ?? 0) + Number(r.n));
  }
  // The ranking in SQL: the period's incidents link thousands of devices, of which the table shows ten. The devices
  // themselves are of the system asked, whatever system their incidents were filed under.
  const periodIncidents = incidentsInPeriod(db, scope, startsAt, endsAt).select('id');
  const rows = await sql<{ id: string; name: string; asset_tag: string; system_id: string; building: string; floor: string; room: string; incidents: number; alarms: number }>`
    with by_incidents(device_id, n) as (
      select device_id, count(*) from incident_device where incident_id in ${periodIncidents} group by device_id
    ), by_alarms(device_id, n) as (
      select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${JSON.stringify([...byAlarms])})
    ), counted(device_id, incidents, alarms) as (
      select device_id, sum(incidents), sum(alarms) from (
        select device_id, n as incidents, 0 as alarms from by_incidents union all select device_id, 0, n from by_alarms
      ) group by device_id
    )
    select d.id, d.name, d.asset_tag, d.system_id, d.building, d.floor, d.room, c.incidents, c.alarms
    from counted c join device d on d.id = c.device_id ${scope.systemId ? sql`and d.system_id = ${scope.systemId}` : sql``}
    order by c.incidents desc, c.alarms desc, d.id limit ${failingDevicesShown}`.execute(db);
  return rows.rows.map((d) => {
    const place = [d.building, d.floor, d.room].filter(Boolean).join(' ');
    return { deviceId: d.id, name: d.name, assetTag: d.asset_tag, systemId: d.system_id, place, incidents: Number(d.incidents), alarms: Number(d.alarms) };
  });
}

/** Alarms raised per local day, by severity (status messages are not alarms); every day of the period, zeros included. */
export async function alarmsPerDay(db: Db, scope: Scope, from: string, to: string): Promise<AlarmDay[]> {
  const days: AlarmDay[] = [];
  const bounds: [string, number, number][] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push({ day, critical: 0, major: 0, minor: 0, info: 0 });
    // Local midnights, so a day is the customer's day (and 23 or 25 hours long where clocks change).
    bounds.push([day, dayStart(day), dayStart(addDays(day, 1))]);
  }
  const filtered = scope.systemId || scope.location ? [...(await watchingLinks(db, scope)).keys()] : null;
  if (filtered?.length === 0) return days;
  // One range of alarm_day_severity (migration 0085) per day and severity: the counts come from the index, in the
  // days' order, with nothing to sort (a GROUP BY over the period's alarms sorted them all first).
  const inLinks = filtered ? sql`and a.device_id in (select value from json_each(${JSON.stringify(filtered)}))` : sql``;
  const counts = severities.map((s) => sql`(select count(*) from alarm a where a.severity = ${s} and a.raised_at >= p.starts and a.raised_at < p.ends and a.state != 'status' ${inLinks}) as ${sql.ref(s)}`);
  const rows = await sql<{ day: string } & Record<AlarmSeverity, number>>`
    with period(day, starts, ends) as (select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(${JSON.stringify(bounds)}))
    select p.day as day, ${sql.join(counts)} from period p`.execute(db);
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const r of rows.rows) {
    const d = byDay.get(r.day);
    if (d) for (const severity of severities) d[severity] += Number(r[severity]);
  }
  return days;
}

/** The links that watch a register device of the scope's system and place: link id → device id. */
async function watchingLinks(db: Db, scope: Scope): Promise<Map<string, string>> {
  let q = db.selectFrom('link as l').innerJoin('device as d', 'd.id', 'l.asset_id').select(['l.id as link_id', 'd.id as device_id']);
  if (scope.systemId) q = q.where('d.system_id', '=', scope.systemId);
  if (scope.location) q = q.where(sql<number>`instr(${devicePlace}, ${scope.location})`, '>', 0);
  return new Map((await q.execute()).map((r) => [r.link_id, r.device_id]));
}

/**
 * Stock counted down (used) and up (added) in the period, per system and type: counted by hand (spares.set) or taken for
 * a repair (spares.taken); a part withdrawn as recorded by mistake went back (spares.returned) and was never used.
 */
export async function spareUse(db: Db, scope: Scope, startsAt: number, endsAt: number): Promise<SpareUse[]> {
  let q = db
    .selectFrom('journal')
    .select(['entity_id', 'payload'])
    .where('entity_type', '=', 'spare')
    .where('type', 'in', ['spares.set', 'spares.taken', 'spares.returned'])
    .where('at', '>=', startsAt)
    .where('at', '<', endsAt);
  if (scope.systemId) q = q.where('entity_id', '>=', `${scope.systemId}/`).where('entity_id', '<', `${scope.systemId}0`);
  const uses = new Map<string, SpareUse>();
  for (const r of await q.select('type').orderBy('seq').execute()) {
    const payload = JSON.parse(r.payload) as { from?: { quantity?: number } | null; quantity?: number };
    const change = (payload.quantity ?? 0) - (payload.from?.quantity ?? 0);
    if (change === 0) continue;
    const [systemId = '', typeId = ''] = r.entity_id.split('/');
    let use = uses.get(r.entity_id);
    if (!use) uses.set(r.entity_id, (use = { systemId, typeId, used: 0, added: 0 }));
    if (change < 0) use.used -= change;
    else if (r.type === 'spares.returned') use.used = Math.max(0, use.used - change);
    else use.added += change;
  }
  return [...uses.values()].sort((a, b) => b.used - a.used || a.systemId.localeCompare(b.systemId) || a.typeId.localeCompare(b.typeId));
}

/** Tasks due in the period: how many were done, done in time (by the deadline), and are late now. */
export async function maintenanceCompletion(db: Db, scope: Scope, from: string, to: string, now: number): Promise<MaintenanceCompletion> {
  let q = db.selectFrom('mnt_task').select(['state', 'deadline', 'finished_at']).where('due_on', '>=', from).where('due_on', '<=', to);
  if (scope.systemId) q = q.where('system_id', '=', scope.systemId);
  const today = localDay(now);
  const result: MaintenanceCompletion = { planned: 0, done: 0, onTime: 0, overdue: 0 };
  for (const t of await q.execute()) {
    result.planned += 1;
    if (t.state === 'done') {
      result.done += 1;
      if (t.finished_at !== null && localDay(t.finished_at) <= t.deadline) result.onTime += 1;
    } else if (today > t.deadline) result.overdue += 1;
  }
  return result;
}

export async function problemCounts(db: Db, scope: Scope, startsAt: number, endsAt: number): Promise<ProblemCounts> {
  let consultations = db.selectFrom('consultation').select((eb) => eb.fn.countAll<number>().as('n')).where('recorded_at', '>=', startsAt).where('recorded_at', '<', endsAt);
  let defects = db.selectFrom('defect').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('submitted_at', '>=', startsAt).where('submitted_at', '<', endsAt);
  if (scope.systemId) {
    consultations = consultations.where('system_id', '=', scope.systemId);
    defects = defects.where('system_id', '=', scope.systemId);
  }
  const [c, d] = await Promise.all([consultations.executeTakeFirstOrThrow(), defects.groupBy('state').execute()]);
  const byState = new Map(d.map((r) => [r.state, Number(r.n)]));
  return {
    consultations: Number(c.n),
    defects: d.reduce((n, r) => n + Number(r.n), 0),
    defectsByState: defectStates.map((state) => ({ state, count: byState.get(state) ?? 0 })),
  };
}
