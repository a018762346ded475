import { describe, expect, it } from 'vitest';
import {
  clientCryptogram,
  computeMac,
  decryptData,
  deriveSessionKeys,
  encryptData,
  initialRmac,
  scbkDefault,
  serverCryptogram,
  type SessionKeys,
} from '../../../../../electron/core/devices/osdp/secure-channel';

const hex = (text: string): Uint8Array => Uint8Array.from(text.replace(/\s+/g, '').match(/../g) ?? [], (pair) => parseInt(pair, 16));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// SIA OSDP 2.2 Annex E secure-channel example, as quoted in libosdp tests/unit-tests/test-sc-sia-vectors.c.
describe('Secure Channel key agreement (Annex E vectors)', () => {
  const acuRandom = hex('B0B1B2B3B4B5B6B7');
  const pdRandom = hex('A0A1A2A3A4A5A6A7');
  const keys = deriveSessionKeys(scbkDefault, acuRandom);

  it('uses 0x30…0x3F as SCBK-D', () => {
    expect(toHex(scbkDefault)).toBe('303132333435363738393a3b3c3d3e3f');
  });

  it('derives S-ENC, S-MAC1 and S-MAC2 from SCBK-D and the ACU random', () => {
    expect(toHex(keys.enc)).toBe(toHex(hex('BF8DC2A8329ACB8C67C6D0CD9A451682')));
    expect(toHex(keys.mac1)).toBe(toHex(hex('5E86C676603BDEE2D8BEAFE178637332')));
    expect(toHex(keys.mac2)).toBe(toHex(hex('6FDA86E857777E81132035758239172E')));
  });

  it('computes the client and server cryptograms and R-MAC initial', () => {
    expect(toHex(clientCryptogram(keys, acuRandom, pdRandom))).toBe(toHex(hex('FDE5D2F428EC16312471EA3C02BD7796')));
    const server = serverCryptogram(keys, acuRandom, pdRandom);
    expect(toHex(server)).toBe(toHex(hex('26D3356E07762D262801FC8E6665A891')));
    expect(toHex(initialRmac(keys, server))).toBe(toHex(hex('B2A30057EB98BA2229EC1F875662B524')));
  });
});

// NIST SP 800-38A F.2.1 AES-128-CBC and the OSDP padding vectors derived from it in libosdp tests/unit-tests/test-sc.c.
describe('Secure Channel MAC and data encryption (NIST-derived vectors)', () => {
  const key = hex('2b7e151628aed2a6abf7158809cf4f3c');
  const iv = hex('000102030405060708090a0b0c0d0e0f');
  const keys: SessionKeys = { enc: key, mac1: key, mac2: key };
  const plain4 = hex(
    '6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51 30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710',
  );
  const inverted = iv.map((byte) => ~byte & 0xff);

  it('MACs one block with S-MAC2 alone', () => {
    expect(toHex(computeMac(keys, iv, plain4.subarray(0, 16)))).toBe('7649abac8119b246cee98e9b12e9197d');
  });

  it('MACs four blocks as a CBC chain ending in S-MAC2', () => {
    expect(toHex(computeMac(keys, iv, plain4))).toBe('3ff1caa1681fac09120eca307586e1a7');
  });

  it('pads a partial block with 0x80 before MACing', () => {
    expect(toHex(computeMac(keys, iv, hex('000102030405060708090a0b0c0d0e')))).toBe('c5311f3d23d086ea86f5ee7f85247b40');
  });

  it('uses S-MAC1 for all blocks but the last', () => {
    const distinct: SessionKeys = { enc: key, mac1: new Uint8Array(16), mac2: key };
    expect(toHex(computeMac(distinct, iv, plain4))).not.toBe('3ff1caa1681fac09120eca307586e1a7');
    expect(toHex(computeMac(distinct, iv, plain4.subarray(0, 16)))).toBe('7649abac8119b246cee98e9b12e9197d');
  });

  it('encrypts data padded with 0x80 and zeros under the inverted previous MAC', () => {
    expect(toHex(encryptData(keys, inverted, hex('000102030405060708090a0b0c0d0e')))).toBe('c5311f3d23d086ea86f5ee7f85247b40');
    expect(toHex(encryptData(keys, inverted, hex('000102030405060708090a0b0c0d0e0f')))).toBe(
      '7df76b0c1ab899b33e42f047b91b546fe2fe5bd6c1dfcdd19124f03e1a134d3b',
    );
    expect(toHex(encryptData(keys, inverted, new Uint8Array(0)))).toBe('4c08220c79d9191022dc6674874ceaf8');
  });

  it('decrypts and strips the padding', () => {
    expect(toHex(decryptData(keys, inverted, hex('c5311f3d23d086ea86f5ee7f85247b40')) ?? new Uint8Array(0))).toBe('000102030405060708090a0b0c0d0e');
    expect(toHex(decryptData(keys, inverted, hex('7df76b0c1ab899b33e42f047b91b546fe2fe5bd6c1dfcdd19124f03e1a134d3b')) ?? new Uint8Array(0))).toBe(
      '000102030405060708090a0b0c0d0e0f',
    );
  });

  it('refuses ciphertext of a partial block or without the end-of-message marker', () => {
    expect(decryptData(keys, inverted, new Uint8Array(15))).toBeUndefined();
    expect(decryptData(keys, inverted, hex('7649abac8119b246cee98e9b12e9197d'))).toBeUndefined();
  });
});
