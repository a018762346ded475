import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DeviceFields, type DeviceFieldsInput, deviceFieldsSchema, type SearchInput } from '../../../../shared/contract/assets';
import { databaseFileName } from '../../../../electron/core/core';
import { ensureBuiltinCatalog } from '../../../../electron/core/assets/catalog-service';
import { loadCatalogNames } from '../../../../electron/core/assets/device-service';
import { searchCountCap, searchText } from '../../../../electron/core/assets/search-index';
import { openDatabase } from '../../../../electron/core/db/open-database';
import { startTempCore, tempDir, type TempCore } from '../../../support/temp-core';

// 'integration' has no brands and the devices below no type, so a device's searchable text is its
// own fields plus the system's names 系统集成 / System integration, and nothing else.
const plain = (name: string, more: Partial<DeviceFieldsInput> = {}): DeviceFieldsInput => ({ name, systemId: 'integration', ...more });

const columnsOf = (f: DeviceFields) => ({
  system_id: f.systemId, type_id: f.typeId, name: f.name, brand: f.brand, model: f.model, serial_no: f.serialNo, asset_tag: f.assetTag,
  building: f.building, floor: f.floor, room: f.room, rack: f.rack, address: f.address, install_date: f.installDate,
  warranty_end: f.warrantyEnd, status: f.status, notes: f.notes, parent_id: f.parentId,
});

describe('device search', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  const names = async (input: SearchInput) => (await t.call('assets.search', input)).items.map((d) => d.name).sort();

  it('finds a Chinese word of one, two, or three and more characters anywhere in the text', async () => {
    for (const name of ['中心机房硬盘录像机', '大堂摄像机', '弱电间301接入交换机']) await t.call('assets.create', plain(name));
    expect(await names({ q: '录' })).toEqual(['中心机房硬盘录像机']);
    expect(await names({ q: '机' })).toEqual(['中心机房硬盘录像机', '大堂摄像机', '弱电间301接入交换机']);
    expect(await names({ q: '机房' })).toEqual(['中心机房硬盘录像机']);
    expect(await names({ q: '像机' })).toEqual(['中心机房硬盘录像机', '大堂摄像机']);
    expect(await names({ q: '盘录像' })).toEqual(['中心机房硬盘录像机']);
    expect(await names({ q: '弱电间3' })).toEqual(['弱电间301接入交换机']);
    expect(await names({ q: '中心机房硬盘录像机' })).toEqual(['中心机房硬盘录像机']);
    expect(await names({ q: '录像机房' })).toEqual([]);
    expect(await names({ q: '系统集成' })).toHaveLength(3);
  });

  it('counts the matches whichever page is asked for, one past the last included', async () => {
    for (const name of ['中心机房硬盘录像机', '大堂摄像机', '弱电间301接入交换机']) await t.call('assets.create', plain(name));
    expect(await t.call('assets.search', { q: '像机', limit: 1 })).toMatchObject({ total: 2, items: [{ name: '大堂摄像机' }] });
    expect(await t.call('assets.search', { q: '像机', offset: 1, limit: 1 })).toMatchObject({ total: 2, items: [{ name: '中心机房硬盘录像机' }] });
    expect(await t.call('assets.search', { q: '像机', offset: 2 })).toEqual({ total: 2, items: [] });
    expect(await t.call('assets.search', { offset: 50 })).toEqual({ total: 3, items: [] });
    expect(await t.call('assets.search', { q: '不存在' })).toEqual({ total: 0, items: [] });
  });

  it('finds Latin letters and digits in the middle of a word, in any case', async () => {
    await t.call('assets.create', plain('录像机', { model: 'DH-NVR4208-8P', serialNo: '5J0A3B1PAZ0012' }));
    await t.call('assets.create', plain('交换机', { model: 'S5720-28X-SI', address: '10.12.3.45' }));
    for (const q of ['nvr42', 'VR4', '08-8p', 'a3b1P', 'Z001', '-8P', 'dh-nvr4208-8p']) expect(await names({ q }), q).toEqual(['录像机']);
    for (const q of ['s5720', '0-28x', '.3.', '12.3.45', 'INTEGRATION']) expect(await names({ q }), q).toContain('交换机');
    for (const q of ['nvr44', 'DH-NVR4208-8PX', '8p-', 'zz']) expect(await names({ q }), q).toEqual([]);
  });

  it('takes quotes, %, _, *, brackets and full-text operators literally', async () => {
    await t.call('assets.create', plain('Cam "East" 50%_off (AND) NEAR* ^x'));
    await t.call('assets.create', plain('Cam West'));
    const cam = ['Cam "East" 50%_off (AND) NEAR* ^x'];
    for (const q of ['"East"', '"', '50%', '%_', '_', '(AND)', 'AND', ')', '*', 'NEAR*', '^x', '"E', 't"']) expect(await names({ q }), q).toEqual(cam);
    for (const q of ['50%x', '%%', '__', 'OR', 'NOT', '"West"', "'"]) expect(await names({ q }), q).toEqual([]);
  });

  it('requires every word of a search, in any order, and never across a gap between words or fields', async () => {
    await t.call('assets.create', plain('机房 录像', { model: 'ab', serialNo: 'cd' }));
    await t.call('assets.create', plain('机房NVR'));
    expect(await names({ q: '机房 nvr' })).toEqual(['机房NVR']);
    expect(await names({ q: 'NVR  机房' })).toEqual(['机房NVR']);
    expect(await names({ q: '机房 不存在' })).toEqual([]);
    for (const q of ['房录', '房 录像', 'bc', 'b│c']) expect(await names({ q }), q).toEqual(q === '房 录像' ? ['机房 录像'] : []);
  });

  it('narrows by system, status and location, alone or with words, and follows an update', async () => {
    const a = await t.call('assets.create', plain('机房摄像机', { systemId: 'cctv', building: 'A座', floor: '3F', room: '中心机房' }));
    await t.call('assets.create', plain('机房交换机', { systemId: 'cabling-network', building: 'A座', floor: '3F', room: '弱电间301' }));
    await t.call('assets.create', plain('大堂摄像机', { systemId: 'cctv', building: 'B座', floor: '1F', room: '大堂', status: 'faulty' }));
    expect(await names({ systemId: 'cctv' })).toEqual(['大堂摄像机', '机房摄像机']);
    expect(await names({ q: '机房', systemId: 'cctv' })).toEqual(['机房摄像机']);
    expect(await names({ building: 'A座', floor: '3F' })).toEqual(['机房交换机', '机房摄像机']);
    expect(await names({ building: 'A座', room: '弱电间301' })).toEqual(['机房交换机']);
    expect(await names({ floor: '3' })).toEqual([]);
    expect(await names({ building: 'a座' })).toEqual([]);
    expect(await names({ q: '摄像', status: 'faulty' })).toEqual(['大堂摄像机']);

    await t.call('assets.update', { id: a.id, fields: { ...a, status: 'under_repair', room: '监控中心' } });
    expect(await names({ status: 'under_repair' })).toEqual(['机房摄像机']);
    expect(await names({ room: '中心机房' })).toEqual([]);
    expect(await names({ q: '监控中心', room: '监控中心' })).toEqual(['机房摄像机']);
    expect(await names({ q: '中心机房' })).toEqual([]);
  });

  it('agrees with a plain substring search on any names and words', async () => {
    const alphabet = ['机', '房', '录', '像', 'a', 'B', '1', '-', '%', '_', '"', ' '];
    const text = (max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: max }).map((cs) => cs.join(''));
    const devices = fc.sample(text(12).filter((s) => s.trim() !== ''), { numRuns: 30, seed: 7 });
    for (const name of devices) await t.call('assets.create', plain(name.trim()));
    const all = (await t.call('assets.search', { limit: 500 })).items;
    const folded = (s: string) => s.toLowerCase();
    const searchable = (d: (typeof all)[number]) => folded([d.name, d.assetTag, '系统集成', 'System integration'].join(' │ '));
    await fc.assert(
      fc.asyncProperty(text(4), async (q) => {
        const words = q.split(/\s+/).filter((w) => w !== '');
        const expected = all.filter((d) => words.every((w) => searchable(d).includes(folded(w)))).map((d) => d.id).sort();
        const found = (await t.call('assets.search', { q, limit: 500 })).items.map((d) => d.id).sort();
        expect(found, JSON.stringify(q)).toEqual(expected);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe('device search over a large register', () => {
  it('pages newest first and counts up to 10,000 matches, then says there are more', async () => {
    const registerSize = 10_200;
    const dataDir = tempDir();
    // Written straight to the tables in one transaction: ten thousand journalled creates would take minutes.
    const db = await openDatabase(join(dataDir, databaseFileName));
    await ensureBuiltinCatalog(db);
    const catalog = await loadCatalogNames(db);
    await db.transaction().execute(async (trx) => {
      for (let start = 1; start <= registerSize; start += 200) {
        const fields = Array.from({ length: 200 }, (_, i) =>
          deviceFieldsSchema.parse(plain(`摄像机 ${start + i}`, { assetTag: `T-${start + i}`, building: i % 2 ? 'A座' : 'B座' })),
        );
        const rows = await trx
          .insertInto('device')
          .values(fields.map((f) => ({ ...columnsOf(f), id: f.assetTag, created_at: 0, updated_at: 0 })))
          .returning('seq')
          .execute();
        await trx.insertInto('device_search').values(rows.map((r, i) => ({ rowid: r.seq, text: searchText(fields[i]!, catalog) }))).execute();
      }
    });
    await db.destroy();

    const t = await startTempCore({ dataDir });
    try {
      const first = await t.call('assets.search', { q: '摄像机', limit: 3 });
      expect(first).toMatchObject({ total: searchCountCap, totalCapped: true });
      expect(first.items.map((d) => d.name)).toEqual(['摄像机 10200', '摄像机 10199', '摄像机 10198']);
      expect((await t.call('assets.search', { limit: 500 })).totalCapped).toBe(true);
      const last = await t.call('assets.search', { q: '摄像机', offset: 10_195, limit: 100 });
      expect(last.items.map((d) => d.name)).toEqual(['摄像机 5', '摄像机 4', '摄像机 3', '摄像机 2', '摄像机 1']);
      const narrow = await t.call('assets.search', { q: '摄像机 10', building: 'A座', limit: 500 });
      expect(narrow.totalCapped).toBeUndefined();
      expect(narrow.total).toBe(narrow.items.length);
      expect(narrow.items.every((d) => d.name.includes('10') && d.building === 'A座')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
