// Starts a real core on a fresh SQLite file in a temporary folder, and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { type Core, type CoreOptions, startCore } from '../../electron/core/core';

export interface TempCore {
  core: Core;
  dataDir: string;
  /** Calls a method and returns its value, failing the test with the error's code otherwise. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'duty-console-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTempCore(options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = options.dataDir ?? tempDir();
  const core = await startCore({ transport: 'web', version: 'test', ...options, dataDir });
  return {
    core,
    dataDir,
    async call(method, input) {
      const result = await core.call(method, input, { operator: 'tester' });
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
      return result.value as MethodResult<typeof method>;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
