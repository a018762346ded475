// The monthly service report's print rules on the shared paper (print/paper-css.ts): sections, ruled tables, charts.
import { paperCss } from '../print/paper-css';

export const monthlyReportCss = `${paperCss({ pageMarginMm: [14, 14, 14, 14], paddingMm: 14, fontPt: 10, lineHeight: 1.5 })}
.monthly-report h1 { font-size: 18pt; text-align: center; margin: 0; letter-spacing: 2pt; }
.monthly-report .subtitle { text-align: center; margin: 1mm 0 4mm; }
.monthly-report .meta td { border: none; padding: 0.3mm 0; }
.monthly-report h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.3mm solid #000; padding-bottom: 0.8mm; break-after: avoid; }
.monthly-report table.ruled { width: calc(100% - 0.6mm); }
.monthly-report .ruled th, .monthly-report .ruled td { border: 0.2mm solid #555; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
.monthly-report .ruled th { background: #eee; font-weight: 600; }
.monthly-report .ruled td.num, .monthly-report .ruled th.num { text-align: right; }
.monthly-report .ruled tr { break-inside: avoid; }
.monthly-report .ruled thead { display: table-header-group; }
.monthly-report .missed { color: #b00000; font-weight: 600; }
.monthly-report figure { margin: 2mm 0; break-inside: avoid; }
.monthly-report figure svg { overflow: visible; }
.monthly-report .recharts-legend-item-text { color: #222 !important; }
.monthly-report .suggestions { box-sizing: border-box; width: calc(100% - 0.6mm); min-height: 20mm; border: 0.2mm solid #555; padding: 2mm; }
.monthly-report .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 9mm 12mm; margin-top: 10mm; break-inside: avoid; }
.monthly-report .signature span:last-child { min-height: 9mm; }
.monthly-editor { width: 210mm; margin: 16px auto 0; padding: 12px 16px; background: #fff; border-radius: 6px; box-sizing: border-box; }
@media print { .monthly-editor { display: none !important; } }
`;
