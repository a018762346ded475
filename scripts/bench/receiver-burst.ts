// The alarm receiver of `npm run bench:alarms`, in a process of its own as a real receiver is a device of its own:
// opens the device end of the pty, says `ready`, and on `go` sends the burst; prints the result as one JSON line.
import { createInterface } from 'node:readline';
import type { ContactIdEventInput } from '../../electron/core/devices/contact-id/encoder';
import { createReceiverSimulator } from '../../electron/core/devices/contact-id/simulator';
import { openSerialBytePort } from '../../electron/core/devices/port/serial-byte-port';

export interface BurstRequest {
  path: string;
  events: ContactIdEventInput[];
  mode: 'sequential' | 'pipelined';
  receiver: number;
  line: number;
}

export interface BurstReport {
  /** ms since the epoch: the first byte on the line. */
  startedAt: number;
  seconds: number;
  retransmissions: number;
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const request = JSON.parse(String((await lines.next()).value)) as BurstRequest;
  const port = await openSerialBytePort(request.path, { baudRate: 115_200, dataBits: 8, parity: 'none', stopBits: 1 });
  const receiver = createReceiverSimulator({ port, receiver: request.receiver, line: request.line, ackTimeoutMs: 30_000 });
  process.stdout.write('ready\n');
  await lines.next();
  // Timed by the simulator from the first byte on the line: encoding the messages is the receiver's work, not the console's.
  const burst = await receiver.burst(request.events, request.mode);
  const report: BurstReport = { startedAt: burst.startedAt, seconds: burst.seconds, retransmissions: burst.retransmissions };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  receiver.close();
  await port.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
