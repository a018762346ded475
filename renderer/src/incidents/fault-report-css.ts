// The fault report's print rules on the shared paper (print/paper-css.ts): one A4 portrait page (more if the record is
// long), ruled fact tables, signature lines. The defect and consultation forms add problems/problem-form-css.ts.
import { paperCss } from '../print/paper-css';

/** Held in a <style> the report page mounts, so the @page rule applies only while the report is shown. */
export const faultReportCss = `${paperCss({ pageMarginMm: [14, 14, 14, 14], paddingMm: 14, fontPt: 10.5, lineHeight: 1.5 })}
.fault-report-sheet h1 { text-align: center; font-size: 20pt; letter-spacing: 4pt; margin: 0 0 2mm; }
.fault-report-sheet .fr-number { text-align: center; margin-bottom: 5mm; color: #333; }
.fault-report-sheet h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.4mm solid #000; padding-bottom: 1mm; break-after: avoid; }
.fault-report-sheet th, .fault-report-sheet td { border: 0.3mm solid #555; padding: 1.6mm 2.4mm; text-align: start; vertical-align: top; }
.fault-report-sheet th { background: #f0f0f0; font-weight: 600; width: 28mm; white-space: nowrap; }
.fault-report-sheet td.fr-text { white-space: pre-wrap; }
.fault-report-sheet .fr-late { color: #c00; font-weight: 600; }
.fault-report-sheet .fr-level { display: inline-block; padding: 0 2mm; border: 0.4mm solid currentColor; font-weight: 700; }
.fault-report-sheet .fr-steps td, .fault-report-sheet .fr-steps th { font-size: 9.5pt; }
.fault-report-sheet .fr-signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 12mm; break-inside: avoid; }
.fault-report-sheet .fr-sign { border-bottom: 0.3mm solid #000; height: 12mm; display: flex; align-items: flex-end; gap: 2mm; }
.fault-report-sheet .fr-printed { margin-top: 6mm; color: #666; font-size: 8.5pt; text-align: end; }
`;
