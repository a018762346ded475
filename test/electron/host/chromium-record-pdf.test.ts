// The headless host's record PDF renderer with the real Chromium: it prints A4 once the page says the record is laid
// out (not before: the record arrives after the page loads), and a page that says it failed, or a Chromium that is
// not there, is a clear `record_pdf_failed` with why, never a hang or a crash of the host.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumRecordPdf, findChromium } from '../../../electron/host/chromium-record-pdf';

const chromium = '/usr/bin/chromium';
const page = (body: string, script = '') =>
  `data:text/html;charset=utf-8,${encodeURIComponent(`<!doctype html><meta charset="utf-8"><body>${body}<script>${script}</script></body>`)}`;

describe("the headless host's Chromium record renderer", () => {
  it('waits for the page to say the record is laid out, then prints it on A4', async () => {
    // The record appears 1.5 s after load, as it does when it comes over the WebSocket.
    const late = page('<div id="root" data-ready="false">加载中</div>', `setTimeout(() => { const r = document.getElementById('root'); r.innerHTML = '<div data-testid="maintenance-record">维保检查记录 PX-0301 客户代表签字</div>'; r.dataset.ready = 'true'; }, 1500);`);
    const bytes = await chromiumRecordPdf(chromium, () => late)({ taskId: 't', pagePath: '/record-pdf?token=x' });
    const dir = mkdtempSync(join(tmpdir(), 'duty-console-pdf-test-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), bytes);
      expect(execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d* x 841\.\d* pts \(A4\)/);
      const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('PX-0301');
      expect(text).not.toContain('加载中');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails with the page's own reason when the page says it cannot show the record", async () => {
    const refused = page('<div data-record-pdf-error="print_token_invalid"></div>');
    await expect(chromiumRecordPdf(chromium, () => refused)({ taskId: 't', pagePath: '/record-pdf?token=x' })).rejects.toMatchObject({
      code: 'record_pdf_failed',
      params: { reason: 'the print page: print_token_invalid' },
    });
  }, 60_000);

  it('fails clearly when the Chromium named is not there, and finds none then', async () => {
    await expect(chromiumRecordPdf('/nonexistent/chromium', () => 'about:blank')({ taskId: 't', pagePath: '/' })).rejects.toMatchObject({ code: 'record_pdf_failed' });
    expect(findChromium({ DUTY_CONSOLE_CHROMIUM: '/nonexistent/chromium' })).toBeNull();
    expect(findChromium({ DUTY_CONSOLE_CHROMIUM: chromium })).toBe(chromium);
  });
});
