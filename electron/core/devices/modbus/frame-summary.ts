// One-line descriptions of Modbus requests, replies and exceptions for the diagnostics traffic monitor.

import type { ModbusRequest } from './rtu-frame';

const functionNames: Record<number, string> = {
  1: 'read coils',
  2: 'read discrete inputs',
  3: 'read holding registers',
  4: 'read input registers',
  5: 'write coil',
  6: 'write register',
  15: 'write coils',
  16: 'write registers',
};

/** Modbus Application Protocol V1.1b3 §7: exception codes. */
export const exceptionNames: Record<number, string> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'slave device failure',
  5: 'acknowledge',
  6: 'slave device busy',
  8: 'memory parity error',
  10: 'gateway path unavailable',
  11: 'gateway target device failed to respond',
};

export const hexAddress = (address: number): string => `0x${address.toString(16).padStart(4, '0')}`;

export function functionName(fn: number): string {
  return functionNames[fn] ?? `function ${fn}`;
}

export function describeRequest(request: ModbusRequest): string {
  const head = `slave ${request.slave} ${functionName(request.function)}`;
  if ('unsupported' in request) return head;
  if ('count' in request) return `${head} ${hexAddress(request.address)} ×${request.count}`;
  if ('values' in request) return `${head} ${hexAddress(request.address)} = ${request.values.join(' ')}`;
  return `${head} ${hexAddress(request.address)} = ${String(request.value)}`;
}

const maxShown = 16;

/** A good reply to `request`, with what it carried. */
export function describeReply(request: ModbusRequest, data: readonly (number | boolean)[] | null): string {
  if (!('count' in request) || data === null) return `${describeRequest(request)} ok`;
  const head = `slave ${request.slave} ${functionName(request.function)}`;
  const shown = data.slice(0, request.count).slice(0, maxShown).map((v) => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v)));
  const more = request.count > maxShown ? ' …' : '';
  return `${head} ${hexAddress(request.address)}: ${shown.join(' ')}${more}`;
}

export function describeException(request: ModbusRequest, code: number): string {
  const name = exceptionNames[code] ?? 'unknown exception';
  return `slave ${request.slave} ${functionName(request.function)} exception ${code.toString(16).padStart(2, '0')} ${name}`;
}
