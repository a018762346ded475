import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentMaxBytes } from '../../../../shared/contract/incidents';
import { startTempCore, type TempCore } from '../../../support/temp-core';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake pixels of the machine room')]);
const pdf = Buffer.from('%PDF-1.4\n% 故障处理报告\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('incident attachments', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await startTempCore({ slaWatchIntervalMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });

  async function report() {
    return (await t.call('incidents.report', { systemId: 'cctv', description: '摄像机画面雪花', reporter: 'x' })).incident;
  }

  it('stores a file under its SHA-256 in the data directory and reads it back', async () => {
    const incident = await report();
    const added = await t.call('incidents.attach', { id: incident.id, fileName: '现场.png', mime: 'image/png', contentBase64: png.toString('base64') });
    expect(added).toMatchObject({ sha256: sha256(png), fileName: '现场.png', mime: 'image/png', size: png.length, addedBy: 'tester' });
    const path = join(t.dataDir, 'attachments', sha256(png));
    expect(readFileSync(path)).toEqual(png);

    const back = await t.call('incidents.attachment', { id: incident.id, sha256: sha256(png) });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(png);
    expect((await t.call('incidents.get', { id: incident.id })).attachments.map((a) => a.fileName)).toEqual(['现场.png']);
    const [latest] = await t.call('journal.list', { entityType: 'incident', entityId: incident.id, limit: 1 });
    expect(latest).toMatchObject({ type: 'incident.attachment_added', payload: { sha256: sha256(png), size: png.length } });
  });

  it('keeps one copy of a file attached to two incidents, and one row when attached twice to the same one', async () => {
    const a = await report();
    const b = await report();
    for (const id of [a.id, a.id, b.id]) await t.call('incidents.attach', { id, fileName: '报告.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') });
    expect((await t.call('incidents.get', { id: a.id })).attachments).toHaveLength(1);
    expect((await t.call('incidents.timeline', { id: a.id })).filter((e) => e.type === 'incident.attachment_added')).toHaveLength(1);
    expect((await t.call('incidents.get', { id: b.id })).attachments).toHaveLength(1);
  });

  it('takes photos with the report itself', async () => {
    const { incident } = await t.call('incidents.report', {
      systemId: 'cctv',
      description: '机柜冒烟',
      reporter: 'x',
      photos: [{ fileName: 'smoke.png', mime: 'image/png', contentBase64: png.toString('base64') }],
    });
    const detail = await t.call('incidents.get', { id: incident.id });
    expect(detail.attachments.map((a) => a.sha256)).toEqual([sha256(png)]);
    expect(existsSync(join(t.dataDir, 'attachments', sha256(png)))).toBe(true);
  });

  it.each([
    ['a file whose bytes are not what its type says', { fileName: 'x.jpg', mime: 'image/jpeg', contentBase64: Buffer.from('MZ\x90\x00 a program').toString('base64') }, 'attachment_content_mismatch'],
    ['a text file that is not text', { fileName: 'x.txt', mime: 'text/plain', contentBase64: Buffer.from([0x00, 0xff, 0xfe]).toString('base64') }, 'attachment_content_mismatch'],
    ['a file over the size limit', { fileName: 'big.txt', mime: 'text/plain', contentBase64: Buffer.alloc(attachmentMaxBytes + 1, 0x61).toString('base64') }, 'attachment_too_large'],
    ['a type that is neither an image, a PDF nor text', { fileName: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'TVo=' }, 'invalid_input'],
    ['content that is not base64', { fileName: 'x.txt', mime: 'text/plain', contentBase64: '不是base64' }, 'invalid_input'],
  ])('refuses %s and stores nothing', async (_what, file, code) => {
    const incident = await report();
    expect(await t.core.call('incidents.attach', { id: incident.id, ...file }, { operator: 'x' })).toMatchObject({ ok: false, error: { code } });
    expect((await t.call('incidents.get', { id: incident.id })).attachments).toEqual([]);
    expect(existsSync(join(t.dataDir, 'attachments'))).toBe(false);
  });

  it('refuses to hand back a file whose bytes were changed on disk', async () => {
    const incident = await report();
    await t.call('incidents.attach', { id: incident.id, fileName: 'note.txt', mime: 'text/plain', contentBase64: Buffer.from('巡检记录').toString('base64') });
    const hash = sha256(Buffer.from('巡检记录'));
    writeFileSync(join(t.dataDir, 'attachments', hash), '改过的记录');
    expect(await t.core.call('incidents.attachment', { id: incident.id, sha256: hash }, { operator: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'attachment_damaged' },
    });
  });

  it('serves only files of that incident, by a well-formed hash', async () => {
    const a = await report();
    const b = await report();
    await t.call('incidents.attach', { id: a.id, fileName: 'a.png', mime: 'image/png', contentBase64: png.toString('base64') });
    expect(await t.core.call('incidents.attachment', { id: b.id, sha256: sha256(png) }, { operator: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'attachment_not_found' },
    });
    expect(await t.core.call('incidents.attachment', { id: a.id, sha256: '../duty-console.sqlite' }, { operator: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
