// Photos and files of an incident: checked, stored once by their SHA-256 under <dataDir>/attachments, read back verified.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/contract/app-error';
import {
  attachmentMaxBytes,
  type AttachmentContent,
  type AttachmentFileInput,
  type AttachmentMimeType,
  type IncidentAttachment,
} from '../../../shared/contract/incidents';
import { canTransition, type IncidentState } from '../../../shared/domain/incidents/incident-lifecycle';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction, type NewEntry } from '../journal/service';
import { callerRole } from './caller-role';
import { requireIncident } from './incident-rows';
import type { IncidentAttachmentTable } from './schema';

export interface DecodedAttachment {
  fileName: string;
  mime: AttachmentMimeType;
  bytes: Buffer;
  sha256: string;
}

export const attachmentsFolder = 'attachments';
/** Numbers this process's half-written files, so two writes of the same file never share one. */
let partialFiles = 0;

// Magic numbers of the accepted formats, so a file is what its type claims (an .exe renamed .jpg is refused).
const signatures: Partial<Record<AttachmentMimeType, (b: Buffer) => boolean>> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/bmp': (b) => b.subarray(0, 2).toString('latin1') === 'BM',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

function looksLikeText(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Decodes and checks a file before anything is stored; throws AppError naming what is wrong. */
export function decodeAttachment(file: AttachmentFileInput): DecodedAttachment {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const params = { fileName: file.fileName, mime: file.mime };
  if (bytes.length === 0) throw new AppError('attachment_empty', 'attachment_empty', params);
  if (bytes.length > attachmentMaxBytes) {
    throw new AppError('attachment_too_large', 'attachment_too_large', { ...params, size: bytes.length, max: attachmentMaxBytes });
  }
  const matches = signatures[file.mime] ?? looksLikeText;
  if (!matches(bytes)) throw new AppError('attachment_content_mismatch', 'attachment_content_mismatch', params);
  return { fileName: file.fileName, mime: file.mime, bytes, sha256: sha256Of(bytes) };
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(dataDir, attachmentsFolder, sha256);
}

/**
 * Writes the file under its hash unless an intact copy is already there, durably (written, flushed, then renamed
 * into place), before the row that names it is committed: a committed attachment always has its bytes. A file
 * whose row never commits stays as an unnamed blob, which changes nothing anyone can see.
 */
export async function storeAttachmentFile(dataDir: string, file: DecodedAttachment): Promise<void> {
  const folder = join(dataDir, attachmentsFolder);
  const path = attachmentPath(dataDir, file.sha256);
  const present = await readFile(path).catch(() => null);
  if (present && sha256Of(present) === file.sha256) return;
  await mkdir(folder, { recursive: true });
  partialFiles += 1;
  const temporary = `${path}.${process.pid}-${partialFiles}.partial`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(file.bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  // The rename itself is durable once the folder is flushed; Windows cannot open a folder for that and needs not.
  if (process.platform !== 'win32') {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function toAttachment(r: Selectable<IncidentAttachmentTable>): IncidentAttachment {
  return { sha256: r.sha256, fileName: r.file_name, mime: r.mime as AttachmentMimeType, size: r.size, addedAt: r.added_at, addedBy: r.added_by };
}

/** Records a stored file against an incident inside the caller's transaction; the same file twice is kept once. */
export async function insertAttachment(
  ctx: CoreContext,
  trx: Trx,
  journal: (entry: NewEntry) => Promise<void>,
  incident: { id: string; number: string },
  file: DecodedAttachment,
  operator: string,
): Promise<IncidentAttachment> {
  const existing = await trx
    .selectFrom('incident_attachment')
    .selectAll()
    .where('incident_id', '=', incident.id)
    .where('sha256', '=', file.sha256)
    .executeTakeFirst();
  if (existing) return toAttachment(existing);
  const row = await trx
    .insertInto('incident_attachment')
    .values({
      incident_id: incident.id,
      sha256: file.sha256,
      file_name: file.fileName,
      mime: file.mime,
      size: file.bytes.length,
      added_at: ctx.clock.now(),
      added_by: operator,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const attachment = toAttachment(row);
  await journal({
    type: 'incident.attachment_added',
    entityType: 'incident',
    entityId: incident.id,
    payload: { number: incident.number, sha256: attachment.sha256, fileName: attachment.fileName, mime: attachment.mime, size: attachment.size },
    operator,
  });
  return attachment;
}

/** Adding a file is adding information: whoever may add a note may attach, in any state. */
function checkMayAttach(state: IncidentState, call: CallContext): void {
  const allowed = canTransition(state, 'add_note', callerRole(call));
  if (!allowed.ok) throw AppError.fromData(allowed.error);
}

export async function attachFile(
  ctx: CoreContext,
  call: CallContext,
  input: AttachmentFileInput & { id: string },
): Promise<IncidentAttachment> {
  checkMayAttach((await requireIncident(ctx.db, input.id)).state, call);
  const file = decodeAttachment(input);
  await storeAttachmentFile(ctx.dataDir, file);
  const attachment = await inTransaction(ctx, async (trx, journal) => {
    const incident = await requireIncident(trx, input.id);
    checkMayAttach(incident.state, call);
    const added = await insertAttachment(ctx, trx, journal, incident, file, call.operator);
    await trx.updateTable('incident').set({ updated_at: ctx.clock.now() }).where('id', '=', incident.id).execute();
    return added;
  });
  ctx.emit('incidents.changed', { ids: [input.id] });
  return attachment;
}

export async function listAttachments(db: Db, incidentId: string): Promise<IncidentAttachment[]> {
  const rows = await db
    .selectFrom('incident_attachment')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('added_at')
    .orderBy('file_name')
    .execute();
  return rows.map(toAttachment);
}

/** Reads an incident's file back, refusing one whose bytes no longer match their hash. */
export async function readAttachment(ctx: CoreContext, incidentId: string, sha256: string): Promise<AttachmentContent> {
  const row = await ctx.db
    .selectFrom('incident_attachment')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!row) throw new AppError('attachment_not_found', 'attachment_not_found', { id: incidentId, sha256 });
  let bytes: Buffer;
  try {
    bytes = await readFile(attachmentPath(ctx.dataDir, sha256));
  } catch (err) {
    throw new AppError('attachment_missing', 'attachment_missing', { id: incidentId, sha256, detail: (err as Error).message });
  }
  if (sha256Of(bytes) !== sha256) {
    throw new AppError('attachment_damaged', 'attachment_damaged', { id: incidentId, sha256 });
  }
  return { ...toAttachment(row), contentBase64: bytes.toString('base64') };
}

/** A copy of an incident's file to keep: journaled on the incident (who, which file, how big) before it is handed over. */
export async function downloadAttachment(ctx: CoreContext, call: CallContext, incidentId: string, sha256: string): Promise<AttachmentContent> {
  const content = await readAttachment(ctx, incidentId, sha256);
  await inTransaction(ctx, async (_trx, journal) => {
    const payload = { fileName: content.fileName, sha256, bytes: content.size };
    await journal({ type: 'incident.attachment_downloaded', entityType: 'incident', entityId: incidentId, payload, operator: call.operator });
  });
  return content;
}
