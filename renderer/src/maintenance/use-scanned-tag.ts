// A USB barcode/QR scanner is a keyboard: it types the label's asset tag fast, then Enter. Keys typed that way while
// no field has the focus are taken as a scan (a person does not type 6+ characters within a few ms each).
import { useEffect, useRef } from 'react';

/** A scanner's keys come within this of each other; a person's rarely do. */
const scannerGapMs = 60;
const minTagLength = 3;

export function useScannedTag(onTag: (tag: string) => void): void {
  const buffer = useRef({ text: '', at: 0 });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"], .ant-select, .ant-modal')) return;
      const now = e.timeStamp;
      const b = buffer.current;
      if (now - b.at > scannerGapMs * 5) b.text = '';
      b.at = now;
      if (e.key === 'Enter') {
        if (b.text.length >= minTagLength) {
          e.preventDefault();
          onTag(b.text);
        }
        b.text = '';
        return;
      }
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) b.text += e.key;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onTag]);
}
