// Real Redmine (Debian's package) on loopback for the sync tests: a pristine SQLite database prepared once per
// machine and Redmine version (REST on, the admin's API key, a project, the console's custom fields, a service
// center engineer), then per suite a copy of it served by `rails server -u webrick` on a free port.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const redmineRoot = '/usr/share/redmine';
const instanceDatabase = '/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default';

export interface RedmineTemplate {
  databaseFile: string;
  apiKey: string;
  project: string;
  /** The service center engineer's login: notes "from the service center" are made as them (X-Redmine-Switch-User). */
  engineerLogin: string;
  engineerName: string;
  fields: { consoleId: number; slaLevel: number; site: number };
  version: string;
}

export function redmineInstalled(): boolean {
  return existsSync(join(redmineRoot, 'Gemfile')) && existsSync(instanceDatabase);
}

function redmineVersion(): string {
  return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'redmine'], { encoding: 'utf8' }).trim();
}

function railsEnv(databaseFile: string): NodeJS.ProcessEnv {
  return { ...process.env, RAILS_ENV: 'production', REDMINE_INSTANCE: 'default', DATABASE_URL: `sqlite3:${databaseFile}` };
}

const setupScript = `
Setting.rest_api_enabled = "1"
admin = User.find_by_login("admin")
admin.must_change_passwd = false
admin.save!
trackers = Tracker.pluck(:id)
project = Project.create!(name: "Service Center", identifier: "service-center", is_public: false, enabled_module_names: ["issue_tracking"], tracker_ids: trackers)
console_id = IssueCustomField.create!(name: "Console ID", field_format: "string", is_for_all: true, is_filter: true, searchable: true, tracker_ids: trackers)
sla = IssueCustomField.create!(name: "SLA level", field_format: "string", is_for_all: true, is_filter: true, tracker_ids: trackers)
site = IssueCustomField.create!(name: "Site", field_format: "string", max_length: 20, is_for_all: true, is_filter: true, tracker_ids: trackers)
# "Site" takes at most 20 characters: a longer site name is refused (422), as a service center's own rules may.
engineer = User.new(firstname: "Wei", lastname: "Wang", mail: "wang.wei@example.com", language: "en")
engineer.login = "wangwei"
engineer.password = "Service-center-123"
engineer.password_confirmation = "Service-center-123"
engineer.status = User::STATUS_ACTIVE
engineer.save!
manager = Role.find_by(name: "Manager") || Role.givable.first
Member.create!(project: project, principal: engineer, roles: [manager])
Member.create!(project: project, principal: admin, roles: [manager])
require "json"
puts "SETUP=" + JSON.generate({ apiKey: admin.api_key, project: project.identifier, engineerLogin: engineer.login, engineerName: engineer.name, fields: { consoleId: console_id.id, slaLevel: sla.id, site: site.id } })
`;

/**
 * The prepared database, made once per machine and Redmine version (`rails runner` takes seconds): prepared in a
 * folder of its own, then renamed into place, so suites running at once never see a half-made one.
 */
export function redmineTemplate(): RedmineTemplate {
  const version = redmineVersion();
  const base = join(tmpdir(), 'duty-console-redmine');
  // Keyed by the version and by this set-up: a changed set-up prepares a new template.
  const setupHash = createHash('sha256').update(setupScript).digest('hex').slice(0, 12);
  const dir = join(base, `${version.replace(/[^\w.+-]/g, '_')}-${setupHash}`);
  const metaFile = join(dir, 'template.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as RedmineTemplate;
  mkdirSync(base, { recursive: true });
  const work = join(base, `preparing-${process.pid}-${Date.now()}`);
  mkdirSync(work);
  const databaseFile = join(work, 'redmine.sqlite');
  copyFileSync(instanceDatabase, databaseFile);
  const out = execFileSync('bundle', ['exec', 'rails', 'runner', setupScript], { cwd: redmineRoot, env: railsEnv(databaseFile), encoding: 'utf8', timeout: 180_000 });
  const line = out.split('\n').find((l) => l.startsWith('SETUP='));
  if (!line) throw new Error(`Redmine set-up printed no result: ${out}`);
  const meta = { ...(JSON.parse(line.slice('SETUP='.length)) as Omit<RedmineTemplate, 'databaseFile' | 'version'>), version, databaseFile: join(dir, 'redmine.sqlite') };
  writeFileSync(join(work, 'template.json'), JSON.stringify(meta));
  try {
    renameSync(work, dir);
  } catch {
    // Another suite finished first: use its template.
    rmSync(work, { recursive: true, force: true });
  }
  return JSON.parse(readFileSync(metaFile, 'utf8')) as RedmineTemplate;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RedmineServer {
  url: string;
  port: number;
  apiKey: string;
  template: RedmineTemplate;
  /** Milliseconds the last start took until Redmine answered. */
  startupMs: number;
  running(): boolean;
  /** Starts it again on the same port with the same database (after `stop`). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A REST call as the admin (or as `asUser`); JSON in, JSON out. */
  rest<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, asUser?: string): Promise<{ status: number; json: T }>;
  /** Removes the suite's copy of the database. */
  dispose(): Promise<void>;
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Redmine exited (${child.exitCode}): ${log()}`);
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Redmine did not answer within ${timeoutMs} ms: ${log()}`);
}

/** A Redmine of its own for one suite: a copy of the prepared database on a free port. */
export async function startRedmine(): Promise<RedmineServer> {
  const template = redmineTemplate();
  const dir = join(tmpdir(), `duty-console-redmine-run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const databaseFile = join(dir, 'redmine.sqlite');
  copyFileSync(template.databaseFile, databaseFile);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';
  const server: RedmineServer = {
    url,
    port,
    apiKey: template.apiKey,
    template,
    startupMs: 0,
    running: () => child !== null && child.exitCode === null,
    async start() {
      const started = Date.now();
      output = '';
      const proc = spawn('bundle', ['exec', 'rails', 'server', '-u', 'webrick', '-b', '127.0.0.1', '-p', String(port), '-P', join(dir, 'server.pid')], {
        cwd: redmineRoot,
        env: railsEnv(databaseFile),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      proc.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
      proc.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-4000)));
      child = proc;
      await waitUntilServing(url, proc, () => output, 90_000);
      server.startupMs = Date.now() - started;
    },
    async stop() {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null || proc.pid === undefined) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      // Its own process group (detached): bundle and the ruby server it runs end together.
      process.kill(-proc.pid, 'SIGTERM');
      const killed = setTimeout(() => proc.pid !== undefined && process.kill(-proc.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(killed);
      rmSync(join(dir, 'server.pid'), { force: true });
    },
    async rest(method, path, body, asUser) {
      const headers: Record<string, string> = { 'x-redmine-api-key': template.apiKey, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (asUser) headers['x-redmine-switch-user'] = asUser;
      const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, json: (text.trim() ? JSON.parse(text) : null) as never };
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
