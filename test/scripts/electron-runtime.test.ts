// How `npm start` decides between the Electron app and browser mode.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserModeSentences, chooseStartMode, findElectronBinary, probeThisMachine } from '../../scripts/electron-runtime.mjs';

const packageDir = join('/', 'repo', 'node_modules', 'electron');

function probe(files: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return {
    packageDir,
    env,
    exists: (path: string) => path in files,
    readText: (path: string) => files[path] ?? null,
  };
}

describe('findElectronBinary', () => {
  it('finds the binary named by the package path.txt', () => {
    const binary = join(packageDir, 'dist', 'electron');
    expect(findElectronBinary(probe({ [join(packageDir, 'path.txt')]: 'electron', [binary]: '' }))).toBe(binary);
  });

  it('trims the path.txt content', () => {
    const binary = join(packageDir, 'dist', 'electron.exe');
    expect(findElectronBinary(probe({ [join(packageDir, 'path.txt')]: 'electron.exe\n', [binary]: '' }))).toBe(binary);
  });

  it('finds nothing when the download never happened (no path.txt)', () => {
    expect(findElectronBinary(probe({}))).toBeNull();
  });

  it('finds nothing when path.txt names a binary that is not on disk', () => {
    expect(findElectronBinary(probe({ [join(packageDir, 'path.txt')]: 'electron' }))).toBeNull();
  });

  it('finds nothing when the electron package is not installed', () => {
    expect(findElectronBinary({ ...probe({}), packageDir: null })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const binary = join('/', 'opt', 'electron', 'electron');
    expect(findElectronBinary(probe({ [binary]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: join('/', 'opt', 'electron') }))).toBe(binary);
    expect(findElectronBinary(probe({}, { ELECTRON_OVERRIDE_DIST_PATH: join('/', 'opt', 'electron') }))).toBeNull();
  });
});

describe('chooseStartMode', () => {
  it('starts the Electron app when the binary exists and there is a display', () => {
    expect(chooseStartMode({ electronBinary: '/e/electron', platform: 'linux', env: { DISPLAY: ':0' } })).toEqual({ mode: 'electron', binary: '/e/electron' });
    expect(chooseStartMode({ electronBinary: '/e/electron', platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toMatchObject({ mode: 'electron' });
    expect(chooseStartMode({ electronBinary: 'C:\\e\\electron.exe', platform: 'win32', env: {} })).toMatchObject({ mode: 'electron' });
  });

  it('falls back to browser mode with one sentence when the runtime is missing', () => {
    const start = chooseStartMode({ electronBinary: null, platform: 'linux', env: { DISPLAY: ':0' } });
    expect(start).toEqual({ mode: 'browser', sentence: browserModeSentences.missingRuntime });
    expect(browserModeSentences.missingRuntime).toMatch(/^The Electron runtime is not installed on this machine .*browser mode instead\.$/);
  });

  it('falls back to browser mode on a Linux machine without a display', () => {
    expect(chooseStartMode({ electronBinary: '/e/electron', platform: 'linux', env: {} })).toEqual({ mode: 'browser', sentence: browserModeSentences.noDisplay });
  });
});

describe('probeThisMachine', () => {
  it('locates the installed electron package without loading it', () => {
    const facts = probeThisMachine({});
    expect(facts.packageDir).toMatch(/node_modules[\\/]electron$/);
    expect(facts.readText(join(facts.packageDir!, 'package.json'))).toContain('"name": "electron"');
    expect(facts.readText(join(facts.packageDir!, 'no-such-file'))).toBeNull();
  });
});
