// The recovery kit: the console's keys (the journal key, the device-secret key), sealed with an administrator's
// passphrase (scrypt, then AES-256-GCM), for restoring a backup on another PC. Backups never hold the keys.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/app-error';
import { secretKeyFileName } from '../devices/secret-box';
import { journalKeyFileName } from '../journal/journal-key';
import { keyBytes } from '../key-store';
import { keyId } from './backup-manifest';

export const recoveryKitFileName = 'duty-console-recovery-kit.json';
/** scrypt's cost: N = 2^17 (about 128 MiB, a few hundred milliseconds): a stolen kit is slow to guess at. */
const scryptParams = { N: 2 ** 17, r: 8, p: 1 };

export interface RecoveryKeys {
  journalKey: Buffer;
  /** Null when this console never stored a device secret. */
  secretKey: Buffer | null;
}

const kitSchema = z.object({
  format: z.literal('duty-console-recovery-kit'),
  formatVersion: z.literal(1),
  createdAt: z.number(),
  journalKeyId: z.string(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  iv: z.string(),
  tag: z.string(),
  sealed: z.string(),
});

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

/** Reads the keys of the data folder: the journal key must be there, the secret key may not. */
export function readKeys(dataDir: string): RecoveryKeys {
  const secretPath = join(dataDir, secretKeyFileName);
  return { journalKey: readFileSync(join(dataDir, journalKeyFileName)), secretKey: existsSync(secretPath) ? readFileSync(secretPath) : null };
}

/** The kit's JSON text. */
export function sealRecoveryKit(keys: RecoveryKeys, passphrase: string, at: number): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, scryptParams), iv);
  const plain = JSON.stringify({ journalKey: keys.journalKey.toString('base64'), secretKey: keys.secretKey?.toString('base64') ?? null });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const kit = {
    format: 'duty-console-recovery-kit',
    formatVersion: 1,
    createdAt: at,
    journalKeyId: keyId(keys.journalKey),
    kdf: { name: 'scrypt', ...scryptParams, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
  return `${JSON.stringify(kit, null, 1)}\n`;
}

/**
 * The keys in a kit. AppError `recovery_kit_invalid` when the text is not a kit, `recovery_kit_passphrase` when the
 * passphrase does not open it (GCM's tag tells a wrong passphrase from a right one).
 */
export function openRecoveryKit(text: string, passphrase: string): RecoveryKeys & { journalKeyId: string } {
  let kit: z.infer<typeof kitSchema>;
  try {
    kit = kitSchema.parse(JSON.parse(text));
  } catch {
    throw new AppError('recovery_kit_invalid', 'recovery_kit_invalid');
  }
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, Buffer.from(kit.kdf.salt, 'base64'), kit.kdf), Buffer.from(kit.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(kit.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(kit.sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('recovery_kit_passphrase', 'recovery_kit_passphrase');
  }
  const keys = JSON.parse(plain) as { journalKey: string; secretKey: string | null };
  const journalKey = Buffer.from(keys.journalKey, 'base64');
  const secretKey = keys.secretKey === null ? null : Buffer.from(keys.secretKey, 'base64');
  if (journalKey.length !== keyBytes || (secretKey && secretKey.length !== keyBytes)) throw new AppError('recovery_kit_invalid', 'recovery_kit_invalid');
  return { journalKey, secretKey, journalKeyId: keyId(journalKey) };
}
