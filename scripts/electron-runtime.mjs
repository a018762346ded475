// Decides how `npm start` runs the console: in the Electron binary when this machine has one and a
// display, else in browser mode (the headless host). The decision is pure; the probing is separate.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the Electron executable the way the `electron` package's index.js does (its `path.txt`,
 * `ELECTRON_OVERRIDE_DIST_PATH`), but without requiring that module: when the binary is missing,
 * `require('electron')` starts a download with inherited output and then throws, which would bury
 * the one sentence `npm start` prints. Returns the executable's path, or null.
 *
 * @param {{ packageDir: string | null, env: Record<string, string | undefined>,
 *           exists: (path: string) => boolean, readText: (path: string) => string | null }} probe
 * @returns {string | null}
 */
export function findElectronBinary({ packageDir, env, exists, readText }) {
  if (!packageDir) return null;
  const executable = readText(join(packageDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary = null;
  if (override) binary = join(override, executable ?? 'electron');
  else if (executable) binary = join(packageDir, 'dist', executable);
  return binary && exists(binary) ? binary : null;
}

export const browserModeSentences = {
  missingRuntime:
    'The Electron runtime is not installed on this machine (its download host could not be reached), so Duty Console starts in browser mode instead.',
  noDisplay: 'This machine has no graphical display for the Electron window, so Duty Console starts in browser mode instead.',
};

/**
 * @param {{ electronBinary: string | null, platform: string, env: Record<string, string | undefined> }} facts
 * @returns {{ mode: 'electron', binary: string } | { mode: 'browser', sentence: string }}
 */
export function chooseStartMode({ electronBinary, platform, env }) {
  if (!electronBinary) return { mode: 'browser', sentence: browserModeSentences.missingRuntime };
  // On Linux a window needs an X11 or Wayland display; Windows and macOS always have one.
  const hasDisplay = platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (!hasDisplay) return { mode: 'browser', sentence: browserModeSentences.noDisplay };
  return { mode: 'electron', binary: electronBinary };
}

/** The facts of this machine, for `findElectronBinary`. */
export function probeThisMachine(env = process.env) {
  let packageDir = null;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    packageDir = null;
  }
  return {
    packageDir,
    env,
    exists: (path) => existsSync(path),
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
