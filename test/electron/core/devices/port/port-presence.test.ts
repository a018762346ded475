import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchPortPresence } from '../../../../../electron/core/devices/port/port-presence';
import { eventually } from '../../../../support/eventually';

describe('port presence', () => {
  it('says once that the device node is gone, and nothing after it was stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presence-'));
    const node = join(dir, 'ttyUSB0');
    const other = join(dir, 'ttyUSB1');
    writeFileSync(node, '');
    writeFileSync(other, '');
    let gone = 0;
    let otherGone = 0;
    watchPortPresence(node, () => gone++);
    const stop = watchPortPresence(other, () => otherGone++);
    stop();
    rmSync(node);
    rmSync(other);
    await eventually('the node missed', () => gone === 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(gone).toBe(1);
    expect(otherGone).toBe(0);
    rmSync(dir, { recursive: true });
  });
});
