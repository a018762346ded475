// A USB barcode/QR scanner is a keyboard: it types the label's asset tag fast, then Enter. Keys typed that way while
// no field has the focus are taken as a scan.
import { useEffect, useRef } from 'react';

/**
 * Keys further apart than this start a new tag. A scanner's come a few ms apart; the allowance is wide because a busy
 * console can deliver them late, and a person typing a tag and Enter with no field focused means the same thing.
 */
const tagGapMs = 1000;
const minTagLength = 3;

export function useScannedTag(onTag: (tag: string) => void): void {
  const buffer = useRef({ text: '', at: 0 });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"], .ant-select, .ant-modal')) return;
      const now = e.timeStamp;
      const b = buffer.current;
      if (now - b.at > tagGapMs) b.text = '';
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
