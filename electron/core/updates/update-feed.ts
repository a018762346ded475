// The update feed electron-builder writes beside the installers (latest.yml, latest-linux.yml): parsed and checked,
// read from the company's URL or from a folder (a USB stick), and the installer it names fetched and verified.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CORE_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/app-error';
import type { UpdateSource } from '../../../shared/contract/updates';
import { isVersion } from './version-order';

const sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);
const fileSchema = z.object({ url: z.string().min(1), sha512: sha512Base64, size: z.number().int().positive().optional() });
const feedSchema = z.object({
  version: z.string().refine(isVersion, 'not a version'),
  files: z.array(fileSchema).min(1),
  path: z.string().optional(),
  sha512: sha512Base64.optional(),
  releaseDate: z.string().optional(),
  releaseNotes: z.string().optional(),
});

export interface UpdateFeed {
  version: string;
  /** The installer: its name relative to the feed, its SHA-512 (base64, as electron-builder writes it), its size. */
  installer: { url: string; sha512: string; size: number | null };
  releaseDate: string | null;
}

/** The feed's file for this platform, named as electron-builder names it. */
export function feedFileName(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return 'latest-linux.yml';
}

/** AppError `update_feed_invalid` (with the first problem) for anything that is not a feed. */
export function parseFeed(text: string): UpdateFeed {
  let raw: unknown;
  try {
    raw = load(text, { schema: CORE_SCHEMA });
  } catch (err) {
    throw new AppError('update_feed_invalid', 'update_feed_invalid', { detail: (err as Error).message.split('\n')[0] ?? '' });
  }
  const parsed = feedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('update_feed_invalid', 'update_feed_invalid', { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  const feed = parsed.data;
  const installer = feed.files.find((f) => f.url === feed.path) ?? feed.files[0]!;
  if (!safeInstallerUrl(installer.url)) {
    throw new AppError('update_feed_invalid', 'update_feed_invalid', { detail: `files.url: ${installer.url}` });
  }
  return { version: feed.version, installer: { url: installer.url, sha512: installer.sha512, size: installer.size ?? null }, releaseDate: feed.releaseDate ?? null };
}

/** An http(s) address, or a name inside the feed's folder: no other scheme, no absolute path, no way up. */
function safeInstallerUrl(url: string): boolean {
  if (/^https?:\/\//i.test(url)) return true;
  return !(/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.includes('\\') || url.split('/').includes('..'));
}

/** Reads the feed file from the source. AppError `update_source_unreachable` when it cannot. */
export async function readFeed(source: UpdateSource, fileName = feedFileName()): Promise<UpdateFeed> {
  if (source.kind === 'folder') {
    const text = await readFile(join(source.folder, fileName), 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: join(source.folder, fileName), detail: err.code ?? err.message });
    });
    return parseFeed(text);
  }
  const url = new URL(fileName, withSlash(source.url));
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((err: Error) => {
    throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: url.href, detail: err.message });
  });
  if (!response.ok) throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: url.href, detail: `HTTP ${response.status}` });
  return parseFeed(await response.text());
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export async function sha512Base64Of(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * Fetches the installer into `dir` and checks its size and SHA-512 against the feed before anyone is offered it.
 * A mismatch deletes the file: AppError `update_checksum_mismatch`.
 */
export async function fetchVerifiedInstaller(source: UpdateSource, feed: UpdateFeed, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = basename(new URL(feed.installer.url, 'http://feed/').pathname);
  const target = join(dir, decodeURIComponent(name));
  const partial = `${target}.partial`;
  try {
    if (source.kind === 'folder') {
      if (/^https?:\/\//i.test(feed.installer.url)) throw new AppError('update_feed_invalid', 'update_feed_invalid', { detail: `files.url: ${feed.installer.url}` });
      await copyFile(join(source.folder, feed.installer.url), partial).catch((err: NodeJS.ErrnoException) => {
        throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: join(source.folder, feed.installer.url), detail: err.code ?? err.message });
      });
    } else {
      const url = new URL(feed.installer.url, withSlash(source.url));
      const response = await fetch(url, { signal: AbortSignal.timeout(600_000) }).catch((err: Error) => {
        throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: url.href, detail: err.message });
      });
      if (!response.ok || !response.body) throw new AppError('update_source_unreachable', 'update_source_unreachable', { source: url.href, detail: `HTTP ${response.status}` });
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(partial));
    }
    const size = (await stat(partial)).size;
    const sha512 = await sha512Base64Of(partial);
    if ((feed.installer.size !== null && size !== feed.installer.size) || sha512 !== feed.installer.sha512) {
      throw new AppError('update_checksum_mismatch', 'update_checksum_mismatch', { file: name, expected: feed.installer.sha512.slice(0, 16), actual: sha512.slice(0, 16) });
    }
    await rename(partial, target);
    return target;
  } finally {
    await rm(partial, { force: true });
  }
}
