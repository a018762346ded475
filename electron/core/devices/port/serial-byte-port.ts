// Opens a real serial port (or pty) with the serialport package as a BytePort.

import { SerialPort } from 'serialport';
import { AppError } from '../../../../shared/contract/app-error';
import type { BytePort, SerialSettings } from './byte-port';
import { watchPortPresence } from './port-presence';

export async function openSerialBytePort(path: string, settings: SerialSettings): Promise<BytePort> {
  const port = new SerialPort({ path, ...settings, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) reject(new AppError('devices.portOpenFailed', 'devices.portOpenFailed', { path, reason: error.message }));
      else resolve();
    });
  });
  let closed = false;
  const closeListeners = new Set<(error?: Error) => void>();
  const fireClose = (error?: Error): void => {
    if (closed) return;
    closed = true;
    stopPresence();
    if (port.isOpen) port.close(() => undefined);
    for (const listener of closeListeners) listener(error);
  };
  const stopPresence = watchPortPresence(path, () => fireClose(new AppError('devices.portGone', 'devices.portGone', { path })));
  port.on('close', (error?: Error & { disconnected?: boolean }) => fireClose(error ?? undefined));
  port.on('error', (error: Error) => fireClose(error));
  return {
    name: path,
    get isOpen() {
      return !closed && port.isOpen;
    },
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) => {
          if (error) {
            reject(new AppError('devices.portWriteFailed', 'devices.portWriteFailed', { path, reason: error.message }));
            return;
          }
          port.drain((drainError) => {
            if (drainError) reject(new AppError('devices.portWriteFailed', 'devices.portWriteFailed', { path, reason: drainError.message }));
            else resolve();
          });
        });
      }),
    onData(listener) {
      const handler = (chunk: Buffer): void => listener(new Uint8Array(chunk));
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) {
          fireClose();
          resolve();
          return;
        }
        port.close(() => {
          fireClose();
          resolve();
        });
      }),
  };
}
