// Migration 0061: a finished maintenance record's PDF goes upstream with its ticket (issue 14). The PDF is stored
// once per task (its bytes under <dataDir>/attachments by SHA-256, like every attachment), and the entry journaled
// when the task is finished, `maintenance.record_pdf_due`, becomes an outbox item of the record: after its ticket,
// the PDF is attached to it (maintenance/record-pdf.ts, sync/maintenance-content.ts).
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: take one, so a kill half-way leaves no half schema.
  await db.transaction().execute(async (trx: AnyDb) => {
    await trx.schema
      .createTable('mnt_record_pdf')
      .addColumn('task_id', 'text', (c) => c.primaryKey().references('mnt_task.id'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('made_at', 'integer', (c) => c.notNull())
      .execute();
    // Beside 0053's trigger for the record's ticket, one for its PDF. It needs 0053's record columns: every console
    // with this migration has 0053 and runs it first; a folder given 0061 before 0053 (only a test makes one) sends
    // its records without their PDFs.
    const columns = await sql<{ name: string }>`select name from pragma_table_info('sync_item')`.execute(trx);
    if (!columns.rows.some((c) => c.name === 'record_kind')) return;
    await sql`
      create trigger sync_item_enqueue_record_pdf after insert on journal
      when new.entity_type = 'maintenance_task' and new.type = 'maintenance.record_pdf_due'
      begin
        insert into sync_item (entry_seq, entry_id, record_kind, record_id, entry_type, state, attempts)
        values (new.seq, new.id, 'maintenance', new.entity_id, new.type, 'waiting', 0);
      end`.execute(trx);
  });
}
