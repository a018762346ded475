// The desktop app's record PDF renderer: a hidden window with the console's own hardened preferences opens the
// record's print page (app://, one-time print token in the route), waits until the page says the record is laid
// out, and prints it with webContents.printToPDF on A4. The page reaches the core through the same preload bridge
// as the console's window, signed out: its token is all it holds. Not run here (no Electron binary): typechecked.
import { BrowserWindow } from 'electron';
import { AppError } from '../../shared/contract/app-error';
import { recordPdfPageState, recordPdfRenderTimeoutMs, type RecordPdfRenderer } from '../core/maintenance/record-pdf';
import { appEntryUrl, hardenedWebPreferences } from './security-policy';

const failed = (reason: string) => new AppError('record_pdf_failed', 'record_pdf_failed', { reason });

export function electronRecordPdf(preloadPath: string): RecordPdfRenderer {
  return async ({ pagePath }) => {
    // A4 at 96 dpi: the page lays out as it will print.
    const window = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: hardenedWebPreferences(preloadPath) });
    try {
      await window.loadURL(`${appEntryUrl}#${pagePath}`);
      const deadline = Date.now() + recordPdfRenderTimeoutMs;
      for (;;) {
        const state = String(await window.webContents.executeJavaScript(recordPdfPageState));
        if (state === 'ready') break;
        if (state.startsWith('error:')) throw failed(`the print page: ${state.slice(6)}`);
        if (Date.now() > deadline) throw failed(`no PDF within ${recordPdfRenderTimeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      window.destroy();
    }
  };
}
