// The journal's hash chain: each entry's hash covers its own fields and the previous entry's hash.
import { createHash } from 'node:crypto';

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

export function entryHash(e: HashedFields): string {
  // Length-prefixed fields, so no two different entries can serialise to the same text.
  const fields = [e.prev_hash, e.id, e.type, e.entity_type, e.entity_id, e.operator, String(e.at), e.payload];
  const h = createHash('sha256');
  for (const f of fields) h.update(`${Buffer.byteLength(f)}:${f};`);
  return h.digest('hex');
}
