// Migration 0002: the device search index becomes runs, pairs and single characters, with filter tokens.
import { type Kysely, sql } from 'kysely';

// Why: 0001's trigram index could not find one- or two-character words ("机房", "录像") and fell
// back to scanning every row; filters and counts then joined the whole match set. The new
// `device_search` holds the tokens assets/search-index.ts writes and queries (read its notes).
// This file keeps its own copy of that encoding so the migration stays what it was when written.

const batchSize = 200;
const wordBreak = 'z';

interface OldRow {
  seq: number;
  text: string;
  system_id: string;
  status: string;
  building: string;
  floor: string;
  room: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Already rebuilt (a run that stopped after its commit but before Kysely recorded it): nothing to do.
    const current = await sql<{ sql: string }>`select sql from sqlite_master where name = 'device_search'`.execute(trx);
    if (!current.rows[0]?.sql.includes('trigram')) return;
    const rows = (
      await sql<OldRow>`
        select s.rowid as seq, s.text, d.system_id, d.status, d.building, d.floor, d.room
        from device_search s join device d on d.seq = s.rowid`.execute(trx)
    ).rows;
    await sql`drop table device_search`.execute(trx);
    // Contentless: the words live in the device table; the index keeps tokens and positions only.
    await sql`create virtual table device_search using fts5(text, content = '', contentless_delete = 1, tokenize = 'ascii')`.execute(trx);
    for (let start = 0; start < rows.length; start += batchSize) {
      const values = rows.slice(start, start + batchSize).map((r) => ({ rowid: r.seq, text: document(r) }));
      await trx.insertInto('device_search').values(values).execute();
    }
    await sql`insert into device_search (device_search) values ('optimize')`.execute(trx);
  });
}

function document(r: OldRow): string {
  const runs: string[] = [];
  const pairs = new Set<string>();
  const singles = new Set<string>();
  for (const word of r.text.split(/\s+/).filter((w) => w !== '')) {
    const chars = [...word].map((c) => {
      const lower = c.toLowerCase();
      return hex(lower.length === c.length ? lower : c);
    });
    for (let i = 0; i < chars.length; i += 1) {
      singles.add(chars[i]!);
      if (i + 1 < chars.length) pairs.add(`${chars[i]}x${chars[i + 1]}`);
      if (i + 2 < chars.length) runs.push(`${chars[i]}x${chars[i + 1]}x${chars[i + 2]}`);
    }
    runs.push(wordBreak);
  }
  const filters = (
    [
      ['ks', r.system_id],
      ['kt', r.status],
      ['kb', r.building],
      ['kf', r.floor],
      ['kr', r.room],
    ] as const
  ).flatMap(([kind, value]) => (value ? [kind + [...value].map(hex).join('x')] : []));
  return [...runs, ...pairs, ...singles, wordBreak, ...filters].join(' ');
}

function hex(c: string): string {
  return c.codePointAt(0)!.toString(16);
}
