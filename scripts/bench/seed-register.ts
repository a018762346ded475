// Seeds a register the way an import would: batches of devices, one transaction each, a journal entry per device.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { insertDevice, loadCatalogNames } from '../../electron/core/assets/device-service';
import { ensureBuiltinCatalog } from '../../electron/core/assets/catalog-service';
import type { CoreContext } from '../../electron/core/context';
import { openJournalKey } from '../../electron/core/journal/journal-key';
import { databaseFileName } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/open-database';
import { inTransaction } from '../../electron/core/journal/service';
import { generateDevice, seededRandom } from './device-generator';

export interface SeedOutcome {
  devices: number;
  transactions: number;
  ms: number;
}

/** Opens the data directory's database with the core's own code and fills it to `count` devices. */
export async function seedRegister(
  dataDir: string,
  count: number,
  options: { batchSize: number; onProgress?: (done: number) => void },
): Promise<SeedOutcome> {
  mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(join(dataDir, databaseFileName));
  try {
    await ensureBuiltinCatalog(db);
    const ctx: CoreContext = { db, dataDir, journalKey: openJournalKey(dataDir).key, clock: { now: () => Date.now() }, newId: uuidv7, emit: () => undefined };
    const random = seededRandom(20240601);
    const names = await loadCatalogNames(db);
    const started = performance.now();
    let done = 0;
    let transactions = 0;
    for (let n = 1; done < count; ) {
      const target = Math.min(count, done + options.batchSize);
      await inTransaction(ctx, async (trx, journal) => {
        while (done < target) {
          const { fields, children } = generateDevice(random, n);
          n += 1;
          const parent = await insertDevice(ctx, trx, fields, names);
          const created = [parent];
          for (const child of children.slice(0, target - done - 1)) {
            created.push(await insertDevice(ctx, trx, { ...child, parentId: parent.id }, names));
          }
          for (const device of created) {
            const { id, createdAt, updatedAt, ...payload } = device;
            await journal({ type: 'device.created', entityType: 'device', entityId: id, payload, operator: 'bench' });
          }
          done += created.length;
        }
      });
      transactions += 1;
      options.onProgress?.(done);
    }
    return { devices: done, transactions, ms: performance.now() - started };
  } finally {
    await db.destroy();
  }
}
