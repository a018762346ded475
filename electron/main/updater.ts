// The desktop app's install of an update the core has already checked (feed, SHA-512, no downgrade, nothing
// waiting): electron-updater on a generic feed, the company's URL or the USB folder served on loopback. It checks
// the SHA-512 again as it downloads, then quits the app into the installer.
import { autoUpdater } from 'electron-updater';
import { AppError } from '../../shared/contract/app-error';
import type { InstallUpdate } from '../core/updates/update-service';
import { serveFolderFeed } from '../node/folder-feed-server';

export const installWithElectronUpdater: InstallUpdate = async ({ version, source }) => {
  if (source.kind === 'none') throw new AppError('update_source_not_set', 'update_source_not_set');
  // The folder's server lives until the app quits into the installer.
  const feedUrl = source.kind === 'folder' ? (await serveFolderFeed(source.folder)).url : source.url;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  const found = await autoUpdater.checkForUpdates();
  // The feed changed since the core verified it: install nothing the core has not checked.
  if (found?.updateInfo.version !== version) throw new AppError('update_feed_changed', 'update_feed_changed', { expected: version, found: found?.updateInfo.version ?? '' });
  await autoUpdater.downloadUpdate();
  // Silent on Windows (per-machine NSIS asks for elevation itself), and the console starts again afterwards.
  setImmediate(() => autoUpdater.quitAndInstall(true, true));
};
