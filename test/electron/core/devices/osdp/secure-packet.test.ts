import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOsdpDecoder } from '../../../../../electron/core/devices/osdp/codec';
import { OsdpCodecError } from '../../../../../electron/core/devices/osdp/codec-error';
import { encodePacket, type OsdpPacket, type Sequence } from '../../../../../electron/core/devices/osdp/packet';
import { deriveSessionKeys, initialRmac, serverCryptogram } from '../../../../../electron/core/devices/osdp/secure-channel';
import { openChannel, openPacket, sealPacket, type SecureChannel } from '../../../../../electron/core/devices/osdp/secure-packet';

const scbk = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);

/** Both ends of a channel after a handshake done with this codec's own functions (ACU and PD side). */
function channelPair(): { acu: SecureChannel; pd: SecureChannel } {
  const acuRandom = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const pdRandom = Uint8Array.of(9, 10, 11, 12, 13, 14, 15, 16);
  const keys = deriveSessionKeys(scbk, acuRandom);
  const rmac = initialRmac(keys, serverCryptogram(keys, acuRandom, pdRandom));
  return { acu: openChannel(keys, rmac), pd: openChannel(deriveSessionKeys(scbk, acuRandom), rmac) };
}

function parsed(bytes: Uint8Array): OsdpPacket {
  const [item] = createOsdpDecoder().push(bytes);
  if (item?.kind !== 'packet') throw new Error('not a packet');
  return item.packet;
}

describe('Secure Channel packets', () => {
  it('carries commands and replies both ways over many exchanges, the MAC chain moving in step', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 })), { minLength: 1, maxLength: 8 }), (exchanges) => {
        const { acu, pd } = channelPair();
        let sequence: Sequence = 1;
        for (const [commandData, replyData] of exchanges) {
          const command = sealPacket(acu, 'command', { address: 3, sequence, useCrc: true, code: 0x6b, data: commandData });
          expect(openPacket(pd, 'command', parsed(command), command)).toEqual({ code: 0x6b, data: commandData });
          const reply = sealPacket(pd, 'reply', { address: 3, sequence, useCrc: true, code: 0x40, data: replyData });
          expect(openPacket(acu, 'reply', parsed(reply), reply)).toEqual({ code: 0x40, data: replyData });
          sequence = sequence === 3 ? 1 : ((sequence + 1) as Sequence);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('encrypts command data so it does not appear on the wire', () => {
    const { acu } = channelPair();
    const secret = new TextEncoder().encode('OPEN-DOOR-0001');
    const bytes = sealPacket(acu, 'command', { address: 1, sequence: 1, useCrc: true, code: 0x6b, data: secret });
    expect(Buffer.from(bytes).includes(Buffer.from(secret))).toBe(false);
    expect(parsed(bytes).security?.type).toBe(0x17);
  });

  it('marks a command without data 0x15 and a reply without data 0x16', () => {
    const { acu, pd } = channelPair();
    const poll = sealPacket(acu, 'command', { address: 1, sequence: 1, useCrc: true, code: 0x60, data: new Uint8Array(0) });
    expect(parsed(poll).security?.type).toBe(0x15);
    openPacket(pd, 'command', parsed(poll), poll);
    const ack = sealPacket(pd, 'reply', { address: 1, sequence: 1, useCrc: true, code: 0x40, data: new Uint8Array(0) });
    expect(parsed(ack).security?.type).toBe(0x16);
  });

  it('refuses a packet whose MAC does not verify and leaves the chain as it was, so the genuine packet still opens', () => {
    const { acu, pd } = channelPair();
    const bytes = sealPacket(acu, 'command', { address: 1, sequence: 1, useCrc: true, code: 0x60, data: new Uint8Array(0) });
    const forged = parsed(bytes);
    const wrongMac = { ...forged, mac: forged.mac?.map((b) => b ^ 1) };
    expect(openPacket(pd, 'command', wrongMac, bytes)).toMatchObject({ code: 'badSecurity', message: 'MAC does not verify' });
    expect(openPacket(pd, 'command', forged, bytes)).toEqual({ code: 0x60, data: new Uint8Array(0) });
  });

  it('refuses a plain packet inside the channel and a command MACed with another key', () => {
    const { pd } = channelPair();
    const plain = encodePacket({ address: 1, isReply: false, sequence: 1, useCrc: true, code: 0x60, data: new Uint8Array(0) });
    expect(openPacket(pd, 'command', parsed(plain), plain)).toBeInstanceOf(OsdpCodecError);
    const otherKeys = deriveSessionKeys(new Uint8Array(16), Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    const stranger = openChannel(otherKeys, pd.rMac);
    const bytes = sealPacket(stranger, 'command', { address: 1, sequence: 1, useCrc: true, code: 0x60, data: new Uint8Array(0) });
    expect(openPacket(pd, 'command', parsed(bytes), bytes)).toMatchObject({ code: 'badSecurity' });
  });
});
