// The one print stylesheet every A4 document shares: the page, the grey desk behind a white sheet on screen, the
// toolbar only on screen, black on white whatever the console's theme. Each document adds its own rules after it.

export interface PaperGeometry {
  /** The printer's margin on every side, in mm: top, right, bottom, left. */
  pageMarginMm: [number, number, number, number];
  /** The sheet's padding on screen, standing in for the margin, in mm. */
  paddingMm: number;
  fontPt: number;
  lineHeight: number;
}

/** Put `paper-toolbar` on the toolbar and `paper-sheet` on the sheet; the document's own class names stay its own. */
export function paperCss({ pageMarginMm, paddingMm, fontPt, lineHeight }: PaperGeometry): string {
  return `
@page { size: A4; margin: ${pageMarginMm.map((m) => `${m}mm`).join(' ')}; }
html, body, #root { background: #d9dce1 !important; }
.paper-toolbar {
  position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px;
  padding: 12px 24px; background: #fff; border-bottom: 1px solid #c8ccd2;
}
.paper-sheet {
  box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 24px auto; padding: ${paddingMm}mm;
  background: #fff; color: #000; box-shadow: 0 2px 10px rgba(0,0,0,0.25); font-size: ${fontPt}pt; line-height: ${lineHeight};
  font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
}
.paper-sheet table { width: 100%; border-collapse: collapse; }
.paper-sheet .text { white-space: pre-wrap; margin: 0; }
.paper-sheet .signature { display: flex; align-items: flex-end; gap: 2mm; }
.paper-sheet .signature span:last-child { flex: 1; border-bottom: 0.3mm solid #000; }
@media print {
  html, body, #root { background: #fff !important; }
  .paper-toolbar, .ant-message, .ant-notification { display: none !important; }
  .paper-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;
}
