// The printed problem forms on top of the fault report's A4 geometry: denser steps and one row of signatures, so a
// whole defect's life fits one page.
export const problemFormCss = `
.fault-report-sheet .pf-steps th, .fault-report-sheet .pf-steps td { padding: 1mm 2mm; font-size: 9pt; line-height: 1.35; }
.fault-report-sheet .pf-signatures { display: grid; grid-template-columns: repeat(3, 1fr); column-gap: 8mm; row-gap: 4mm; margin-top: 8mm; break-inside: avoid; }
.fault-report-sheet .pf-signatures .fr-sign { height: 10mm; }
`;
