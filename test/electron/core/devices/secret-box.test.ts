import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretPlaceholder } from '../../../../shared/contract/device-protocols';
import { keepStoredSecrets, maskSecrets, openSecrets, sealSecrets } from '../../../../electron/core/devices/protocol-secrets';
import { isSealed, openSecretBox, secretKeyFileName } from '../../../../electron/core/devices/secret-box';
import { tempDir } from '../../../support/temp-core';

describe('the secret box', () => {
  it('creates its key file with mode 0600 on first use only, and opens what it sealed', () => {
    const dir = tempDir();
    const box = openSecretBox(dir);
    expect(existsSync(join(dir, secretKeyFileName))).toBe(false);
    const sealed = box.seal('1234');
    expect(statSync(join(dir, secretKeyFileName)).mode & 0o777).toBe(0o600);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('1234');
    expect(box.seal('1234')).not.toBe(sealed);
    expect(openSecretBox(dir).open(sealed)).toBe('1234');
  });

  it('refuses a sealed text that was changed or sealed under another key', () => {
    const dir = tempDir();
    const sealed = openSecretBox(dir).seal('00112233445566778899aabbccddeeff');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => openSecretBox(dir).open(tampered)).toThrow(expect.objectContaining({ code: 'device_secret_unreadable' }));
    expect(() => openSecretBox(tempDir()).open(sealed)).toThrow(expect.objectContaining({ code: 'device_secret_unreadable' }));
  });

  it('refuses a key file of the wrong size rather than sealing under it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, secretKeyFileName), 'short');
    expect(() => openSecretBox(dir).seal('1234')).toThrow(expect.objectContaining({ code: 'device_secret_key_invalid' }));
    expect(readFileSync(join(dir, secretKeyFileName), 'utf8')).toBe('short');
  });
});

describe('secret settings', () => {
  const fields = ['pin', 'pds[].scbk'];
  const clear = { pin: '123456', pds: [{ address: 1, scbk: 'aa'.repeat(16) }, { address: 2, scbk: null }], useCrc: true };

  it('masks every stored secret and leaves absent ones and other fields alone', () => {
    expect(maskSecrets(clear, fields)).toEqual({ pin: secretPlaceholder, pds: [{ address: 1, scbk: secretPlaceholder }, { address: 2, scbk: null }], useCrc: true });
    expect(clear.pin).toBe('123456');
  });

  it('seals for storage and opens back to the clear values', () => {
    const box = openSecretBox(tempDir());
    const stored = sealSecrets(clear, fields, box);
    expect(JSON.stringify(stored)).not.toContain('123456');
    expect(JSON.stringify(stored)).not.toContain('aa'.repeat(16));
    expect(openSecrets(stored, fields, box)).toEqual(clear);
  });

  it('keeps the stored secret where the placeholder comes back, takes a new one, and refuses a placeholder with nothing behind it', () => {
    const input = { pin: secretPlaceholder, pds: [{ address: 1, scbk: 'bb'.repeat(16) }, { address: 2, scbk: secretPlaceholder }] };
    expect(() => keepStoredSecrets(input, clear, fields)).toThrow(expect.objectContaining({ code: 'device_secret_missing', params: { field: 'protocol.pds.1.scbk' } }));
    const kept = keepStoredSecrets({ ...input, pds: [input.pds[0]!, { address: 2, scbk: null }] }, clear, fields);
    expect(kept).toEqual({ pin: '123456', pds: [{ address: 1, scbk: 'bb'.repeat(16) }, { address: 2, scbk: null }] });
    expect(() => keepStoredSecrets({ pin: secretPlaceholder }, null, fields)).toThrow(expect.objectContaining({ params: { field: 'protocol.pin' } }));
  });
});
