// The records that go upstream, each as a ticket of its own: which journal entry makes the ticket, which entity the
// record is journaled as, the id written into the ticket's console-id field, and the record's number.
import type { SyncRecordKind } from '../../../shared/contract/sync';
import type { Db, Trx } from '../db/database';

/** The entry whose item creates the record's ticket; the record's later items become notes on it. */
export const ticketEntryTypes: Record<SyncRecordKind, string> = {
  incident: 'incident.reported',
  defect: 'defect.reported',
  maintenance: 'maintenance.task_finished',
};

/** The journal's entity type of each record (sync decisions on an item are journaled on its record). */
export const recordEntityTypes: Record<SyncRecordKind, string> = {
  incident: 'incident',
  defect: 'defect',
  maintenance: 'maintenance_task',
};

/**
 * What the ticket's console-id field holds: an incident's plain id (as since the first version), the others' kind
 * and id (`defect:<id>`), so the look-up after an unknown outcome finds each record's own ticket.
 */
export function consoleIdOf(kind: SyncRecordKind, id: string): string {
  return kind === 'incident' ? id : `${kind}:${id}`;
}

export const createsTicket = (kind: SyncRecordKind, entryType: string): boolean => ticketEntryTypes[kind] === entryType;

const numberTables = { incident: 'incident', defect: 'defect', maintenance: 'mnt_task' } as const;

/** The numbers the records' pages show (GZ-…, QX-…, WB-…), by kind and id. */
export async function recordNumbers(db: Db | Trx, records: { kind: SyncRecordKind; id: string }[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (const kind of Object.keys(numberTables) as SyncRecordKind[]) {
    const ids = [...new Set(records.filter((r) => r.kind === kind).map((r) => r.id))];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom(numberTables[kind]).select(['id', 'number']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const r of rows) numbers.set(`${kind}:${r.id}`, r.number);
    }
  }
  return numbers;
}
