// The journal's hash chain: each entry's hash covers its own fields and the previous entry's hash, keyed since 0032.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export interface HashedFields {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  operator: string;
  at: number;
  prev_hash: string;
}

/** Hashes one entry; every entry from the keyed chain's start on is hashed with `keyedEntryHash`. */
export type ChainHash = (e: HashedFields) => string;

function digest(h: Hash | Hmac, e: HashedFields): string {
  // Length-prefixed fields, so no two different entries can serialise to the same text.
  const fields = [e.prev_hash, e.id, e.type, e.entity_type, e.entity_id, e.operator, String(e.at), e.payload];
  for (const f of fields) h.update(`${Buffer.byteLength(f)}:${f};`);
  return h.digest('hex');
}

/**
 * The older, unkeyed chain (plain SHA-256): anyone holding the database file can recompute it, so it only shows
 * edits made by someone who did not bother to. Entries written before the journal was keyed carry it.
 */
export const entryHash: ChainHash = (e) => digest(createHash('sha256'), e);

/** HMAC-SHA256 under the journal key: a chain recomputed without the key file does not verify. */
export function keyedEntryHash(key: Buffer): ChainHash {
  return (e) => digest(createHmac('sha256', key), e);
}
