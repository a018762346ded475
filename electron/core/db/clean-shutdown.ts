// The clean-shutdown mark: start-up may defer the full integrity check when the file is exactly as the console left it.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const markFileName = 'clean-shutdown.json';

interface FileIdentity {
  size: number;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

function identityOf(databasePath: string): FileIdentity {
  const stat = statSync(databasePath, { bigint: true });
  return { size: Number(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs), ino: String(stat.ino) };
}

/**
 * True when the console closed cleanly last time and nothing touched the file since: the mark is there, the WAL
 * was checkpointed away, and size, inode and change times are the ones recorded at close. Anything else (a crash,
 * a copy, a write from outside) answers false and start-up runs the full check before opening.
 */
export function closedCleanly(dataDir: string, databasePath: string): boolean {
  const markPath = join(dataDir, markFileName);
  if (!existsSync(markPath) || !existsSync(databasePath) || existsSync(`${databasePath}-wal`)) return false;
  try {
    const recorded = JSON.parse(readFileSync(markPath, 'utf8')) as Partial<FileIdentity>;
    const current = identityOf(databasePath);
    return (
      recorded.size === current.size && recorded.mtimeNs === current.mtimeNs && recorded.ctimeNs === current.ctimeNs && recorded.ino === current.ino
    );
  } catch {
    // An unreadable mark is no proof of a clean shutdown.
    return false;
  }
}

/** Removed as soon as the database is open: from then on a crash leaves no mark behind. */
export function clearCleanShutdownMark(dataDir: string): void {
  rmSync(join(dataDir, markFileName), { force: true });
}

/** Written after the database is closed (WAL checkpointed and removed), recording the file as it was left. */
export function writeCleanShutdownMark(dataDir: string, databasePath: string): void {
  if (!existsSync(databasePath) || existsSync(`${databasePath}-wal`)) return;
  const fd = openSync(join(dataDir, markFileName), 'w');
  try {
    writeSync(fd, JSON.stringify(identityOf(databasePath)));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
