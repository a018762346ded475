// The journal's record outside the database: where its keyed chain starts and the latest checkpoints of its head.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { JournalCheckpoint } from '../../../shared/contract/journal';

export const checkpointFileName = 'journal-checkpoints.json';
/** Checkpoints kept: a few days of shift handovers and restarts; the newest ones are what a cut is measured against. */
export const checkpointsKept = 20;

const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number().int(),
  reason: z.enum(['keyed', 'shutdown', 'handover', 'backup', 'upstream']),
});

const recordSchema = z.object({
  /** The first seq hashed with the key: the same number as the database's journal_keying row, or tampering. */
  keyedFrom: z.number().int().min(1),
  /** Oldest first. */
  checkpoints: z.array(checkpointSchema),
});

export type CheckpointRecord = z.infer<typeof recordSchema>;

/** The record, or null when the file is missing or unreadable (either way it can vouch for nothing). */
export function readCheckpointFile(dataDir: string): CheckpointRecord | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, checkpointFileName), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON: a torn or garbled file vouches for nothing; the caller reports it as missing.
    return null;
  }
}

/** Replaces the file atomically: a crash leaves the old record or the new one, never half of one. */
export function writeCheckpointFile(dataDir: string, record: CheckpointRecord): void {
  const path = join(dataDir, checkpointFileName);
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(record, null, 1)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncFolder(dataDir);
}

/** Makes the rename itself durable. Windows cannot open a folder for syncing; NTFS journals the rename instead. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The record with one more checkpoint, the oldest dropped past `checkpointsKept`. */
export function withCheckpoint(record: CheckpointRecord, checkpoint: JournalCheckpoint): CheckpointRecord {
  return { keyedFrom: record.keyedFrom, checkpoints: [...record.checkpoints, checkpoint].slice(-checkpointsKept) };
}
