// Modbus RTU frames for the slave side: CRC-16, request/response encoders, request parsing.
//
// The console's master side is modbus-serial's; this exists for the simulator (whose reasons are in
// simulator.ts) and for tests that must put exact bytes on the line.

/** CRC-16/MODBUS: polynomial 0xA001 (0x8005 reflected), initial 0xFFFF (Modbus over Serial Line V1.02 §6.2.2). */
export function crc16Modbus(bytes: Uint8Array | readonly number[]): number {
  let crc = 0xffff;
  for (const byte of bytes) crc = crcStep(crc, byte);
  return crc;
}

/** One byte into a running CRC-16/MODBUS. */
export function crcStep(crc: number, byte: number): number {
  let next = crc ^ (byte & 0xff);
  for (let bit = 0; bit < 8; bit++) next = next & 1 ? (next >>> 1) ^ 0xa001 : next >>> 1;
  return next;
}

/** Appends the CRC, low byte first (§2.5.1.2). */
export function withCrc(body: readonly number[]): Uint8Array {
  const crc = crc16Modbus(body);
  return Uint8Array.from([...body, crc & 0xff, crc >>> 8]);
}

export function hasValidCrc(frame: Uint8Array): boolean {
  if (frame.length < 4) return false;
  const crc = crc16Modbus(frame.subarray(0, frame.length - 2));
  return frame[frame.length - 2] === (crc & 0xff) && frame[frame.length - 1] === crc >>> 8;
}

export type ModbusRequest =
  | { slave: number; function: 1 | 2 | 3 | 4; address: number; count: number }
  | { slave: number; function: 5; address: number; value: boolean }
  | { slave: number; function: 6; address: number; value: number }
  | { slave: number; function: 16; address: number; values: number[] }
  /** A function this decoder does not parse; a slave answers it with exception 01. */
  | { slave: number; function: number; unsupported: true; data: number[] };

export type ModbusResponse =
  | { slave: number; function: 1 | 2; bits: boolean[] }
  | { slave: number; function: 3 | 4; registers: number[] }
  | { slave: number; function: 5 | 6 | 16; address: number; value: number }
  | { slave: number; function: number; exception: number };

const hi = (n: number): number => (n >>> 8) & 0xff;
const lo = (n: number): number => n & 0xff;

export function encodeRequest(request: ModbusRequest): Uint8Array {
  const head = [request.slave, request.function];
  if ('unsupported' in request) return withCrc([...head, ...request.data]);
  if ('count' in request) return withCrc([...head, hi(request.address), lo(request.address), hi(request.count), lo(request.count)]);
  if ('values' in request) {
    const data = request.values.flatMap((word) => [hi(word), lo(word)]);
    return withCrc([...head, hi(request.address), lo(request.address), hi(request.values.length), lo(request.values.length), data.length, ...data]);
  }
  // §6.5: a coil is switched on with 0xFF00 and off with 0x0000.
  const value = typeof request.value === 'boolean' ? (request.value ? 0xff00 : 0x0000) : request.value;
  return withCrc([...head, hi(request.address), lo(request.address), hi(value), lo(value)]);
}

export function encodeResponse(response: ModbusResponse): Uint8Array {
  const head = [response.slave, response.function];
  if ('exception' in response) return withCrc([response.slave, (response.function | 0x80) & 0xff, response.exception]);
  if ('bits' in response) {
    const bytes = new Array<number>(Math.ceil(response.bits.length / 8)).fill(0);
    response.bits.forEach((on, i) => {
      if (on) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (1 << (i & 7));
    });
    return withCrc([...head, bytes.length, ...bytes]);
  }
  if ('registers' in response) return withCrc([...head, response.registers.length * 2, ...response.registers.flatMap((w) => [hi(w), lo(w)])]);
  return withCrc([...head, hi(response.address), lo(response.address), hi(response.value), lo(response.value)]);
}

/** A CRC-checked frame → request. Quantities are not range-checked here: answering 03 for them is the slave's job. */
export function parseRequest(frame: Uint8Array): ModbusRequest {
  const slave = frame[0] ?? 0;
  const fn = frame[1] ?? 0;
  const word = (at: number): number => ((frame[at] ?? 0) << 8) | (frame[at + 1] ?? 0);
  const address = word(2);
  switch (fn) {
    case 1:
    case 2:
    case 3:
    case 4:
      return { slave, function: fn, address, count: word(4) };
    case 5:
      return { slave, function: 5, address, value: word(4) === 0xff00 };
    case 6:
      return { slave, function: 6, address, value: word(4) };
    case 16: {
      const values: number[] = [];
      for (let at = 7; at + 1 < frame.length - 2; at += 2) values.push(word(at));
      return { slave, function: 16, address, values };
    }
    default:
      return { slave, function: fn, unsupported: true, data: Array.from(frame.subarray(2, frame.length - 2)) };
  }
}
