// Journals, once the restored database is open, what the start before it did: the restore applied, or refused.
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { clearRestoreNote, readRestoreNote } from './restore';

export async function journalRestoreNote(ctx: CoreContext): Promise<void> {
  const note = readRestoreNote(ctx.dataDir);
  if (!note) return;
  await inTransaction(ctx, async (_trx, journal) => {
    await journal({ type: note.ok ? 'backup.restored' : 'backup.restore_failed', entityType: 'backup', entityId: note.name, payload: note, operator: note.operator });
  });
  clearRestoreNote(ctx.dataDir);
}
