// The traffic monitor's feed: asks the core every 500 ms for the frames after the last one it has, unless paused.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TrafficLine } from '../../../shared/contract/links';
import { consoleClient } from '../transport';
import { appendTraffic } from './traffic-capture';

const pollMs = 500;

export interface TrafficFeed {
  lines: TrafficLine[];
  /** Frames were lost between two polls (the core's buffer overflowed while paused or on a busy bus). */
  dropped: boolean;
  error: unknown;
  /** Empties the view; frames already seen are not fetched again. */
  clear(): void;
}

export function useTrafficFeed(deviceId: string, paused: boolean): TrafficFeed {
  const [lines, setLines] = useState<TrafficLine[]>([]);
  const [dropped, setDropped] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const lastSeq = useRef(0);

  useEffect(() => {
    if (paused) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next poll is timed from the end of this one, so a slow answer never stacks requests up.
    const poll = async () => {
      try {
        const page = await consoleClient().invoke('links.traffic', { id: deviceId, afterSeq: lastSeq.current, limit: 2000 });
        if (stopped) return;
        // On the first poll older frames are gone by design; later, a gap means frames were missed.
        if (page.dropped && lastSeq.current > 0) setDropped(true);
        lastSeq.current = Math.max(lastSeq.current, page.lastSeq);
        if (page.lines.length > 0) setLines((shown) => appendTraffic(shown, page.lines));
        setError(null);
      } catch (err) {
        if (!stopped) setError(err);
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), pollMs);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [deviceId, paused]);

  const clear = useCallback(() => {
    setLines([]);
    setDropped(false);
  }, []);

  return { lines, dropped, error, clear };
}
