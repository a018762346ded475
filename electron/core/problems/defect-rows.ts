// A defect's rows read back: the form, its steps, its devices.
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Device } from '../../../shared/contract/assets';
import type { Defect, DefectStep } from '../../../shared/contract/problems';
import { toDevice } from '../assets/device-service';
import type { Db, Trx } from '../db/database';
import type { DefectTable } from './schema';

export type DefectRow = Selectable<DefectTable>;

export function toDefect(r: DefectRow): Defect {
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    title: r.title,
    description: r.description,
    submitter: r.submitter,
    systemId: r.system_id,
    incidentId: r.incident_id,
    consultationId: r.consultation_id,
    upstream: r.upstream,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
  };
}

export async function requireDefect(db: Db | Trx, id: string): Promise<DefectRow> {
  const row = await db.selectFrom('defect').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('defect_not_found', 'defect_not_found', { id });
  return row;
}

export async function defectSteps(db: Db | Trx, id: string): Promise<DefectStep[]> {
  const rows = await db.selectFrom('defect_step').selectAll().where('defect_id', '=', id).orderBy('seq').execute();
  return rows.map((r) => ({ action: r.action as DefectStep['action'], by: r.by, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export async function defectDevices(db: Db | Trx, id: string): Promise<Device[]> {
  const rows = await db
    .selectFrom('defect_device as l')
    .innerJoin('device as d', 'd.id', 'l.device_id')
    .selectAll('d')
    .where('l.defect_id', '=', id)
    .orderBy('l.linked_at')
    .orderBy('d.seq')
    .execute();
  return rows.map(toDevice);
}
