// Saves bytes the core made as a file: a Blob behind an object URL and an <a download> click,
// which Chromium and Electron both turn into a download.

export function downloadBase64(fileName: string, mime: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: mime }));
}

export function downloadText(fileName: string, mime: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy by the time the click returns in practice; keep the URL a while to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
