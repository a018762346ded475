// A WebSocket client made of a bare TCP socket, to send the host frames no real client would (RFC 6455 §5.2).
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameOptions {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Clients must mask every frame (§5.3); false sends one unmasked. */
  masked?: boolean;
  /** The length the header announces, when it should differ from the payload sent (a header alone). */
  announcedLength?: number;
}

/** One frame as a client sends it. */
export function clientFrame(options: FrameOptions): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const length = options.announcedLength ?? payload.length;
  const masked = options.masked ?? true;
  const first = ((options.fin ?? true) ? 0x80 : 0) | (options.rsv1 ? 0x40 : 0) | options.opcode;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, (masked ? 0x80 : 0) | length]);
  } else if (length < 65536) {
    header = Buffer.from([first, (masked ? 0x80 : 0) | 126, 0, 0]);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

export interface RawConnection {
  socket: Socket;
  /** The close code of the server's close frame, once the server has closed the connection (null: it sent none). */
  closed: Promise<number | null>;
}

/** Opens `/api` on the host through a real HTTP upgrade, then hands over the socket. */
export function rawUpgrade(port: number, token: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let upgraded = false;
    const closed = new Promise<number | null>((resolveClosed) => {
      socket.on('close', () => resolveClosed(closeCode(received)));
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (upgraded) return;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString();
      received = received.subarray(end + 4);
      if (!head.startsWith('HTTP/1.1 101')) {
        reject(new Error(head.split('\r\n')[0]));
        return;
      }
      upgraded = true;
      resolve({ socket, closed });
    });
    socket.write(
      [
        `GET /api?token=${token} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** The status code of the first close frame among the server's frames (server frames are unmasked). */
function closeCode(data: Buffer): number | null {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = data[at]! & 0x0f;
    let length = data[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = data.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}
