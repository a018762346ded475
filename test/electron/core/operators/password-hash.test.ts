import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../electron/core/operators/password-hash';

describe('password hashing', () => {
  it('stores scrypt parameters, a salt and a key, never the password', async () => {
    const stored = await hashPassword('值班 secret 123');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('secret');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash, so one password hashes differently twice', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies with the parameters stored in the hash, and refuses a hash it cannot read', async () => {
    const cheap = await hashPassword('old password', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('old password', cheap)).toBe(true);
    expect(await verifyPassword('old password', 'plain:old password')).toBe(false);
  });
});
