// The one client the UI uses; which transport carries it is decided here and nowhere else.
import type { ConsoleClient } from '../../../shared/contract';
import { createElectronClient, electronBridge } from './electron-bridge';
import { createWebSocketClient } from './websocket';

let client: ConsoleClient | null = null;

export function consoleClient(): ConsoleClient {
  if (!client) {
    const bridge = electronBridge();
    client = bridge ? createElectronClient(bridge) : createWebSocketClient();
  }
  return client;
}
