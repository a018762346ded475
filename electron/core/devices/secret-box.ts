// Seals device secrets (OSDP keys, NX-584 PINs) with AES-256-GCM under a key file kept beside the database.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/app-error';
import { readOrCreateKey } from '../key-store';

export const secretKeyFileName = 'secret.key';
const sealedPrefix = 'sealed:v1:';
const ivBytes = 12;
const tagBytes = 16;

export interface SecretBox {
  seal(plain: string): string;
  /** Throws AppError `device_secret_unreadable` when the text was not sealed under this key. */
  open(sealed: string): string;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(sealedPrefix);
}

/** The key is read lazily: a console with no secret to keep never creates the file. */
export function openSecretBox(dataDir: string): SecretBox {
  let key: Buffer | undefined;
  const theKey = (): Buffer => (key ??= readOrCreateKey(dataDir, secretKeyFileName, 'device_secret_key_invalid').key);
  return {
    seal(plain) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      try {
        if (!isSealed(sealed)) throw new Error('not sealed');
        const raw = Buffer.from(sealed.slice(sealedPrefix.length), 'base64');
        const decipher = createDecipheriv('aes-256-gcm', theKey(), raw.subarray(0, ivBytes));
        decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
        return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('device_secret_unreadable', 'device_secret_unreadable', { reason: (err as Error).message });
      }
    },
  };
}
