// Spreadsheet files as rows of text: reads CSV (UTF-8 or GB18030) and an .xlsx's first sheet, writes both.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/contract/app-error';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** 1-based row as a spreadsheet shows it, the header's row included. */
  row: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

export interface SheetOut {
  header: string[];
  rows: string[][];
  /** Columns holding YYYY-MM-DD dates: written to .xlsx as real dates, so Excel sorts and filters them. */
  dateColumns: ReadonlySet<number>;
  sheetName: string;
}

export const sheetMime: Record<SheetFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function sheetFormatOf(fileName: string): SheetFormat {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

/**
 * A CSV cell Excel would run as a formula (OWASP "CSV injection"). A leading "+" or "-" is left
 * alone when only digits follow, so a floor "-1" or a phone "+86 10 1234" stays as typed.
 */
const formulaLike = /^(?:[=@\t\r]|[+-](?![\d.\s-]*$))/;

export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  const rows = sheetFormatOf(fileName) === 'xlsx' ? await readXlsxRows(bytes) : readCsvRows(bytes);
  const nonBlank = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...data] = nonBlank;
  if (!head || data.length === 0) throw new AppError('import_empty', 'import_empty', { fileName });
  return { header: head.cells, rows: data };
}

/** Excel in China saves "CSV" as GBK (a subset of GB18030) unless told UTF-8; bytes that are not valid UTF-8 are read so. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsvRows(bytes: Buffer): SheetRow[] {
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { header: false, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw new AppError('import_unreadable', 'import_unreadable', { detail: `row ${(broken.row ?? 0) + 1}: ${broken.message}` });
  }
  return parsed.data.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((c) => (c.startsWith("'") && formulaLike.test(c.slice(1)) ? c.slice(1) : c).trim()),
  }));
}

async function readXlsxRows(bytes: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); at run time it takes Node's.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (err) {
    throw new AppError('import_unreadable', 'import_unreadable', { detail: err instanceof Error ? err.message : String(err) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** A cell as the text a person sees in it: the result of a formula, the words of rich text, a date as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  // An error value (#N/A, #REF!, …) holds no data.
  return '';
}

/** exceljs gives dates at UTC midnight of the day Excel shows. */
function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

export function writeCsv(out: SheetOut): Buffer {
  const text = Papa.unparse({ fields: out.header, data: out.rows }, { newline: '\r\n', escapeFormulae: formulaLike });
  // The byte-order mark is how Excel knows the file is UTF-8 and shows Chinese correctly.
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

export async function writeXlsx(out: SheetOut): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(out.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = out.header.map((header, i) => ({
    header,
    width: columnWidth(header, out.rows, i),
    ...(out.dateColumns.has(i) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of out.rows) {
    sheet.addRow(cells.map((c, i) => (out.dateColumns.has(i) && c !== '' ? new Date(`${c}T00:00:00Z`) : c)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: out.header.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Wide enough for the header and most values (a CJK character is two columns wide), never wider than 50. */
function columnWidth(header: string, rows: string[][], column: number): number {
  const display = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  let widest = display(header);
  for (let i = 0; i < rows.length && i < 1000; i += 1) widest = Math.max(widest, display(rows[i]![column] ?? ''));
  return Math.min(50, Math.max(8, widest + 2));
}
