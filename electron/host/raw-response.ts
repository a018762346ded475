// An HTTP response written straight to a socket, for the refusals that come before Node or ws hand us a response
// object (a bad request line, oversized headers, a refused or malformed WebSocket upgrade).
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** The whole response, headers and an empty body, for a connection that is closed after it. */
export function rawResponse(status: number, headers: Record<string, string>): string {
  const fields = { ...headers, connection: 'close', 'content-length': '0' };
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, ...Object.entries(fields).map(([name, value]) => `${name}: ${value}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** The status Node itself would answer a parser error with (its default `clientError` handling). */
export function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** Answers `status` on a socket no response object owns, then closes it. */
export function endWithResponse(socket: Duplex, status: number, headers: Record<string, string>): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // A peer that never reads or closes would otherwise hold the half-closed socket.
  socket.once('finish', () => socket.destroy());
  socket.end(rawResponse(status, headers));
}
