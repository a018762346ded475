// OSDP check bytes: the CRC-16 of CRC-mode packets and the 8-bit checksum of checksum-mode packets.

/**
 * CRC-16 with polynomial 0x1021, initial value 0x1D0F, no reflection, no final xor (SIA OSDP 2.2,
 * Annex E "CRC example"; libosdp `osdp_compute_crc16`). Sent low byte first.
 */
const crcTable: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let index = 0; index < 256; index += 1) {
    let crc = index << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[index] = crc;
  }
  return table;
})();

export function crc16(bytes: Uint8Array): number {
  let crc = 0x1d0f;
  for (const byte of bytes) crc = ((crc << 8) ^ (crcTable[((crc >> 8) ^ byte) & 0xff] ?? 0)) & 0xffff;
  return crc;
}

/** Two's complement of the 8-bit sum of the bytes (SIA OSDP 2.2 §5.9, Annex E "checksum example"). */
export function checksum8(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum = (sum + byte) & 0xff;
  return (0x100 - sum) & 0xff;
}
