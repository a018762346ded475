import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../../electron/core/core';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { readCheckpointFile } from '../../../../electron/core/journal/checkpoint-file';
import { openJournalKey } from '../../../../electron/core/journal/journal-key';
import { verifyChain } from '../../../../electron/core/journal/verify-chain';
import { startTempCore } from '../../../support/temp-core';

describe('checking the chain', () => {
  it('reports its progress batch by batch up to the whole chain', async () => {
    const t = await startTempCore();
    try {
      for (let i = 1; i <= 12; i += 1) await t.call('assets.create', { name: `读卡器 ${i}`, systemId: 'access-control' });
      const seen: [number, number][] = [];
      const db = await openDatabase(join(t.dataDir, databaseFileName));
      const outside = { key: openJournalKey(t.dataDir).key, record: readCheckpointFile(t.dataDir) };
      const check = await verifyChain(db, outside, { batchSize: 5, onProgress: (checked, total) => seen.push([checked, total]) });
      await db.destroy();
      expect(check).toMatchObject({ ok: true, checked: 12, broken: null });
      expect(seen).toEqual([
        [5, 12],
        [10, 12],
        [12, 12],
      ]);
    } finally {
      await t.close();
    }
  });

  it('pushes the progress to every connected UI while journal.verify runs', async () => {
    const t = await startTempCore();
    try {
      await t.call('assets.create', { name: '门禁控制器', systemId: 'access-control' });
      const progress: { checked: number; total: number }[] = [];
      t.core.onEvent((event, payload) => {
        if (event === 'journal.verifyProgress') progress.push(payload as { checked: number; total: number });
      });
      await t.call('journal.verify', {});
      expect(progress).toEqual([{ checked: 1, total: 1 }]);
    } finally {
      await t.close();
    }
  });
});
