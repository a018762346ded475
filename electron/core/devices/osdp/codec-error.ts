// What the OSDP codec says about bytes it cannot accept: returned as a value, never thrown.

export type OsdpCodecErrorCode =
  /** Bytes outside any packet (noise, a foreign protocol, the tail of a broken packet). */
  | 'garbage'
  /** A LEN field outside what a packet can be. */
  | 'badLength'
  /** The checksum or CRC does not match. */
  | 'badCheck'
  /** The stream ended inside a packet. */
  | 'truncated'
  /** A security control block that does not fit the packet, or a MAC/encryption that does not verify. */
  | 'badSecurity'
  /** A command or reply whose data does not have the layout its code requires. */
  | 'badPayload'
  /** A command or reply code this codec does not know. */
  | 'unknownCode';

export class OsdpCodecError {
  constructor(
    readonly code: OsdpCodecErrorCode,
    /** One line in English for the traffic monitor, e.g. `CRC 0x1234, expected 0x5678`. */
    readonly message: string,
  ) {}
}
