// The supervisor's suggestions for a month's service report: read, and saved with a journal entry.
import type { ReportSuggestions } from '../../../shared/contract/reports';
import type { CallContext, CoreContext } from '../context';
import type { Db } from '../db/database';
import { inTransaction } from '../journal/service';

export async function readSuggestions(db: Db, month: string): Promise<ReportSuggestions> {
  const row = await db.selectFrom('report_suggestion').selectAll().where('month', '=', month).executeTakeFirst();
  return row ? { month, text: row.text, savedAt: row.saved_at, savedBy: row.saved_by } : { month, text: '', savedAt: null, savedBy: null };
}

export function saveSuggestions(ctx: CoreContext, call: CallContext, input: { month: string; text: string }): Promise<ReportSuggestions> {
  return inTransaction(ctx, async (trx, journal) => {
    const before = await trx.selectFrom('report_suggestion').select('text').where('month', '=', input.month).executeTakeFirst();
    const now = ctx.clock.now();
    const row = { month: input.month, text: input.text, saved_at: now, saved_by: call.operator };
    await trx
      .insertInto('report_suggestion')
      .values(row)
      .onConflict((oc) => oc.column('month').doUpdateSet({ text: input.text, saved_at: now, saved_by: call.operator }))
      .execute();
    await journal({
      type: 'reports.suggestions_saved',
      entityType: 'service_report',
      entityId: input.month,
      payload: { month: input.month, from: before?.text ?? null, text: input.text },
      operator: call.operator,
    });
    return { month: input.month, text: input.text, savedAt: now, savedBy: call.operator };
  });
}
