// The fault report's print geometry: one A4 portrait page (more if the record is long), a toolbar only on screen.

/** Held in a <style> the report page mounts, so the @page rule applies only while the report is shown. */
export const faultReportCss = `
@page { size: A4; margin: 14mm 14mm 14mm 14mm; }
html, body, #root { background: #d9dce1 !important; }
.fault-report-toolbar {
  position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px;
  padding: 12px 24px; background: #fff; border-bottom: 1px solid #c8ccd2;
}
.fault-report-sheet {
  box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 24px auto; padding: 14mm;
  background: #fff; color: #111; box-shadow: 0 2px 10px rgba(0,0,0,0.25);
  font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 10.5pt; line-height: 1.5;
}
.fault-report-sheet h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 0 0 2mm; }
.fault-report-sheet .fr-number { text-align: center; margin-bottom: 5mm; color: #333; }
.fault-report-sheet h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.4mm solid #111; padding-bottom: 1mm; }
.fault-report-sheet table { width: 100%; border-collapse: collapse; }
.fault-report-sheet th, .fault-report-sheet td { border: 0.3mm solid #555; padding: 1.6mm 2.4mm; text-align: start; vertical-align: top; }
.fault-report-sheet th { background: #f0f0f0; font-weight: 600; width: 28mm; white-space: nowrap; }
.fault-report-sheet td.fr-text { white-space: pre-wrap; }
.fault-report-sheet .fr-late { color: #c00; font-weight: 600; }
.fault-report-sheet .fr-level { display: inline-block; padding: 0 2mm; border: 0.4mm solid currentColor; font-weight: 700; }
.fault-report-sheet .fr-steps td, .fault-report-sheet .fr-steps th { font-size: 9.5pt; }
.fault-report-sheet .fr-signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 12mm; break-inside: avoid; }
.fault-report-sheet .fr-sign { border-bottom: 0.3mm solid #111; height: 12mm; display: flex; align-items: flex-end; gap: 2mm; }
.fault-report-sheet .fr-printed { margin-top: 6mm; color: #666; font-size: 8.5pt; text-align: end; }
@media print {
  html, body, #root { background: #fff !important; }
  .fault-report-toolbar { display: none !important; }
  /* A toast still showing ("saved") belongs to the screen, not to the paper. */
  .ant-message { display: none !important; }
  .fault-report-sheet { margin: 0; padding: 0; width: auto; min-height: 0; box-shadow: none; }
}
`;
