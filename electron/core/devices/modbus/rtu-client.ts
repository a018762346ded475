// A typed, one-request-at-a-time Modbus RTU master over modbus-serial, with the raw bytes of every exchange.

import ModbusRTU from 'modbus-serial';
import { AppError } from '../../../../shared/contract/app-error';
import type { ModbusReadFunction } from '../../../../shared/domain/devices/modbus-register-map';
import type { SerialSettings } from '../port/byte-port';
import { watchPortPresence } from '../port/port-presence';

/** What one request came to, with the bytes modbus-serial put on and took off the line. */
export type RtuOutcome<T> =
  | { kind: 'reply'; value: T; request: Uint8Array | null; reply: Uint8Array | null }
  | { kind: 'exception'; code: number; request: Uint8Array | null; reply: Uint8Array | null }
  | { kind: 'timeout'; request: Uint8Array | null }
  /** A reply that failed modbus-serial's checks: CRC, length, wrong slave or function. */
  | { kind: 'badReply'; reason: string; request: Uint8Array | null; reply: Uint8Array | null }
  | { kind: 'portClosed' };

export interface RtuClient {
  read(fn: ModbusReadFunction, address: number, count: number): Promise<RtuOutcome<number[] | boolean[]>>;
  writeRegister(address: number, value: number): Promise<RtuOutcome<null>>;
  /** Called once if the port closes under us (unplugged); not after `close()`. */
  onClose(listener: (reason: string) => void): void;
  close(): Promise<void>;
  readonly isOpen: boolean;
}

export interface RtuClientOptions {
  path: string;
  serialSettings: SerialSettings;
  slaveAddress: number;
  timeoutMs: number;
}

/**
 * modbus-serial opens its own serialport from a path (`connectRTUBuffered`), so this takes a path,
 * not a BytePort. The buffered variant reassembles a reply split across reads, which a pty and USB
 * adapters do; plain `connectRTU` expects each reply in one chunk.
 */
export async function openRtuClient(options: RtuClientOptions): Promise<RtuClient> {
  const client = new ModbusRTU();
  // Not in its typings: with debug on, every reply and error carries the request bytes it wrote and
  // the response chunks it read (`request`/`responses`, `modbusRequest`/`modbusResponses` in index.js).
  Reflect.set(client, 'isDebugEnabled', true);
  const { baudRate, dataBits, parity, stopBits } = options.serialSettings;
  try {
    await client.connectRTUBuffered(options.path, { baudRate, dataBits, parity, stopBits });
  } catch (error) {
    throw new AppError('devices.portOpenFailed', 'devices.portOpenFailed', { path: options.path, reason: messageOf(error) });
  }
  client.setID(options.slaveAddress);
  client.setTimeout(options.timeoutMs);

  let closedByUs = false;
  let closeReported = false;
  const closeListeners: ((reason: string) => void)[] = [];
  const reportClose = (reason: string): void => {
    stopPresence();
    if (closedByUs || closeReported) return;
    closeReported = true;
    for (const listener of closeListeners) listener(reason);
  };
  client.on('close', () => reportClose('portClosed'));
  const stopPresence = watchPortPresence(options.path, () => reportClose('portGone'));
  // Without a listener an 'error' event would be thrown from the emitter and take the process down.
  client.on('error', (error: unknown) => {
    if (!client.isOpen) reportClose(messageOf(error));
  });

  // RS-485 is half duplex with one master: never two requests on the wire at once.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(run: () => Promise<RtuOutcome<T>>): Promise<RtuOutcome<T>> => {
    const next = queue.then(() => (client.isOpen && !closedByUs ? run() : { kind: 'portClosed' as const }));
    queue = next;
    return next;
  };

  const exchange = async <T>(send: () => Promise<unknown>, read: (result: unknown) => T): Promise<RtuOutcome<T>> => {
    try {
      const result = await send();
      return { kind: 'reply', value: read(result), ...bytesOf(result, 'request', 'responses') };
    } catch (error) {
      return classify(error);
    }
  };

  return {
    get isOpen() {
      return client.isOpen && !closedByUs;
    },
    read: (fn, address, count) =>
      exclusive<number[] | boolean[]>(() => {
        if (fn === 1) return exchange(() => client.readCoils(address, count), (r) => booleansOf(r, count));
        if (fn === 2) return exchange(() => client.readDiscreteInputs(address, count), (r) => booleansOf(r, count));
        if (fn === 3) return exchange(() => client.readHoldingRegisters(address, count), (r) => wordsOf(r));
        return exchange(() => client.readInputRegisters(address, count), (r) => wordsOf(r));
      }),
    writeRegister: (address, value) => exclusive(() => exchange(() => client.writeRegister(address, value), () => null)),
    onClose(listener) {
      closeListeners.push(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        stopPresence();
        if (closedByUs) return resolve();
        closedByUs = true;
        // An error here means the port was already closed (unplugged): the state we want.
        if (client.isOpen) client.close(() => resolve());
        else resolve();
      }),
  };
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const message: unknown = Reflect.get(error, 'message');
    if (typeof message === 'string') return message;
  }
  return String(error);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function bytesOf(value: unknown, requestKey: string, responsesKey: string): { request: Uint8Array | null; reply: Uint8Array | null } {
  const request = field(value, requestKey);
  const responses = field(value, responsesKey);
  const chunks = Array.isArray(responses) ? responses.filter((chunk): chunk is Uint8Array => chunk instanceof Uint8Array) : [];
  const reply = chunks.length === 0 ? null : Uint8Array.from(chunks.flatMap((chunk) => Array.from(chunk)));
  return { request: request instanceof Uint8Array ? Uint8Array.from(request) : null, reply };
}

function classify(error: unknown): RtuOutcome<never> {
  const bytes = bytesOf(error, 'modbusRequest', 'modbusResponses');
  const code = field(error, 'modbusCode');
  if (typeof code === 'number') return { kind: 'exception', code, ...bytes };
  const name = field(error, 'name');
  if (name === 'TransactionTimedOutError') return { kind: 'timeout', request: bytes.request };
  if (name === 'PortNotOpenError') return { kind: 'portClosed' };
  return { kind: 'badReply', reason: messageOf(error), ...bytes };
}

function wordsOf(result: unknown): number[] {
  const data = field(result, 'data');
  return Array.isArray(data) ? data.map((word) => (typeof word === 'number' ? word : 0)) : [];
}

/** modbus-serial pads bit replies to whole bytes; only the first `count` bits were asked for. */
function booleansOf(result: unknown, count: number): boolean[] {
  const data = field(result, 'data');
  return Array.isArray(data) ? data.slice(0, count).map((bit) => bit === true) : [];
}
