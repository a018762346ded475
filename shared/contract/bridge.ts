// The preload bridge's shape: the only object the desktop app exposes to the renderer.
import type { Result } from './app-error';

export interface DutyConsoleBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, handler: (payload: unknown) => void): () => void;
}

export const bridgeKey = 'dutyConsole';
