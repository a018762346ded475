// The device search index: which words of a device are searchable, how they are written as index
// tokens, and how a search (words and list filters) becomes one full-text query.
import { sql, type SqlBool, type Expression } from 'kysely';
import type { DeviceFields } from '../../../shared/contract/assets';
import type { Trx } from '../db/database';

/** Catalog names and aliases, so a device is found by "硬盘录像机" or "DVR", "大华" or "Dahua". */
export interface CatalogNames {
  system(id: string): string[];
  type(systemId: string, typeId: string | null): string[];
  brand(systemId: string, brand: string): string[];
}

/**
 * How the index (`device_search`, created by migration 0002) is written. SQLite's trigram
 * tokenizer cannot find one- or two-character words, and "机房" or "录像" is how people search
 * in Chinese; so the searchable text is written as tokens of our own, each character as its code
 * point in hex (机 is `673a`), the characters of one token joined by `x`:
 *
 * - every run of three adjacent characters, in order, with a break token after each word. A word
 *   of three or more characters is the phrase of its runs, which matches only where those runs
 *   follow one another, that is where the word itself occurs: exact, as the trigram tokenizer is.
 * - every pair of adjacent characters and every single character, once each, so a one- or
 *   two-character word is a single token.
 * - the list filters (system, status, building, floor, room) as tokens, so a search with filters
 *   is one full-text query that yields rowids newest first, however broad each of its parts is.
 *
 * Letters are compared lower-cased, one code point at a time. A search word never holds white
 * space, so the index holds no run that crosses it.
 */
const wordBreak = 'z';

const filterKinds = { systemId: 'ks', status: 'kt', building: 'kb', floor: 'kf', room: 'kr' } as const;
export type SearchFilters = { [K in keyof typeof filterKinds]?: string | undefined };

/** At most this many matches are counted; a broader search reports `totalCapped`. */
export const searchCountCap = 10_000;

/**
 * What `device_search` holds for a device. It carries the status and place as well as the words,
 * so every change to a device's fields must rewrite it (`writeSearchRow`), a status change too.
 */
export function searchText(fields: DeviceFields & { assetTag: string }, names: CatalogNames): string {
  const text = [
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
  return [...textTokens(text), wordBreak, ...filterTokens(fields)].join(' ');
}

export async function writeSearchRow(trx: Trx, seq: number, text: string): Promise<void> {
  // Delete only a row that is there. FTS5 flushes its pending tokens to disk whenever a
  // transaction turns from inserting to deleting, so deleting before every insert of a batch
  // would cost one flush (and one small segment) per device. The index's own `_docsize` table
  // holds a row per indexed device; asking the index itself by rowid would scan it.
  const indexed = await sql<{ id: number }>`select id from device_search_docsize where id = ${seq}`.execute(trx);
  if (indexed.rows.length > 0) await trx.deleteFrom('device_search').where('rowid', '=', seq).execute();
  await trx.insertInto('device_search').values({ rowid: seq, text }).execute();
}

/** The words of a search, each one a run of characters without white space, all of which must occur. */
export function searchWords(q: string): string[] {
  return q.split(/\s+/).filter((w) => w !== '');
}

/** The full-text query for the words and filters, or null when nothing narrows the register. */
export function searchMatch(q: string, filters: SearchFilters = {}): string | null {
  const parts = searchWords(q).map(wordQuery);
  for (const token of filterTokens(filters)) parts.push(`"${token}"`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** The words of `q` as a condition on a join with `device_search` (filters left to the caller). */
export function searchCondition(q: string): Expression<SqlBool> | null {
  const match = searchMatch(q);
  return match === null ? null : sql<SqlBool>`device_search match ${match}`;
}

function wordQuery(word: string): string {
  const chars = codes(word);
  if (chars.length <= 2) return `"${chars.join('x')}"`;
  const runs: string[] = [];
  for (let i = 0; i + 2 < chars.length; i += 1) runs.push(`${chars[i]}x${chars[i + 1]}x${chars[i + 2]}`);
  return `"${runs.join(' ')}"`;
}

function textTokens(text: string): string[] {
  const runs: string[] = [];
  const pairs = new Set<string>();
  const singles = new Set<string>();
  for (const word of searchWords(text)) {
    const chars = codes(word);
    for (let i = 0; i < chars.length; i += 1) {
      singles.add(chars[i]!);
      if (i + 1 < chars.length) pairs.add(`${chars[i]}x${chars[i + 1]}`);
      if (i + 2 < chars.length) runs.push(`${chars[i]}x${chars[i + 1]}x${chars[i + 2]}`);
    }
    runs.push(wordBreak);
  }
  return [...runs, ...pairs, ...singles];
}

function filterTokens(filters: SearchFilters): string[] {
  const tokens: string[] = [];
  for (const [key, kind] of Object.entries(filterKinds) as [keyof SearchFilters, string][]) {
    const value = filters[key];
    if (value) tokens.push(kind + [...value].map(hex).join('x'));
  }
  return tokens;
}

/** The code points of a word in hex, lower-cased one by one (a letter whose lower case is longer stays). */
function codes(word: string): string[] {
  return [...word].map((c) => {
    const lower = c.toLowerCase();
    return hex(lower.length === c.length ? lower : c);
  });
}

function hex(c: string): string {
  return c.codePointAt(0)!.toString(16);
}
