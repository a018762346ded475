// The demo site: simulated devices on virtual serial ports, so a console without hardware shows a living site.
import { z } from 'zod';
import type { AppErrorData } from './app-error';
import { command, query } from './define';

export interface DemoSiteStatus {
  /** Chosen at first run (or later by an administrator); remembered across restarts. */
  enabled: boolean;
  /** The simulators are running now (they need `socat`). */
  running: boolean;
  /** Why they are not running although enabled, e.g. socat missing. */
  error: AppErrorData | null;
}

export const demoContract = {
  'demo.status': query<DemoSiteStatus>()(z.object({})),
  /** Starts the simulated devices and configures them like real ones (once; already configured ones are kept). */
  'demo.enable': command<DemoSiteStatus>()(z.object({})),
};
