// The last line of defence: an exception nothing caught is appended to <dataDir>/crash.log (time, version, what
// ran, the stack) before the process ends, so a console that restarted in the night leaves a trace of why.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const crashLogFileName = 'crash.log';
/** Past this size the log becomes crash.log.1 (replacing the one before): at most twice this on disk. */
export const crashLogMaxBytes = 1024 * 1024;
/** One entry's stack; a deep recursion's stack would otherwise fill the log by itself. */
const stackMaxChars = 16 * 1024;

export interface CrashLogOptions {
  dataDir: string;
  version: string;
  /** Which process this is: 'host' (the headless host) or 'desktop' (Electron's main process). */
  processName: string;
  clock?: { now(): number };
}

export type CrashKind = 'uncaughtException' | 'unhandledRejection' | 'renderer';

/** Appends one entry. Never throws: it runs while the process is already failing. Returns whether it was written. */
export function appendCrashLog(options: CrashLogOptions, kind: CrashKind, error: unknown): boolean {
  const time = new Date((options.clock ?? Date).now()).toISOString();
  const entry = `${time} ${options.processName} ${options.version} pid ${process.pid} ${kind}\n${describe(error).slice(0, stackMaxChars)}\n\n`;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, crashLogFileName);
    if (sizeOf(file) + entry.length > crashLogMaxBytes) renameSync(file, `${file}.1`);
    appendFileSync(file, entry, { mode: 0o600 });
    return true;
  } catch (err) {
    console.error(`The crash log could not be written: ${describe(err)}`);
    return false;
  }
}

/**
 * Writes every uncaught exception and unhandled rejection to the crash log, then calls `afterLogging` (which ends
 * the process: its state is unknown after such an error). Returns a function that takes the handlers off again.
 */
export function installCrashLog(options: CrashLogOptions, afterLogging: (kind: CrashKind) => void): () => void {
  const handle = (kind: CrashKind) => (error: unknown) => {
    console.error(`Duty Console stopped on an unexpected error (${kind}): ${describe(error)}`);
    appendCrashLog(options, kind, error);
    afterLogging(kind);
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return `Not an Error: ${JSON.stringify(error)}`;
  } catch {
    return `Not an Error: ${String(error)}`;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
