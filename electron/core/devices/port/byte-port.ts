// A byte stream to one device: what every protocol session runs over (a serial port, or a test pty).

export interface BytePort {
  /** A human name for logs and the diagnostics view, e.g. the port path. */
  readonly name: string;
  /** Writes and waits until the bytes are handed to the operating system. */
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribes to received chunks (arbitrary split points); returns the unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the port closes for any reason (unplugged, closed by us); `error` if it failed. */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
  readonly isOpen: boolean;
}

export interface SerialSettings {
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
}

export const defaultSerialSettings: SerialSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };
