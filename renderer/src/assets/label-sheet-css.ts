// The label sheet's print geometry: A4 with 3 × 8 labels of 63.5 × 33.9 mm, the layout of the common
// pre-cut sheets (Avery L7159 / 3 × 8 "J8159"): top margin 12.9 mm, column pitch 66 mm, rows touching.

export const labelsPerSheet = 24;

/**
 * Held in a <style> the labels page mounts, so the @page rule applies only while labels are shown.
 * The bottom margin is 12 mm (not the sheet's 12.9) so eight rows never round over onto a ninth-row page.
 */
export const labelSheetCss = `
@page { size: A4; margin: 12.9mm 7mm 12mm 7mm; }
html, body, #root { background: #d9dce1 !important; }
.labels-page { color: #111; min-height: 100%; }
.labels-toolbar {
  position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 16px; flex-wrap: wrap;
  padding: 12px 24px; background: #fff; border-bottom: 1px solid #c8ccd2; box-shadow: 0 2px 6px rgba(0,0,0,0.08);
}
.label-sheet {
  box-sizing: border-box; width: 210mm; height: 297mm; margin: 24px auto; padding: 12.9mm 7mm 12mm 7mm;
  background: #fff; box-shadow: 0 2px 10px rgba(0,0,0,0.25);
  display: grid; grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 33.9mm; column-gap: 2.5mm;
  justify-content: center; align-content: start;
}
.device-label {
  box-sizing: border-box; width: 63.5mm; height: 33.9mm; padding: 2.6mm 2.8mm; overflow: hidden;
  display: flex; gap: 2.4mm; align-items: center; background: #fff; color: #000;
  outline: 0.2mm dashed #b8bcc4; outline-offset: -0.1mm;
  font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;
}
.device-label-qr { flex: none; width: 24mm; height: 24mm; image-rendering: pixelated; }
.device-label-text { flex: 1; min-width: 0; height: 100%; display: flex; flex-direction: column; justify-content: center; gap: 0.8mm; }
.device-label-tag {
  font-family: 'DejaVu Sans Mono', Consolas, 'Liberation Mono', monospace; font-weight: 700; font-size: 4.3mm;
  line-height: 1.05; letter-spacing: -0.1mm; word-break: break-all;
}
.device-label-name {
  font-size: 3mm; font-weight: 600; line-height: 1.2; word-break: break-word;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
.device-label-location {
  font-size: 2.6mm; line-height: 1.2; color: #222; word-break: break-word;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
.device-label-footer {
  font-size: 2.1mm; line-height: 1.2; color: #555; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  border-top: 0.15mm solid #999; padding-top: 0.5mm;
}
@media print {
  html, body, #root { background: #fff !important; }
  .labels-toolbar, .labels-notice { display: none !important; }
  .label-sheet { width: auto; height: auto; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .label-sheet:last-child { break-after: auto; }
  .device-label { outline: none; }
}
`;
