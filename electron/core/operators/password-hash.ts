// Password hashing with node:crypto scrypt: a per-operator random salt, the parameters stored with the hash.
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/*
 * Stored form: `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>`. Keeping the parameters with each hash lets a
 * later release raise them without locking anyone out: old hashes still verify with their own parameters.
 * N = 2^14, r = 8, p = 1: the interactive-login cost of the scrypt paper (RFC 7914 §2 cites it), 16 MiB per hash.
 */

const defaultParams = { N: 2 ** 14, r: 8, p: 1 };
const keyLength = 64;
const saltLength = 16;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params = defaultParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password or a hash it cannot read. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing anyone knows, verified against when a login names no operator, so that an unknown name
 * costs the same time as a wrong password and timing does not reveal which names exist.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}
