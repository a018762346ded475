// The maintenance record's print rules on the shared paper (print/paper-css.ts): the record's header repeated on every
// page (it sits in the table's thead, which the browser repeats), items in a ruled table, signature lines.
import { paperCss } from '../print/paper-css';

export const recordSheetCss = `${paperCss({ pageMarginMm: [12, 12, 14, 12], paddingMm: 12, fontPt: 10, lineHeight: 1.45 })}
/* A hair narrower than the page: a collapsed border on the very edge of the printable area is clipped. */
.record-sheet table.items { width: calc(100% - 0.6mm); }
.record-sheet .items th, .record-sheet .items td { border: 0.2mm solid #555; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
.record-sheet .items thead { display: table-header-group; }
.record-sheet .items thead th.head { border: none; padding: 0 0 2mm; font-weight: 400; }
.record-sheet .items thead tr.columns th { background: #eee; font-weight: 600; }
.record-sheet .items tr { break-inside: avoid; }
.record-sheet .items tr.device td { background: #f3f3f3; font-weight: 600; border-top: 0.4mm solid #000; }
/* A device's heading row never ends a page: it goes over with its first item. */
.record-sheet .items tr.device { break-after: avoid; }
.record-sheet .items td.fail { font-weight: 700; color: #b00000; }
.record-sheet .items td.box { white-space: nowrap; }
.record-sheet h1 { font-size: 17pt; text-align: center; margin: 0; letter-spacing: 2pt; }
.record-sheet .subtitle { text-align: center; font-size: 9pt; margin: 0.5mm 0 2mm; }
.record-sheet .meta { width: 100%; }
.record-sheet .meta td { border: none; padding: 0.3mm 0; width: 33%; }
.record-sheet h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 0.3mm solid #000; padding-bottom: 0.8mm; break-after: avoid; }
.record-sheet .text { min-height: 14mm; }
.record-sheet .blank-lines { min-height: 24mm; border-bottom: 0.2mm dashed #777; }
.record-sheet .signatures { display: grid; grid-template-columns: 1.3fr 1fr; gap: 9mm 10mm; margin-top: 10mm; break-inside: avoid; }
.record-sheet .signature span:last-child { min-height: 9mm; }
.record-sheet .items tr.closing-row { break-inside: auto; }
.record-sheet .items td.closing { border: none; padding: 2mm 0 0; }
`;
