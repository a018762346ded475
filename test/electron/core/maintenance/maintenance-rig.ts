// A real core on a temporary SQLite file with a clock the test moves, reopened on the same file when asked.
import { rmSync } from 'node:fs';
import { type Core, startCore } from '../../../../electron/core/core';
import type { MethodInput, MethodName, MethodResult } from '../../../../shared/contract';
import type { CallContext } from '../../../../electron/core/context';
import { tempDir } from '../../../support/temp-core';

export const engineer: CallContext = { operator: 'eng-li', role: 'engineer' };

export interface MaintenanceRig {
  core: Core;
  clock: { at: number };
  call<M extends MethodName>(method: M, input: MethodInput<M>, caller?: CallContext): Promise<MethodResult<M>>;
  /** The error code a refused call answers with. */
  refusal(method: MethodName, input: unknown, caller?: CallContext): Promise<string>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function openRig(at: number): Promise<MaintenanceRig> {
  const dataDir = tempDir('maintenance-test-');
  const clock = { at };
  const start = () => startCore({ dataDir, transport: 'web', version: 'test', clock: { now: () => clock.at }, slaWatchIntervalMs: 0, idleCheckIntervalMs: 0, devices: { autoStart: false } });
  const rig: MaintenanceRig = {
    core: await start(),
    clock,
    async call(method, input, caller = engineer) {
      const result = await rig.core.call(method, input, caller);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${JSON.stringify(result.error.params)} ${JSON.stringify(result.error.issues ?? [])}`);
      return result.value as MethodResult<typeof method>;
    },
    async refusal(method, input, caller = engineer) {
      const result = await rig.core.call(method, input, caller);
      if (result.ok) throw new Error(`${method} was accepted`);
      return result.error.code;
    },
    async reopen() {
      await rig.core.close();
      rig.core = await start();
    },
    async close() {
      await rig.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** Noon UTC on a day, so the local day is that day in any zone from UTC−11 to UTC+11. */
export function noon(day: string): number {
  return Date.parse(`${day}T12:00:00Z`);
}
