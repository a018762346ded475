// The handover sheet's print rules on the shared paper (print/paper-css.ts): ruled tables and signature lines.
import { paperCss } from '../print/paper-css';

export const handoverSheetCss = `${paperCss({ pageMarginMm: [15, 15, 15, 15], paddingMm: 15, fontPt: 11, lineHeight: 1.5 })}
.handover-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.handover-sheet h2 { font-size: 12pt; margin: 5mm 0 2mm; border-bottom: 0.3mm solid #000; padding-bottom: 1mm; }
.handover-sheet th, .handover-sheet td { border: 0.2mm solid #555; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.handover-sheet th { background: #eee; font-weight: 600; }
.handover-sheet .meta td { border: none; padding: 0.5mm 0; }
.handover-sheet .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm 12mm; margin-top: 12mm; break-inside: avoid; }
.handover-sheet .signature span:last-child { min-height: 8mm; padding-left: 2mm; }
`;
