// Record ids: UUID v7 (time-ordered, so new rows land at the end of their indexes), monotonic within a millisecond.
// The `uuid` package asks the OS for 16 random bytes per id; a burst of alarms needs two ids per event, so the
// random bytes come from a pool refilled 256 ids at a time, with the same millisecond and sequence rules as `uuid`.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const idsPerFill = 256;
const pool = new Uint8Array(16 * idsPerFill);
let offset = pool.length;
let lastMs = -Infinity;
let seq = 0;

function nextRandom(): Uint8Array {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  return random;
}

/** A new UUID v7, greater than every id this process made before. */
export function newId(now: number = Date.now()): string {
  const random = nextRandom();
  if (now > lastMs) {
    // A fresh 31-bit sequence each millisecond, as `uuid` does: ids of one millisecond count up from a random start.
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    lastMs = now;
  } else {
    seq = (seq + 1) | 0;
    // The sequence ran over: borrow the next millisecond, so the order still holds.
    if (seq === 0) lastMs += 1;
  }
  return v7({ random, msecs: lastMs, seq });
}
