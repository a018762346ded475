// The journal's HMAC key: its own file in the data folder's key store, never inside the database.
import { readOrCreateKey } from '../key-store';

export const journalKeyFileName = 'journal.key';

/** Read once at start (appending needs no file access); `created` is true on the first start that keys the journal. */
export function openJournalKey(dataDir: string): { key: Buffer; created: boolean } {
  return readOrCreateKey(dataDir, journalKeyFileName, 'journal_key_invalid');
}
