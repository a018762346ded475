// The device search index: which words of a device are searchable, and how a query becomes SQL.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { DeviceFields } from '../../../shared/contract/assets';
import type { Trx } from '../db/database';

/** Catalog names and aliases, so a device is found by "硬盘录像机" or "DVR", "大华" or "Dahua". */
export interface CatalogNames {
  system(id: string): string[];
  type(systemId: string, typeId: string | null): string[];
  brand(systemId: string, brand: string): string[];
}

export function searchText(fields: DeviceFields & { assetTag: string }, names: CatalogNames): string {
  return [
    fields.name,
    fields.assetTag,
    fields.serialNo,
    fields.model,
    fields.brand,
    ...names.brand(fields.systemId, fields.brand),
    ...names.system(fields.systemId),
    ...names.type(fields.systemId, fields.typeId),
    fields.building,
    fields.floor,
    fields.room,
    fields.rack,
    fields.address,
    fields.notes,
  ]
    .filter((s) => s !== '')
    .join(' \u2502 ');
}

export async function writeSearchRow(trx: Trx, seq: number, text: string): Promise<void> {
  await trx.deleteFrom('device_search').where('rowid', '=', seq).execute();
  await trx.insertInto('device_search').values({ rowid: seq, text }).execute();
}

/**
 * The trigram tokenizer indexes every three-character substring, so terms of three or more
 * characters use the index (MATCH); shorter ones (a two-character Chinese word such as "机房")
 * are matched with LIKE on the same table.
 */
export function searchCondition(q: string): Expression<SqlBool> | null {
  const terms = q.split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const parts: Expression<SqlBool>[] = [];
  if (long.length > 0) {
    const match = long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
    parts.push(sql<SqlBool>`device_search match ${match}`);
  }
  for (const t of short) {
    const pattern = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql<SqlBool>`device_search.text like ${pattern} escape '\\'`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
