// Reporting an emergency: the duty guard's form becomes a numbered incident, committed before the screen says so.
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import type { Device } from '../../../shared/contract/assets';
import type { Incident, ReportedIncident } from '../../../shared/contract/incidents';
import type { MethodArgs } from '../../../shared/contract';
import { canTransition } from '../../../shared/domain/incidents/incident-lifecycle';
import { type LevelSuggestion, suggestLevel } from '../../../shared/domain/incidents/level-suggestion';
import type { CallContext, CoreContext } from '../context';
import type { Trx } from '../db/database';
import { inTransaction, type NewEntry } from '../journal/service';
import { callerRole } from './caller-role';
import { decodeAttachment, insertAttachment, storeAttachmentFile } from './incident-attachments';
import { insertDeviceLinks, requireDevices } from './incident-devices';
import { appendEvent, type IncidentRow, toIncident } from './incident-rows';

const numberPrefix = 'GZ';

/** YYYYMMDD of the site's local day: the console runs in the machine room it serves. */
function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** GZ-YYYYMMDD-NNN: the day's next number (three digits, more past 999). */
async function nextNumber(trx: Trx, at: number): Promise<string> {
  const prefix = `${numberPrefix}-${localDay(at)}-`;
  const last = await trx
    .selectFrom('incident')
    .select(sql<number | null>`max(cast(substr(number, ${prefix.length + 1}) as integer))`.as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirst();
  return `${prefix}${String(Number(last?.n ?? 0) + 1).padStart(3, '0')}`;
}

function firstLine(text: string, max = 80): string {
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function deviceLocation(device: Device | undefined): string {
  if (!device) return '';
  return [device.building, device.floor, device.room].filter(Boolean).join(' ');
}

type Journal = (entry: NewEntry) => Promise<void>;

export interface FiledIncident {
  incident: Incident;
  row: IncidentRow;
  devices: Device[];
  suggestion: LevelSuggestion;
}

/**
 * The incident, its first timeline event and its device links with their journal entries, inside the caller's
 * transaction: shared by the guard's report and by alarm rules that open incidents as part of an alarm's commit.
 */
export async function fileIncident(
  ctx: CoreContext,
  trx: Trx,
  journal: Journal,
  call: CallContext,
  input: Omit<MethodArgs<'incidents.report'>, 'photos'>,
): Promise<FiledIncident> {
  const allowed = canTransition(null, 'report', callerRole(call));
  if (!allowed.ok) throw AppError.fromData(allowed.error);
  const suggestion = suggestLevel(input.facts);
  const level = input.level ?? suggestion.level;
  const system = await trx.selectFrom('catalog_system').select('id').where('id', '=', input.systemId).executeTakeFirst();
  if (!system) throw new AppError('catalog_unknown_system', 'catalog_unknown_system', { systemId: input.systemId });
  const devices = await requireDevices(trx, input.deviceIds);
  const now = ctx.clock.now();
  if (input.occurredAt !== undefined && input.occurredAt > now) {
    throw new AppError('incident_occurred_in_future', 'incident_occurred_in_future', { occurredAt: input.occurredAt, now });
  }
  const row = await trx
    .insertInto('incident')
    .values({
      id: ctx.newId(),
      number: await nextNumber(trx, now),
      level,
      suggested_level: suggestion.level,
      suggestion_basis: suggestion.basis,
      state: allowed.value,
      system_id: input.systemId,
      title: input.title || firstLine(input.description),
      description: input.description,
      location: input.location || deviceLocation(devices[0]),
      reporter: input.reporter,
      callback_phone: input.callbackPhone,
      device_text: input.deviceText,
      occurred_at: input.occurredAt ?? now,
      fault_type: '',
      cause: '',
      method: '',
      loss: '',
      prevention: '',
      plan: '',
      emergency_plan: '',
      reported_at: now,
      reported_by: call.operator,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, row.id, { type: 'reported', at: now, by: call.operator, level });
  const incident = toIncident(row);
  await journal({
    type: 'incident.reported',
    entityType: 'incident',
    entityId: row.id,
    payload: {
      number: incident.number,
      level,
      suggestedLevel: suggestion.level,
      suggestionBasis: suggestion.basis,
      systemId: incident.systemId,
      title: incident.title,
      callbackPhone: incident.callbackPhone,
      deviceText: incident.deviceText,
      deviceIds: devices.map((d) => d.id),
      occurredAt: incident.record.occurredAt,
      location: incident.record.location,
      reporter: incident.record.reporter,
      description: incident.record.description,
    },
    operator: call.operator,
  });
  await insertDeviceLinks(ctx, trx, journal, row, devices, call.operator);
  return { incident, row, devices, suggestion };
}

/**
 * Files are checked and written before the transaction (an unnamed blob if it then fails); the incident, its first
 * timeline event, its device links and attachment rows and their journal entries are one transaction, and the call
 * answers only after its COMMIT (synchronous=FULL, see open-database.ts).
 */
export async function reportIncident(ctx: CoreContext, call: CallContext, input: MethodArgs<'incidents.report'>): Promise<ReportedIncident> {
  const allowed = canTransition(null, 'report', callerRole(call));
  if (!allowed.ok) throw AppError.fromData(allowed.error);
  const photos = input.photos.map(decodeAttachment);
  for (const photo of photos) await storeAttachmentFile(ctx.dataDir, photo);

  const { incident, deviceIds, suggestion } = await inTransaction(ctx, async (trx, journal) => {
    const filed = await fileIncident(ctx, trx, journal, call, input);
    for (const photo of photos) await insertAttachment(ctx, trx, journal, filed.row, photo, call.operator);
    return { incident: filed.incident, deviceIds: filed.devices.map((d) => d.id), suggestion: filed.suggestion };
  });
  ctx.emit('incidents.changed', { ids: [incident.id] });
  if (deviceIds.length) ctx.emit('assets.changed', { ids: deviceIds });
  return { incident, suggestion };
}
