import { openSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName, startCore } from '../../../../electron/core/core';
import { startTempCore } from '../../../support/temp-core';

describe('the start-up integrity check', () => {
  it('refuses a database whose pages were damaged on disk, naming the file', async () => {
    const t = await startTempCore();
    for (let i = 0; i < 300; i += 1) await t.call('assets.create', { name: `摄像机 ${i}`, systemId: 'cctv', notes: '走廊东侧'.repeat(20) });
    await t.core.close();
    const path = join(t.dataDir, databaseFileName);
    const size = statSync(path).size;
    // Scribble over pages in the middle of the file, as a failing disk or a half-copied file would.
    const fd = openSync(path, 'r+');
    const garbage = Buffer.alloc(4096 * 4, 0x5a);
    writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const core = await startCore({ dataDir: t.dataDir, transport: 'web', version: 'test' });
    expect(core.info.startupError).toMatchObject({ code: 'db_corrupt', params: { path } });
    await core.close();
  });
});
