// Seeds five years of maintenance: plans over the register, their quarterly tasks, and every item result, written in
// bulk (not journaled: the due list and task reads never touch the journal, and 2 million chained entries would only
// measure the seeding).
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { databaseFileName } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open-database';
import type { Trx } from '../../electron/core/db/database';
import { ensureShippedTemplates } from '../../electron/core/maintenance/template-service';
import { addDays, localDayOf, occurrenceDay } from '../../shared/domain/maintenance/frequency';

export interface MaintenanceSeed { plans: number; tasks: number; taskDevices: number; results: number; ms: number }

const itemIds = ['dvr-board', 'dvr-disk', 'dvr-psu', 'dvr-retention', 'clean'];

async function insertRows<T extends 'mnt_task_device' | 'mnt_result'>(trx: Trx, table: T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await trx.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
}

export async function seedMaintenanceHistory(
  dataDir: string,
  options: { plans: number; devicesPerTask: number; years: number; onProgress?: (results: number) => void },
): Promise<MaintenanceSeed> {
  const db = await openDatabase(join(dataDir, databaseFileName));
  const started = performance.now();
  let tasks = 0;
  let taskDevices = 0;
  let results = 0;
  try {
    await ensureShippedTemplates(db, Date.now());
    const deviceIds = (await db.selectFrom('device').select('id').orderBy('seq').execute()).map((d) => d.id);
    const today = localDayOf(Date.now());
    const per = Math.floor(deviceIds.length / options.plans);
    for (let p = 0; p < options.plans; p += 1) {
      const planId = uuidv7();
      // Plans start spread over a quarter five years back, so today's due list holds some of each state.
      const startsOn = addDays(today, -options.years * 365 - (p % 90));
      const devices = deviceIds.slice(p * per, p * per + options.devicesPerTask);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('mnt_plan').values({ id: planId, name: `季度保养 ${p + 1}`, site: '会展中心', template_id: 'cctv-equipment', scope: JSON.stringify({ kind: 'devices', deviceIds: devices }), frequency: 'quarterly', every_days: null, window_days: 14, engineer: '李工', starts_on: startsOn, occurrences: 0, active: 1, created_at: Date.now(), updated_at: Date.now() }).execute();
        let n = 0;
        for (; ; n += 1) {
          const dueOn = occurrenceDay(startsOn, 'quarterly', null, n);
          if (dueOn > addDays(today, 7)) break;
          const open = occurrenceDay(startsOn, 'quarterly', null, n + 1) > addDays(today, 7);
          const taskId = uuidv7();
          const at = Date.parse(`${dueOn}T10:00:00`);
          await trx.insertInto('mnt_task').values({ id: taskId, number: `WB-${dueOn.replaceAll('-', '')}-${String(p + 1).padStart(3, '0')}`, kind: 'planned', plan_id: planId, occurrence: n, title: `季度保养 ${p + 1}`, site: '会展中心', system_id: 'cctv', template_id: 'cctv-equipment', template_version: 1, engineer: '李工', due_on: dueOn, deadline: addDays(dueOn, 14), state: open ? 'open' : 'done', findings: '', suggestions: '', details: '{}', device_count: devices.length, failed_count: 0, started_at: open ? null : at, finished_at: open ? null : at, finished_by: open ? null : '李工', created_at: at, updated_at: at }).execute();
          await insertRows(trx, 'mnt_task_device', devices.map((d, sort) => ({ task_id: taskId, device_id: d, sort })));
          taskDevices += devices.length;
          tasks += 1;
          if (open) continue;
          const rows = devices.flatMap((d, i) => itemIds.map((itemId, j) => ({ task_id: taskId, device_id: d, item_id: itemId, value: itemId === 'dvr-retention' ? `{"reading":${30 + ((i + j + n) % 60)}}` : '{"outcome":"pass"}', outcome: 'pass', incident_id: null, updated_at: at, updated_by: '李工' })));
          await insertRows(trx, 'mnt_result', rows);
          results += rows.length;
        }
        await trx.updateTable('mnt_plan').set({ occurrences: n }).where('id', '=', planId).execute();
      });
      options.onProgress?.(results);
    }
    return { plans: options.plans, tasks, taskDevices, results, ms: performance.now() - started };
  } finally {
    await db.destroy();
  }
}
