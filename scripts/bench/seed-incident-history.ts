// Seeds years of incident history on top of a register: incidents with their timelines and journal entries, and device changes.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../../electron/core/context';
import { openJournalKey } from '../../electron/core/journal/journal-key';
import { databaseFileName } from '../../electron/core/core';
import type { Trx } from '../../electron/core/db/database';
import { openDatabase } from '../../electron/core/db/open-database';
import { appendEntries, type NewEntry } from '../../electron/core/journal/service';
import type { IncidentEventType } from '../../shared/domain/incidents/sla-clock';
import type { SlaLevel } from '../../shared/domain/incidents/sla-levels';
import { type Random, seededRandom } from './device-generator';

export interface HistoryOutcome {
  incidents: number;
  openIncidents: number;
  entries: number;
  ms: number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const levels: readonly SlaLevel[] = ['I', 'II', 'II', 'III', 'III', 'III', 'IV', 'IV', 'IV', 'IV'];
const operators = ['张伟', '李娜', '王强', '刘洋', '陈静', '赵磊', 'engineer-3', 'supervisor'];
const faults = ['摄像机画面黑屏', '硬盘录像机报警', '门禁控制器离线', '广播无声', '交换机端口掉线', 'UPS 电池告警', '停车场道闸不抬杆', '空调漏水告警'];
const lifecycle: readonly IncidentEventType[] = ['responded', 'plan_submitted', 'work_started', 'resolved', 'fault_report_submitted', 'closed'];
const stateAfter: Record<string, string> = {
  reported: 'reported',
  responded: 'responded',
  plan_submitted: 'plan_submitted',
  work_started: 'in_progress',
  resolved: 'resolved',
  fault_report_submitted: 'fault_report_submitted',
  closed: 'closed',
};

interface Step {
  type: IncidentEventType;
  at: number;
  by: string;
  data: Record<string, unknown>;
}

/** One incident's life: reported, notes while it is handled, the lifecycle up to `stepsDone`. */
function incidentSteps(random: Random, reportedAt: number, level: SlaLevel, notes: number, stepsDone: number): Step[] {
  const steps: Step[] = [{ type: 'reported', at: reportedAt, by: random.pick(operators), data: { level } }];
  let at = reportedAt;
  const lifecycleSteps = lifecycle.slice(0, stepsDone);
  const perGap = Math.ceil(notes / Math.max(1, lifecycleSteps.length));
  let left = notes;
  for (const type of lifecycleSteps) {
    for (let i = 0; i < perGap && left > 0; i += 1, left -= 1) {
      at += random.int(1, 20) * minute;
      steps.push({ type: 'note_added', at, by: random.pick(operators), data: { text: `现场记录 ${i + 1}：${random.pick(faults)}，已检查线路` } });
    }
    at += random.int(5, 90) * minute;
    steps.push({ type, at, by: random.pick(operators), data: type === 'plan_submitted' ? { plan: '更换故障部件，恢复后观察 24 小时' } : {} });
  }
  for (; left > 0; left -= 1) {
    at += random.int(1, 20) * minute;
    steps.push({ type: 'note_added', at, by: random.pick(operators), data: { text: `跟进：${random.pick(faults)}` } });
  }
  return steps;
}

/**
 * Fills the database beside a seeded register to about `targetEntries` journal entries: `incidents` incidents over
 * the past two years (the newest `open` still open), most entries their steps, the rest device changes.
 */
export async function seedIncidentHistory(
  dataDir: string,
  options: { incidents: number; open: number; targetEntries: number; batchSize: number; onProgress?: (entries: number) => void },
): Promise<HistoryOutcome> {
  const db = await openDatabase(join(dataDir, databaseFileName));
  const random = seededRandom(20261125);
  const times: number[] = [];
  // appendEntries stamps each entry with clock.now(), in order: the clock hands out the prepared times.
  const ctx: CoreContext = { db, dataDir, journalKey: openJournalKey(dataDir).key, clock: { now: () => times.shift() ?? Date.now() }, newId: uuidv7, emit: () => undefined };
  try {
    const systems = (await db.selectFrom('catalog_system').select('id').execute()).map((s) => s.id);
    const devices = (await db.selectFrom('device').select('id').execute()).map((d) => d.id);
    const already = Number((await db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const budget = options.targetEntries - already;
    const deviceShare = Math.round(budget * 0.08);
    const perIncident = (budget - deviceShare) / options.incidents;
    const now = Date.now();
    const span = 730 * day;
    const started = performance.now();
    let entries = already;
    let pending: NewEntry[] = [];

    const flush = async (trx: Trx) => {
      await appendEntries(ctx, trx, pending);
      entries += pending.length;
      pending = [];
    };

    let n = 0;
    while (n < options.incidents) {
      const until = Math.min(options.incidents, n + options.batchSize);
      await db.transaction().execute(async (trx) => {
        for (; n < until; n += 1) {
          const open = n >= options.incidents - options.open;
          const reportedAt = open ? now - random.int(10, 72 * 60) * minute : now - span + Math.floor((n / options.incidents) * (span - 4 * day));
          const level = random.pick(levels);
          // Lifecycle steps (≤ 6) plus the report; the rest of this incident's share are notes.
          const stepsDone = open ? random.int(0, 3) : 6;
          const notes = Math.max(0, Math.round(perIncident - 1 - stepsDone + (random.next() - 0.5) * perIncident));
          const steps = incidentSteps(random, reportedAt, level, notes, stepsDone);
          const id = uuidv7();
          const date = new Date(reportedAt);
          const number = `GZ-${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}-${String(n).padStart(5, '0')}`;
          const title = random.pick(faults);
          const last = steps.at(-1)!;
          await trx
            .insertInto('incident')
            .values({
              id, number, level, suggested_level: level, suggestion_basis: 'nothing_answered', state: stateAfter[lifecycle[stepsDone - 1] ?? 'reported'] as 'reported',
              system_id: random.pick(systems), title, description: `${title}，值班员发现后报修`, location: `A座 ${random.int(1, 20)}F 机房`,
              reporter: steps[0]!.by, callback_phone: '', device_text: '', occurred_at: reportedAt, fault_type: '', cause: '', method: '', loss: '',
              prevention: '', plan: '', emergency_plan: '', reported_at: reportedAt, reported_by: steps[0]!.by, updated_at: last.at,
            })
            .execute();
          await trx
            .insertInto('incident_event')
            .values(steps.map((s) => ({ incident_id: id, type: s.type, at: s.at, by: s.by, data: JSON.stringify(s.data) })))
            .execute();
          const device = devices.length > 0 && random.chance(0.6) ? random.pick(devices) : null;
          if (device) {
            await trx.insertInto('incident_device').values({ incident_id: id, device_id: device, linked_at: reportedAt, linked_by: steps[0]!.by }).execute();
          }
          for (const s of steps) {
            times.push(s.at);
            pending.push({ type: `incident.${s.type}`, entityType: 'incident', entityId: id, payload: { number, ...s.data }, operator: s.by });
          }
          if (device) {
            times.push(reportedAt);
            pending.push({ type: 'device.incident_linked', entityType: 'device', entityId: device, payload: { incidentId: id, number }, operator: steps[0]!.by });
          }
        }
        await flush(trx);
      });
      options.onProgress?.(entries);
    }

    // Device changes (moves, status, notes) spread over the same years, until the target is reached.
    while (entries < options.targetEntries && devices.length > 0) {
      await db.transaction().execute(async (trx) => {
        const count = Math.min(20_000, options.targetEntries - entries);
        for (let i = 0; i < count; i += 1) {
          times.push(now - span + Math.floor(random.next() * span));
          pending.push({
            type: 'device.updated',
            entityType: 'device',
            entityId: random.pick(devices),
            payload: { changes: { status: random.pick(['in_service', 'faulty', 'repairing']), notes: '巡检后更新' } },
            operator: random.pick(operators),
          });
        }
        await flush(trx);
      });
      options.onProgress?.(entries);
    }
    return { incidents: options.incidents, openIncidents: options.open, entries, ms: performance.now() - started };
  } finally {
    await db.destroy();
  }
}
