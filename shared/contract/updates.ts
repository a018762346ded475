// Updates of the console itself: where they come from (the company's URL, or a folder on a USB stick), what is
// available and verified, what keeps it from being installed now, and the install.
import { z } from 'zod';
import { command, query } from './define';

export const updateSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** The company's feed: the folder on a web server holding latest.yml and the installers. */
  z.object({ kind: z.literal('url'), url: z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/i, 'update_url_invalid') }),
  /** For a site with no internet: a folder (a USB stick) holding latest.yml and the installer. */
  z.object({ kind: z.literal('folder'), folder: z.string().trim().min(1).max(1000).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'backup_folder_not_absolute') }),
]);
export type UpdateSourceSetting = z.infer<typeof updateSourceSchema>;
export type UpdateSource = Exclude<UpdateSourceSetting, { kind: 'none' }>;

export interface UpdateBlockers {
  /** Open incidents of level I: no update while one is being handled. */
  levelOneIncidents: number;
  /** Alarms raised and not yet acknowledged. */
  unacknowledgedAlarms: number;
}

export interface UpdateStatus {
  currentVersion: string;
  source: UpdateSourceSetting;
  /**
   * idle: not checked yet; up_to_date; ready: a newer version was fetched and its SHA-512 matched; refused: the feed
   * offers an older version (never installed); failed: the check or the download failed (error).
   */
  state: 'idle' | 'up_to_date' | 'ready' | 'refused' | 'failed' | 'installing';
  available: { version: string; releaseDate: string | null } | null;
  checkedAt: number | null;
  error: string | null;
  /** What the install waits for (all zero: it may go ahead). */
  blockers: UpdateBlockers;
}

export const updatesContract = {
  'updates.status': query<UpdateStatus>()(z.object({})),
  'updates.saveSource': command<UpdateStatus>()(updateSourceSchema),
  /** Reads the feed, refuses a downgrade, fetches and verifies the installer. */
  'updates.check': command<UpdateStatus>()(z.object({})),
  /** Installs the verified update (the app restarts into it); refused while a level-I incident is open or an alarm unacknowledged. */
  'updates.install': command<UpdateStatus>()(z.object({})),
};
