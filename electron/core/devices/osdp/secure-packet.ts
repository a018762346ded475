// Secure Channel packets: sealing (encrypt data, chain and append the MAC) and opening (verify, decrypt), both roles.
// The MAC chain (libosdp osdp_phy.c): a command's MAC starts from the last R-MAC and becomes the C-MAC; a
// reply's starts from that C-MAC and becomes the R-MAC. Data is encrypted with the IV taken before the MAC moves.

import { OsdpCodecError } from './codec-error';
import { carriesMac, encodePacket, macInput, macLength, securityBlockType, type OsdpPacket, type Sequence } from './packet';
import { computeMac, decryptData, encryptData, sameBytes, type SessionKeys } from './secure-channel';

/** An established Secure Channel with one PD; `cMac`/`rMac` move with every packet. */
export interface SecureChannel {
  keys: SessionKeys;
  cMac: Uint8Array;
  rMac: Uint8Array;
}

export function openChannel(keys: SessionKeys, initialRmac: Uint8Array): SecureChannel {
  return { keys, cMac: new Uint8Array(16), rMac: initialRmac.slice() };
}

export interface PlainContent {
  address: number;
  sequence: Sequence;
  useCrc: boolean;
  code: number;
  data: Uint8Array;
}

/** Seals a command (ACU side) or a reply (PD side): block type 0x17/0x18 with data, 0x15/0x16 without. */
export function sealPacket(channel: SecureChannel, direction: 'command' | 'reply', content: PlainContent): Uint8Array {
  const isCommand = direction === 'command';
  const previous = isCommand ? channel.rMac : channel.cMac;
  const hasData = content.data.length > 0;
  const type = isCommand
    ? hasData ? securityBlockType.commandEncrypted : securityBlockType.commandMac
    : hasData ? securityBlockType.replyEncrypted : securityBlockType.replyMac;
  const data = hasData ? encryptData(channel.keys, previous, content.data) : content.data;
  return encodePacket(
    { address: content.address, isReply: !isCommand, sequence: content.sequence, useCrc: content.useCrc, security: { type, data: new Uint8Array(0) }, code: content.code, data },
    (input) => {
      const mac = computeMac(channel.keys, previous, input);
      if (isCommand) channel.cMac = mac;
      else channel.rMac = mac;
      return mac.subarray(0, macLength);
    },
  );
}

/**
 * Opens a received command (PD side) or reply (ACU side): verifies the MAC against the chain, then decrypts.
 * On failure the channel is left as it was, so a retried packet can still be opened.
 */
export function openPacket(channel: SecureChannel, direction: 'command' | 'reply', packet: OsdpPacket, bytes: Uint8Array): { code: number; data: Uint8Array } | OsdpCodecError {
  const isCommand = direction === 'command';
  const expectedTypes = isCommand
    ? [securityBlockType.commandMac, securityBlockType.commandEncrypted]
    : [securityBlockType.replyMac, securityBlockType.replyEncrypted];
  if (!packet.security || !carriesMac(packet.security) || !packet.mac) return new OsdpCodecError('badSecurity', 'plain packet inside the secure channel');
  if (!expectedTypes.some((type) => type === packet.security?.type)) {
    return new OsdpCodecError('badSecurity', `security block type 0x${packet.security.type.toString(16)} in a ${direction}`);
  }
  const previous = isCommand ? channel.rMac : channel.cMac;
  const mac = computeMac(channel.keys, previous, macInput(bytes, packet));
  if (!sameBytes(mac.subarray(0, macLength), packet.mac)) return new OsdpCodecError('badSecurity', 'MAC does not verify');
  let data = packet.data;
  if (packet.security.type === securityBlockType.commandEncrypted || packet.security.type === securityBlockType.replyEncrypted) {
    const plain = decryptData(channel.keys, previous, packet.data);
    if (!plain) return new OsdpCodecError('badSecurity', 'encrypted data does not decrypt to a padded message');
    data = plain;
  }
  if (isCommand) channel.cMac = mac;
  else channel.rMac = mac;
  return { code: packet.code, data };
}
