// A finished maintenance record's PDF: the same A4 record the customer signs, made once by the host's renderer (the
// desktop app's printToPDF, the headless host's Chromium) from the record's print page, stored as the task's
// attachment (bytes under <dataDir>/attachments by SHA-256, the row in mnt_record_pdf, journaled), and read back by
// the sync to attach it to the record's ticket. The core itself cannot lay out the page: without a renderer it
// says so, and the sync tries again later. A render runs beside the sync, never inside its push.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/contract/app-error';
import type { CoreContext } from '../context';
import { attachmentPath, storeAttachmentFile } from '../incidents/incident-attachments';
import { inTransaction } from '../journal/service';
import type { PrintCapabilities } from './print-capability';

/**
 * Renders the record's print page to an A4 PDF. `pagePath` is the renderer's hash route with a one-time print token
 * (`/record-pdf?token=…`): the page reads exactly that task's record with it, nobody signed in.
 */
export type RecordPdfRenderer = (job: { taskId: string; pagePath: string }) => Promise<Uint8Array>;

export const recordPdfPagePath = (token: string): string => `/record-pdf?token=${encodeURIComponent(token)}`;

/**
 * A script a renderer evaluates in the print page until it answers 'ready' (the record laid out, its fonts loaded)
 * or 'error:<code>' (renderer/src/maintenance/RecordPdfPage.tsx); 'wait' meanwhile.
 */
export const recordPdfPageState = `(() => {
  const failed = document.querySelector('[data-record-pdf-error]');
  if (failed) return 'error:' + failed.getAttribute('data-record-pdf-error');
  return document.querySelector('[data-ready="true"] [data-testid="maintenance-record"]') && document.fonts.status === 'loaded' ? 'ready' : 'wait';
})()`;

/** A render longer than this has failed (the page never said it was ready). */
export const recordPdfRenderTimeoutMs = 60_000;
const pdfOperator = 'system';

export interface StoredRecordPdf {
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

export interface RecordPdfMaker {
  /**
   * The record's stored PDF. When there is none yet, starts making it and throws `record_pdf_pending` (ask again
   * soon), or throws `record_pdf_unavailable` (no renderer) / `record_pdf_failed` (the last try failed, with why).
   */
  pdfOf(taskId: string): Promise<StoredRecordPdf>;
  stop(): Promise<void>;
}

/** Why a render failed, in the words the sync page shows: the renderer's own reason, else the error's message. */
function reasonOf(err: unknown): string {
  if (err instanceof AppError) return typeof err.params?.reason === 'string' ? err.params.reason : err.code;
  return err instanceof Error ? err.message : String(err);
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function storedRecordPdf(ctx: CoreContext, taskId: string): Promise<StoredRecordPdf | null> {
  const row = await ctx.db.selectFrom('mnt_record_pdf').selectAll().where('task_id', '=', taskId).executeTakeFirst();
  if (!row) return null;
  const bytes = await readFile(attachmentPath(ctx.dataDir, row.sha256));
  if (sha256Of(bytes) !== row.sha256) throw new AppError('attachment_corrupt', 'attachment_corrupt', { fileName: row.file_name });
  return { fileName: row.file_name, sha256: row.sha256, bytes };
}

/** Keeps the made PDF: the file durably first, then its row and journal entry in one transaction. */
async function storePdf(ctx: CoreContext, taskId: string, pdf: Uint8Array): Promise<void> {
  const bytes = Buffer.from(pdf);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('record_pdf_failed', 'record_pdf_failed', { reason: 'the renderer gave no PDF' });
  const task = await ctx.db.selectFrom('mnt_task').select(['number', 'state']).where('id', '=', taskId).executeTakeFirstOrThrow();
  const fileName = `${task.number}-record.pdf`;
  const sha256 = sha256Of(bytes);
  await storeAttachmentFile(ctx.dataDir, { fileName, mime: 'application/pdf', bytes, sha256 });
  await inTransaction(ctx, async (trx, journal) => {
    const made = await trx
      .insertInto('mnt_record_pdf')
      .values({ task_id: taskId, sha256, file_name: fileName, size: bytes.length, made_at: ctx.clock.now() })
      .onConflict((oc) => oc.column('task_id').doNothing())
      .executeTakeFirst();
    if (Number(made.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await journal({ type: 'maintenance.record_pdf_made', entityType: 'maintenance_task', entityId: taskId, payload: { taskId, number: task.number, fileName, sha256, size: bytes.length }, operator: pdfOperator });
  });
}

export function createRecordPdfMaker(ctx: CoreContext, renderer: RecordPdfRenderer | null, capabilities: PrintCapabilities): RecordPdfMaker {
  const running = new Map<string, Promise<void>>();
  /** Why the last try for a task failed; told once to the sync, then the next ask tries again. */
  const failures = new Map<string, string>();
  let stopped = false;

  async function make(taskId: string, render: RecordPdfRenderer): Promise<void> {
    const token = capabilities.issue(taskId);
    try {
      const pdf = await render({ taskId, pagePath: recordPdfPagePath(token) });
      if (!stopped) await storePdf(ctx, taskId, pdf);
      failures.delete(taskId);
    } catch (err) {
      failures.set(taskId, reasonOf(err));
      if (!stopped) console.warn(`[core] the maintenance record's PDF could not be made (${taskId}): ${failures.get(taskId)}`);
    } finally {
      capabilities.revoke(token);
      running.delete(taskId);
      // The sync asks again: it hears of the new entry (made) or retries after its wait (failed).
      if (!stopped) ctx.emit('maintenance.changed', { taskIds: [taskId] });
    }
  }

  return {
    async pdfOf(taskId) {
      const stored = await storedRecordPdf(ctx, taskId);
      if (stored) return stored;
      if (!renderer) throw new AppError('record_pdf_unavailable', 'record_pdf_unavailable');
      if (running.has(taskId)) throw new AppError('record_pdf_pending', 'record_pdf_pending');
      const failed = failures.get(taskId);
      if (failed !== undefined) {
        failures.delete(taskId);
        throw new AppError('record_pdf_failed', 'record_pdf_failed', { reason: failed });
      }
      if (stopped) throw new AppError('record_pdf_pending', 'record_pdf_pending');
      running.set(taskId, make(taskId, renderer));
      throw new AppError('record_pdf_pending', 'record_pdf_pending');
    },
    async stop() {
      stopped = true;
      await Promise.race([Promise.all(running.values()), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}
