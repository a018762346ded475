// Types of scripts/electron-runtime.mjs, for the TypeScript tests that import it.

export interface ElectronProbe {
  packageDir: string | null;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  readText(path: string): string | null;
}

export type StartMode = { mode: 'electron'; binary: string } | { mode: 'browser'; sentence: string };

export function findElectronBinary(probe: ElectronProbe): string | null;
export const browserModeSentences: { missingRuntime: string; noDisplay: string };
export function chooseStartMode(facts: { electronBinary: string | null; platform: string; env: Record<string, string | undefined> }): StartMode;
export function probeThisMachine(env?: Record<string, string | undefined>): ElectronProbe;
