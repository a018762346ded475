// Card numbers from the bits of an osdp_RAW reply, and the 26-bit Wiegand layout (H10301) both ways.

export interface CardNumber {
  /** For 26-bit Wiegand the 24 bits between the parity bits; otherwise all the bits. */
  hex: string;
  decimal: string;
  /** What access-control software shows: `facility / card` for 26-bit Wiegand (e.g. `12 / 3456`), else the decimal. */
  display: string;
  /** 26-bit Wiegand only: facility code (8 bits) and card number (16 bits). */
  facility?: number;
  card?: number;
  parityOk?: boolean;
}

/** Bit `index` (0 = first sent) of data holding the bits MSB first, as osdp_RAW carries them (§7.10). */
function bitAt(data: Uint8Array, index: number): number {
  return ((data[index >> 3] ?? 0) >> (7 - (index & 7))) & 1;
}

function bitsValue(data: Uint8Array, from: number, to: number): bigint {
  let value = 0n;
  for (let index = from; index < to; index += 1) value = (value << 1n) | BigInt(bitAt(data, index));
  return value;
}

function onesIn(data: Uint8Array, from: number, to: number): number {
  let ones = 0;
  for (let index = from; index < to; index += 1) ones += bitAt(data, index);
  return ones;
}

export function cardNumber(bitCount: number, data: Uint8Array): CardNumber {
  if (bitCount === 26) {
    // H10301: even parity over bits 1–12 in bit 0, odd parity over bits 13–24 in bit 25.
    const payload = bitsValue(data, 1, 25);
    const parityOk = (onesIn(data, 0, 13) % 2 === 0) && (onesIn(data, 13, 26) % 2 === 1);
    const facility = Number(payload >> 16n);
    const card = Number(payload & 0xffffn);
    return {
      hex: payload.toString(16).toUpperCase().padStart(6, '0'),
      decimal: payload.toString(10),
      display: `${facility} / ${card}`,
      facility,
      card,
      parityOk,
    };
  }
  const value = bitsValue(data, 0, bitCount);
  const decimal = value.toString(10);
  return { hex: value.toString(16).toUpperCase().padStart(Math.max(1, Math.ceil(bitCount / 4)), '0'), decimal, display: decimal };
}

/** The 26 bits of an H10301 card with its parity bits, MSB first in 4 bytes. */
export function wiegand26(facility: number, card: number): { bitCount: 26; data: Uint8Array } {
  const payload = ((facility & 0xff) << 16) | (card & 0xffff);
  const bits: number[] = [];
  for (let index = 23; index >= 0; index -= 1) bits.push((payload >> index) & 1);
  const firstHalfOnes = bits.slice(0, 12).reduce((sum, bit) => sum + bit, 0);
  const secondHalfOnes = bits.slice(12).reduce((sum, bit) => sum + bit, 0);
  const all = [firstHalfOnes % 2, ...bits, (secondHalfOnes + 1) % 2];
  const data = new Uint8Array(4);
  all.forEach((bit, index) => {
    if (bit) data[index >> 3] = (data[index >> 3] ?? 0) | (0x80 >> (index & 7));
  });
  return { bitCount: 26, data };
}
