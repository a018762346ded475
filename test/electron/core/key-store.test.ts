import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrCreateKey } from '../../../electron/core/key-store';
import { tempDir } from '../../support/temp-core';

describe('the key store', () => {
  it('creates a key file of 32 random bytes readable by its owner only, and reads the same key after', () => {
    const dir = tempDir();
    const made = readOrCreateKey(dir, 'a.key', 'a_key_invalid');
    expect(made.created).toBe(true);
    expect(made.key).toHaveLength(32);
    expect(statSync(join(dir, 'a.key')).mode & 0o777).toBe(0o600);
    expect(readOrCreateKey(dir, 'a.key', 'a_key_invalid')).toEqual({ key: made.key, created: false });
    expect(readOrCreateKey(dir, 'b.key', 'b_key_invalid').key.equals(made.key)).toBe(false);
  });

  it('refuses a key file of the wrong size with the caller’s error code, and leaves it as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.key'), 'short');
    expect(() => readOrCreateKey(dir, 'a.key', 'a_key_invalid')).toThrow(expect.objectContaining({ code: 'a_key_invalid' }));
    expect(readFileSync(join(dir, 'a.key'), 'utf8')).toBe('short');
  });
});
