// The handover sheet's print geometry: A4 portrait, black on white, the toolbar only on screen.

export const handoverSheetCss = `
@page { size: A4; margin: 15mm 15mm 15mm 15mm; }
html, body, #root { background: #d9dce1 !important; }
.handover-toolbar {
  position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px;
  padding: 12px 24px; background: #fff; border-bottom: 1px solid #c8ccd2;
}
.handover-sheet {
  box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 24px auto; padding: 15mm;
  background: #fff; color: #000; box-shadow: 0 2px 10px rgba(0,0,0,0.25); font-size: 11pt; line-height: 1.5;
  font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
}
.handover-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.handover-sheet h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; }
.handover-sheet table { width: 100%; border-collapse: collapse; }
.handover-sheet th, .handover-sheet td { border: 0.2mm solid #555; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.handover-sheet th { background: #eee; font-weight: 600; }
.handover-sheet .meta td { border: none; padding: 0.5mm 0; }
.handover-sheet .text { white-space: pre-wrap; margin: 0; }
.handover-sheet .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm 12mm; margin-top: 12mm; break-inside: avoid; }
.handover-sheet .signature { display: flex; align-items: flex-end; gap: 2mm; }
.handover-sheet .signature span:last-child { flex: 1; border-bottom: 0.3mm solid #000; min-height: 8mm; padding-left: 2mm; }
@media print {
  html, body, #root { background: #fff !important; }
  .handover-toolbar { display: none !important; }
  .handover-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;
