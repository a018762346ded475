// OSDP Secure Channel cryptography (AES-128): session keys, cryptograms, R-MAC initial, MAC and data encryption.
// Layouts follow SIA OSDP 2.2 Annex D and libosdp src/osdp_sc.c; Annex E vectors are in the tests.

import { createCipheriv, createDecipheriv, timingSafeEqual } from 'node:crypto';

export const blockLength = 16;
/** SCBK-D, the installation-mode key (Annex D): 0x30 … 0x3F. */
export const scbkDefault: Uint8Array = Uint8Array.from({ length: 16 }, (_, index) => 0x30 + index);
/** The end-of-message marker that starts the padding of MAC input and encrypted data (Annex D.3). */
const endOfMessage = 0x80;

export interface SessionKeys {
  enc: Uint8Array;
  mac1: Uint8Array;
  mac2: Uint8Array;
}

function aesEcbBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(block), cipher.final()]));
}

function aesCbc(direction: 'encrypt' | 'decrypt', key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const cipher = direction === 'encrypt' ? createCipheriv('aes-128-cbc', key, iv) : createDecipheriv('aes-128-cbc', key, iv);
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** S-ENC, S-MAC1, S-MAC2: AES(SCBK, 01 82|01 01|01 02, first 6 bytes of the ACU random, zeros). */
export function deriveSessionKeys(scbk: Uint8Array, acuRandom: Uint8Array): SessionKeys {
  const derive = (first: number, second: number): Uint8Array => {
    const block = new Uint8Array(blockLength);
    block[0] = first;
    block[1] = second;
    block.set(acuRandom.subarray(0, 6), 2);
    return aesEcbBlock(scbk, block);
  };
  return { enc: derive(0x01, 0x82), mac1: derive(0x01, 0x01), mac2: derive(0x01, 0x02) };
}

/** The PD's (client) cryptogram in osdp_CCRYPT: AES(S-ENC, ACU random ‖ PD random). */
export function clientCryptogram(keys: SessionKeys, acuRandom: Uint8Array, pdRandom: Uint8Array): Uint8Array {
  return aesEcbBlock(keys.enc, concat(acuRandom, pdRandom));
}

/** The ACU's (server) cryptogram in osdp_SCRYPT: AES(S-ENC, PD random ‖ ACU random). */
export function serverCryptogram(keys: SessionKeys, acuRandom: Uint8Array, pdRandom: Uint8Array): Uint8Array {
  return aesEcbBlock(keys.enc, concat(pdRandom, acuRandom));
}

/** R-MAC initial in osdp_RMAC_I: AES(S-MAC2, AES(S-MAC1, server cryptogram)). */
export function initialRmac(keys: SessionKeys, serverCryptogramBytes: Uint8Array): Uint8Array {
  return aesEcbBlock(keys.mac2, aesEcbBlock(keys.mac1, serverCryptogramBytes));
}

/**
 * The 16-byte MAC of a packet: the message padded with 0x80 then zeros to a block boundary (only when
 * not already on one), AES-CBC with S-MAC1 over all blocks but the last, the last block with S-MAC2.
 * The IV is the previous MAC of the other direction (R-MAC for a command, C-MAC for a reply).
 */
export function computeMac(keys: SessionKeys, iv: Uint8Array, message: Uint8Array): Uint8Array {
  const padded = message.length % blockLength === 0 && message.length > 0 ? message.slice() : pad(message);
  let chain = iv;
  if (padded.length > blockLength) {
    const head = aesCbc('encrypt', keys.mac1, iv, padded.subarray(0, padded.length - blockLength));
    chain = head.subarray(head.length - blockLength);
  }
  return aesCbc('encrypt', keys.mac2, chain, padded.subarray(padded.length - blockLength));
}

/** Encrypts packet data: always padded with 0x80 then zeros; IV is the one's complement of the previous MAC. */
export function encryptData(keys: SessionKeys, previousMac: Uint8Array, plain: Uint8Array): Uint8Array {
  return aesCbc('encrypt', keys.enc, invert(previousMac), pad(plain));
}

/** Decrypts packet data and strips its padding; undefined when the length or the padding is wrong. */
export function decryptData(keys: SessionKeys, previousMac: Uint8Array, cipher: Uint8Array): Uint8Array | undefined {
  if (cipher.length === 0 || cipher.length % blockLength !== 0) return undefined;
  const plain = aesCbc('decrypt', keys.enc, invert(previousMac), cipher);
  let end = plain.length - 1;
  while (end > 0 && plain[end] === 0) end -= 1;
  return plain[end] === endOfMessage ? plain.slice(0, end) : undefined;
}

/** Constant-time comparison, so a wrong cryptogram or MAC leaks nothing through timing. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function pad(message: Uint8Array): Uint8Array {
  const padded = new Uint8Array((Math.floor(message.length / blockLength) + 1) * blockLength);
  padded.set(message);
  padded[message.length] = endOfMessage;
  return padded;
}

function invert(bytes: Uint8Array): Uint8Array {
  return bytes.map((byte) => ~byte & 0xff);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
