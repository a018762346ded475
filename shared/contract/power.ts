// UPS-aware shutdown, like NUT's upsmon: when a UPS on a link reports battery low (or has been on battery for the
// set time), the console journals it, closes its data cleanly and runs the configured shutdown command.
import { z } from 'zod';
import { command, query } from './define';

export const upsShutdownSettingsSchema = z.object({
  /** Off by default: a console that powers its PC down must be set up to on purpose. */
  enabled: z.boolean(),
  /** Also shut down after this long on battery (seconds); 0: only when the UPS reports battery low. */
  onBatterySeconds: z.number().int().min(0).max(24 * 3600),
  /**
   * The program and its arguments, run without a shell once the data is closed, e.g. ["systemctl", "poweroff"] or
   * ["shutdown", "/s", "/t", "60"]. Empty: the console closes its data and runs nothing.
   */
  command: z.array(z.string().min(1).max(1000)).max(20),
});
export type UpsShutdownSettings = z.infer<typeof upsShutdownSettingsSchema>;

export const defaultUpsShutdownSettings: UpsShutdownSettings = { enabled: false, onBatterySeconds: 0, command: [] };

export const powerContract = {
  'power.getSettings': query<UpsShutdownSettings>()(z.object({})),
  'power.saveSettings': command<UpsShutdownSettings>()(upsShutdownSettingsSchema),
};
