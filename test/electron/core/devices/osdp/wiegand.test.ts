import { describe, expect, it } from 'vitest';
import { cardNumber, wiegand26 } from '../../../../../electron/core/devices/osdp/wiegand';

describe('26-bit Wiegand card numbers', () => {
  // Facility 1, card 1: payload 0x010001; even parity over the first 12 bits is 1, odd parity over the last 12 is 0.
  it('lays out facility 1 card 1 with its parity bits', () => {
    expect(Array.from(wiegand26(1, 1).data)).toEqual([0x80, 0x80, 0x00, 0x80]);
  });

  it('reads facility, card, hex and decimal back, and shows the card as facility / card', () => {
    const { bitCount, data } = wiegand26(123, 45678);
    expect(cardNumber(bitCount, data)).toEqual({ hex: '7BB26E', decimal: String(123 * 65536 + 45678), display: '123 / 45678', facility: 123, card: 45678, parityOk: true });
    expect(cardNumber(26, wiegand26(12, 3456).data)).toMatchObject({ display: '12 / 3456', decimal: '789888' });
  });

  it('flags a card whose parity does not hold', () => {
    const { data } = wiegand26(123, 45678);
    data[1] = (data[1] ?? 0) ^ 0x01;
    expect(cardNumber(26, data).parityOk).toBe(false);
  });

  it('gives other bit counts as the whole bit string', () => {
    expect(cardNumber(12, Uint8Array.of(0xab, 0xc0))).toEqual({ hex: 'ABC', decimal: String(0xabc), display: String(0xabc) });
    expect(cardNumber(64, new Uint8Array(8).fill(0xff)).decimal).toBe('18446744073709551615');
  });
});
