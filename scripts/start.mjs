// `npm start`: the desktop app in Electron when this machine can run it, else the same console in
// browser mode (the headless host). Arguments such as `--data-dir DIR` pass through to either.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chooseStartMode, findElectronBinary, probeThisMachine } from './electron-runtime.mjs';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const args = process.argv.slice(2);
const start = chooseStartMode({ electronBinary: findElectronBinary(probeThisMachine()), platform: process.platform, env: process.env });

let child;
if (start.mode === 'electron') {
  // Set by some terminals (VS Code's); it would make Electron run as plain Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  child = spawn(start.binary, [`${distDir}main.cjs`, ...args], { stdio: 'inherit', env });
} else {
  console.log(start.sentence);
  child = spawn(process.execPath, [`${distDir}host.cjs`, ...args], { stdio: 'inherit' });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`Duty Console could not be started: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
