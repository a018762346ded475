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

/** Devices by incidents linked to them in the period, then by alarms they raised in it. */
export async function failingDevices(db: Db, scope: Scope, startsAt: number, endsAt: number): Promise<FailingDevice[]> {
  const byIncidents = await db
    .selectFrom('incident_device as idv')
    .select(['idv.device_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('idv.incident_id', 'in', incidentsInPeriod(db, scope, startsAt, endsAt).select('id'))
    .groupBy('idv.device_id')
    .execute();
  // An alarm names its link (alarm.device_id is link.id); the link names the register's device it watches, if any.
  const links = await watchingLinks(db, scope);
  const byLink = await alarmCounts(db, startsAt, endsAt)
    .select(['device_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('device_id')
    .execute();
  const byAlarms = new Map<string, number>();
  for (const r of byLink) {
    const deviceId = links.get(r.device_id);
    if (deviceId) byAlarms.set(deviceId, (byAlarms.get(deviceId) ?? 0) + Number(r.n));
  }
  const counts = new Map<string, { incidents: number; alarms: number }>();
  for (const r of byIncidents) counts.set(r.device_id, { incidents: Number(r.n), alarms: 0 });
  for (const [deviceId, n] of byAlarms) counts.set(deviceId, { incidents: counts.get(deviceId)?.incidents ?? 0, alarms: n });
  if (counts.size === 0) return [];
  // The devices themselves are of the system asked, whatever system their incidents were filed under.
  const devices: { id: string; name: string; asset_tag: string; system_id: string; building: string; floor: string; room: string }[] = [];
  const ids = [...counts.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    let q = db.selectFrom('device as d').select(['d.id', 'd.name', 'd.asset_tag', 'd.system_id', 'd.building', 'd.floor', 'd.room']).where('d.id', 'in', ids.slice(i, i + 500));
    if (scope.systemId) q = q.where('d.system_id', '=', scope.systemId);
    devices.push(...(await q.execute()));
  }
  const byId = new Map(devices.map((d) => [d.id, d]));
  const top = [...counts].filter(([id]) => byId.has(id)).sort(([, a], [, b]) => b.incidents - a.incidents || b.alarms - a.alarms).slice(0, failingDevicesShown);
  return top.flatMap(([id, n]) => {
    const d = byId.get(id);
    if (!d) return [];
    const place = [d.building, d.floor, d.room].filter(Boolean).join(' ');
    return [{ deviceId: id, name: d.name, assetTag: d.asset_tag, systemId: d.system_id, place, incidents: n.incidents, alarms: n.alarms }];
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
  // One range of the alarm_report index per day (migration 0083): the counts come from the index, not the rows. CROSS
  // JOIN keeps the days outside: filtered by link, SQLite would otherwise walk each link's alarms and scan the days for each.
  const rows = await sql<{ day: string; severity: AlarmSeverity; n: number }>`
    with period(day, starts, ends) as (select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(${JSON.stringify(bounds)}))
    select p.day as day, a.severity as severity, count(*) as n from period p
    cross join alarm a on a.raised_at >= p.starts and a.raised_at < p.ends and a.state != 'status'
    ${filtered ? sql`and a.device_id in (${sql.join(filtered)})` : sql``}
    group by p.day, a.severity`.execute(db);
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const r of rows.rows) {
    const d = byDay.get(r.day);
    if (d && severities.includes(r.severity)) d[r.severity] += Number(r.n);
  }
  return days;
}

/** Alarms (not status messages) raised in [startsAt, endsAt), answered from the alarm_report index. */
function alarmCounts(db: Db, startsAt: number, endsAt: number) {
  return db.selectFrom('alarm').where('raised_at', '>=', startsAt).where('raised_at', '<', endsAt).where('state', '!=', 'status');
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
