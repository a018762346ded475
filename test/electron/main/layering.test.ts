// The main process's pure decision modules stay free of electron, so the tests above run them under Node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pureModules = ['security-policy.ts', 'app-files.ts', 'bridge-call.ts', 'ipc-channels.ts'];
const importsElectron = /(?:from\s+|require\()\s*['"]electron['"]/;

describe('electron/main layering', () => {
  it.each(pureModules)('%s imports nothing from electron', (file) => {
    const source = readFileSync(new URL(`../../../electron/main/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(importsElectron);
  });

  it('the preload imports electron for the bridge only, and no Node module', () => {
    const source = readFileSync(new URL('../../../electron/preload/preload.ts', import.meta.url), 'utf8');
    const imported = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imported.filter((name) => !name!.startsWith('.'))).toEqual(['electron']);
  });
});
