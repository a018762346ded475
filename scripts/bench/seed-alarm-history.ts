// Seeds two years of alarms (and the links that raised them, each watching a register device) and of maintenance
// tasks, in bulk beside a seeded register and incident history: what the reports read besides the incidents.
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { databaseFileName } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open-database';
import { ensureShippedTemplates } from '../../electron/core/maintenance/template-service';
import { addDays, localDayOf } from '../../shared/domain/maintenance/frequency';
import { seededRandom } from './device-generator';

const day = 86_400_000;
const severities = ['critical', 'major', 'minor', 'info'] as const;

export async function seedAlarmHistory(dataDir: string, options: { links: number; alarms: number; tasks: number; days: number }): Promise<{ ms: number }> {
  const db = await openDatabase(join(dataDir, databaseFileName));
  const random = seededRandom(20261207);
  const started = performance.now();
  const now = Date.now();
  try {
    await ensureShippedTemplates(db, now);
    const devices = (await db.selectFrom('device').select('id').orderBy('seq').limit(options.links).execute()).map((d) => d.id);
    const links = devices.map((assetId, i) => ({
      id: uuidv7(), name: `报警主机 ${i + 1}`, driver: 'contact-id' as const, port_path: `/dev/bench${i}`, match_serial_number: null, match_vendor_id: null,
      match_product_id: null, baud_rate: 9600, data_bits: 8 as const, parity: 'none' as const, stop_bits: 1 as const, protocol: '{}', asset_id: assetId,
      // Disabled: the core opens no port for them.
      enabled: 0 as const, created_at: now, updated_at: now,
    }));
    if (links.length > 0) await db.insertInto('link').values(links).execute();
    for (let n = 0; n < options.alarms; ) {
      await db.transaction().execute(async (trx) => {
        const rows = [];
        for (let i = 0; i < 20_000 && n < options.alarms; i += 1, n += 1) {
          const link = random.pick(links);
          const raisedAt = now - options.days * day + Math.floor((n / options.alarms) * options.days * day);
          rows.push({
            id: uuidv7(), device_id: link.id, device_name: link.name, condition_key: `zone-${random.int(1, 64)}`, event_code: 'E130',
            severity: random.pick(severities), text_zh: '防区报警', text_en: 'Zone alarm', point: '', state: 'restored' as const, ack_required: 1 as const,
            raised_at: raisedAt, last_raised_at: raisedAt, restored_at: raisedAt + 60_000, acknowledged_at: raisedAt + 120_000, acknowledged_by: '张伟',
            incident_id: null, detail: '{}',
          });
        }
        for (let i = 0; i < rows.length; i += 500) await trx.insertInto('alarm').values(rows.slice(i, i + 500)).execute();
      });
    }
    const today = localDayOf(now);
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < options.tasks; n += 1) {
        const dueOn = addDays(today, -options.days + Math.floor((n / options.tasks) * options.days));
        const done = random.chance(0.9);
        const finishedAt = done ? Date.parse(`${addDays(dueOn, random.int(0, 20))}T15:00:00`) : null;
        await trx.insertInto('mnt_task').values({
          id: uuidv7(), number: `WB-${dueOn.replaceAll('-', '')}-${String(n).padStart(4, '0')}`, kind: 'adhoc', plan_id: null, occurrence: null, title: '例行检查',
          site: '会展中心', system_id: 'cctv', template_id: 'cctv-equipment', template_version: 1, engineer: '李工', due_on: dueOn, deadline: addDays(dueOn, 14),
          state: done ? 'done' : 'open', findings: '', suggestions: '', details: '{}', device_count: 0, failed_count: 0, started_at: finishedAt,
          finished_at: finishedAt, finished_by: done ? '李工' : null, created_at: now, updated_at: now,
        }).execute();
      }
    });
    return { ms: performance.now() - started };
  } finally {
    await db.destroy();
  }
}
