// Serves an update folder (a USB stick holding latest.yml and the installer) over HTTP on 127.0.0.1, so
// electron-updater's generic provider, which reads only http(s), installs from it as from the company's server.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FolderFeedServer {
  /** The feed's base URL, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

/** Only plain file names directly in the folder are served (no sub-folders, no way up), to GET and HEAD only. */
export async function serveFolderFeed(folder: string): Promise<FolderFeedServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://feed/').pathname.slice(1));
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^[^/\\]+$/.test(name) || name === '.' || name === '..') {
        res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).end();
        return;
      }
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': info.size, 'content-type': name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(path).pipe(res);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
