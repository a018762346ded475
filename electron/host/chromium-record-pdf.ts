// The headless host's record PDF renderer: a Chromium found on the machine (Debian's /usr/bin/chromium, or the one
// DUTY_CONSOLE_CHROMIUM names) opens the record's print page from this host and prints it to an A4 PDF over the
// DevTools protocol on a pipe (no port is opened). It waits until the page says its record is laid out, which a
// plain `--print-to-pdf` cannot (the record arrives over the WebSocket after the page loads).
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { AppError } from '../../shared/contract/app-error';
import { recordPdfPageState, recordPdfRenderTimeoutMs, type RecordPdfRenderer } from '../core/maintenance/record-pdf';

export const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

/** The Chromium to render with: the environment's choice, else the first one installed; null when none is. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.DUTY_CONSOLE_CHROMIUM;
  const candidates = chosen !== undefined ? [chosen] : chromiumCandidates;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not this one
    }
  }
  return null;
}

const failed = (reason: string) => new AppError('record_pdf_failed', 'record_pdf_failed', { reason });

/** A DevTools protocol client over Chromium's pipe: NUL-terminated JSON messages, fd 3 in, fd 4 out. */
function devtools(toBrowser: Writable, fromBrowser: Readable) {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  let closedWith: Error | null = null;
  // Bytes, not text, until a whole message is in: a character may be split between two chunks.
  let buffered = Buffer.alloc(0);
  fromBrowser.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    let end;
    while ((end = buffered.indexOf(0)) >= 0) {
      const message = JSON.parse(buffered.subarray(0, end).toString('utf8')) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      buffered = buffered.subarray(end + 1);
      const call = message.id === undefined ? undefined : waiting.get(message.id);
      if (!call || message.id === undefined) continue;
      waiting.delete(message.id);
      if (message.error) call.reject(failed(message.error.message));
      else call.resolve(message.result ?? {});
    }
  });
  const fail = (err: Error) => {
    closedWith ??= err;
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
  };
  // A pipe broken by Chromium's end (EPIPE) fails the render, never the host.
  toBrowser.on('error', (err) => fail(failed(`the DevTools pipe: ${err.message}`)));
  fromBrowser.on('error', (err) => fail(failed(`the DevTools pipe: ${err.message}`)));
  return {
    fail,
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
      if (closedWith) return Promise.reject(closedWith);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
  };
}

/** `appUrl(pagePath)` is the host's address of a hash route, with the host's token. */
export function chromiumRecordPdf(chromiumPath: string, appUrl: (pagePath: string) => string): RecordPdfRenderer {
  return async ({ pagePath }) => {
    const profile = await mkdtemp(join(tmpdir(), 'duty-console-pdf-'));
    let child: ChildProcess | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      child = spawn(
        chromiumPath,
        ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--lang=zh-CN', 'about:blank'],
        { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
      );
      const started = child;
      let stderr = '';
      started.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
      const cdp = devtools(started.stdio[3] as Writable, started.stdio[4] as Readable);
      const ended = new Promise<never>((_resolve, reject) => {
        started.once('error', (err) => reject(failed(`${chromiumPath}: ${err.message}`)));
        started.once('exit', (code) => reject(failed(`Chromium ended (${code}): ${stderr.trim().split('\n').at(-1) ?? ''}`)));
        timer = setTimeout(() => reject(failed(`no PDF within ${recordPdfRenderTimeoutMs / 1000} s`)), recordPdfRenderTimeoutMs);
      });
      ended.catch((err: Error) => cdp.fail(err));
      const render = async (): Promise<Uint8Array> => {
        const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
        await cdp.send('Page.enable', {}, sessionId);
        await cdp.send('Page.navigate', { url: appUrl(pagePath) }, sessionId);
        for (;;) {
          const answer = (await cdp.send('Runtime.evaluate', { expression: recordPdfPageState, returnByValue: true }, sessionId)) as { result?: { value?: unknown } };
          const state = String(answer.result?.value ?? 'wait');
          if (state === 'ready') break;
          if (state.startsWith('error:')) throw failed(`the print page: ${state.slice(6)}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // A4, the page's own @page margins; backgrounds print (the table's shaded rows).
        const pdf = (await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, paperWidth: 8.27, paperHeight: 11.69 }, sessionId)) as { data: string };
        return Buffer.from(pdf.data, 'base64');
      };
      return await Promise.race([render(), ended]);
    } finally {
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child.kill('SIGKILL');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      }
      await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
  };
}
