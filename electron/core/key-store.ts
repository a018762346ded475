// The data folder's key store: one file per key, 32 random bytes, readable by the console's user only.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/app-error';

export const keyBytes = 32;

/**
 * Reads `<dataDir>/<fileName>`, creating it (32 random bytes, mode 0600) when it does not exist yet. A file of any
 * other size is refused with `invalidCode`, never replaced: what it protects may still need the old key.
 */
export function readOrCreateKey(dataDir: string, fileName: string, invalidCode: string): { key: Buffer; created: boolean } {
  const path = join(dataDir, fileName);
  let created = false;
  try {
    writeFileSync(path, randomBytes(keyBytes), { mode: 0o600, flag: 'wx' });
    // The umask may only narrow the mode; make it exact whatever it was.
    chmodSync(path, 0o600);
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = readFileSync(path);
  if (key.length !== keyBytes) throw new AppError(invalidCode, invalidCode, { path, bytes: key.length });
  return { key, created };
}
