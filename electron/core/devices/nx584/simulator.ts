// A simulated NetworX panel with its NX-584 interface over a BytePort: answers requests, sends acknowledged transition messages.

import type { BytePort } from '../port/byte-port';
import { createRequestDecoder, encodePanelMessageBytes } from './codec';
import type { ZoneCondition } from './flag-tables';
import type { Nx584Framing } from './framing';
import { controlPanelDevice, createPanelModel, type SimulatedPartition } from './panel-model';
import type { Nx584PanelMessage } from './panel-messages';
import type { Nx584Request } from './requests';

export interface Nx584PanelSimulatorOptions {
  port: BytePort;
  framing: Nx584Framing;
  /** Zones 1…n, all in partition 1. */
  zones: number;
  /** Partitions 1…n (at most 8). */
  partitions: number;
  /** The user PIN the panel accepts for keypad functions. */
  pin: string;
  zoneNames?: readonly string[];
  /** How long a transition message waits for the console's 1Dh before it is sent again. */
  ackTimeoutMs?: number;
  /** Sends of one transition message before the panel gives up on it. */
  maxSends?: number;
  /** For log event times. */
  now?: () => number;
  panelId?: number;
}

export interface Nx584PanelSimulator {
  /** A detector opens or closes; on an armed partition that is an alarm (the simulator has no entry delay). */
  faultZone(zone: number, on: boolean): void;
  /** The zone goes into alarm: alarm memory, the partition's siren, and an Alarm log event. */
  alarm(zone: number): void;
  tamper(zone: number, on?: boolean): void;
  trouble(zone: number, on?: boolean): void;
  acFail(on: boolean): void;
  lowBattery(on: boolean): void;
  phoneFault(on: boolean): void;
  /** Sends raw bytes as if the line were noisy. */
  garbage(bytes: Uint8Array): Promise<void>;
  /** While on the panel sends nothing: no replies, no transitions (held until it speaks again). */
  silence(on: boolean): void;
  /** Every request and acknowledge received from the console, in order. */
  readonly received: readonly Nx584Request[];
  /** How many transition messages had to be sent again for want of an acknowledge. */
  readonly retransmissions: number;
  partition(partition: number): Readonly<SimulatedPartition> | undefined;
  stop(): void;
}

/** The messages this panel sends on its own (interface configuration, transition flags). */
const transitionMessages = [0x01, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0a];
const answeredRequests = [0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2a, 0x3b, 0x3c, 0x3f];

export function createNx584PanelSimulator(options: Nx584PanelSimulatorOptions): Nx584PanelSimulator {
  const { port, framing } = options;
  const now = options.now ?? Date.now;
  const ackTimeoutMs = options.ackTimeoutMs ?? 1000;
  const maxSends = options.maxSends ?? 4;
  const model = createPanelModel(options.zones, Math.min(options.partitions, 8), options.zoneNames ?? [], options.panelId ?? 4);
  const decoder = createRequestDecoder(framing);
  const received: Nx584Request[] = [];
  const outbox: Nx584PanelMessage[] = [];
  let silent = false;
  let stopped = false;
  let draining = false;
  let retransmissions = 0;
  let ackWaiter: ((acked: boolean) => void) | undefined;

  const write = async (bytes: Uint8Array): Promise<void> => {
    // The console end going away is a scenario under test, not a fault of the simulator.
    await port.write(bytes).catch(() => undefined);
  };
  const reply = (message: Nx584PanelMessage): void => {
    if (!silent) void write(encodePanelMessageBytes(message, framing));
  };

  async function drain(): Promise<void> {
    if (draining) return;
    draining = true;
    while (!silent && !stopped && outbox.length > 0) {
      const message = outbox[0];
      if (!message) break;
      for (let send = 1; send <= maxSends && !silent && !stopped; send += 1) {
        if (send > 1) retransmissions += 1;
        const acked = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), ackTimeoutMs);
          ackWaiter = (value) => {
            clearTimeout(timer);
            resolve(value);
          };
        });
        await write(encodePanelMessageBytes(message, framing, true));
        if (await acked) break;
      }
      ackWaiter = undefined;
      if (!silent) outbox.shift();
    }
    draining = false;
  }

  const transition = (...messages: Nx584PanelMessage[]): void => {
    outbox.push(...messages);
    void drain();
  };

  const partitionsOf = (zone: number): number[] => model.zone(zone)?.partitions ?? [];
  const logged = (eventType: number, target: number, partition: number): Nx584PanelMessage => model.log(eventType, target, partition - 1, now());

  function setZoneCondition(zone: number, condition: ZoneCondition, on: boolean, eventTypes?: [number, number]): void {
    const state = model.zone(zone);
    if (!state || state.conditions.has(condition) === on) return;
    if (on) state.conditions.add(condition);
    else state.conditions.delete(condition);
    const messages: Nx584PanelMessage[] = [model.zoneStatus(zone), ...partitionsOf(zone).map((p) => model.partitionStatus(p))];
    if (eventTypes) messages.push(logged(on ? eventTypes[0] : eventTypes[1], zone - 1, partitionsOf(zone)[0] ?? 1));
    transition(...messages);
  }

  function alarm(zone: number): void {
    const state = model.zone(zone);
    if (!state) return;
    state.conditions.add('alarmMemory');
    for (const p of state.partitions) {
      const partition = model.partition(p);
      if (partition) Object.assign(partition, { siren: true, alarmMemory: true });
    }
    transition(model.zoneStatus(zone), ...state.partitions.map((p) => model.partitionStatus(p)), logged(0, zone - 1, state.partitions[0] ?? 1));
  }

  function setSystemFlag(flags: Parameters<typeof model.systemFlags.add>[0][], on: boolean, eventTypes: [number, number]): void {
    for (const flag of flags) {
      if (on) model.systemFlags.add(flag);
      else model.systemFlags.delete(flag);
    }
    transition(model.systemStatus(), logged(on ? eventTypes[0] : eventTypes[1], controlPanelDevice, 1));
  }

  function keypadFunction(request: Extract<Nx584Request, { kind: 'keypadFunctionWithPin' }>): void {
    const targets = request.partitions.filter((p) => model.partition(p));
    if (request.pin !== options.pin || targets.length === 0) return reply({ kind: 'commandFailed' });
    if ((request.func === 'armAway' || request.func === 'armStay') && !targets.every((p) => model.isReady(p))) return reply({ kind: 'commandFailed' });
    const messages: Nx584PanelMessage[] = [];
    for (const p of targets) {
      const partition = model.partition(p);
      if (!partition) continue;
      partition.lastUser = 1;
      if (request.func === 'disarm') {
        // Disarming here also clears alarm memory (zone and partition); real panels keep it until the next arming.
        Object.assign(partition, { armed: false, stay: false, siren: false, alarmMemory: false });
        for (const [zone, state] of model.zones) {
          if (state.partitions.includes(p) && state.conditions.delete('alarmMemory')) messages.push(model.zoneStatus(zone));
        }
        messages.push(logged(40, 1, p));
      } else if (request.func === 'armAway' || request.func === 'armStay') {
        Object.assign(partition, { armed: true, stay: request.func === 'armStay' });
        messages.push(logged(41, 1, p));
      } else if (request.func === 'silence') {
        partition.siren = false;
      }
      messages.unshift(model.partitionStatus(p));
    }
    reply({ kind: 'positiveAck' });
    transition(...messages);
  }

  function answer(request: Nx584Request): void {
    const known = (zone: number): boolean => model.zone(zone) !== undefined;
    switch (request.kind) {
      case 'positiveAck':
        ackWaiter?.(true);
        return;
      case 'negativeAck':
      case 'messageRejected':
        return;
      case 'interfaceConfigurationRequest':
        return reply({ kind: 'interfaceConfiguration', firmware: '1.00', transitionMessages, requests: answeredRequests });
      case 'zoneNameRequest':
        return reply(known(request.zone) ? model.zoneName(request.zone) : { kind: 'commandFailed' });
      case 'zoneStatusRequest':
        return reply(known(request.zone) ? model.zoneStatus(request.zone) : { kind: 'commandFailed' });
      case 'zonesSnapshotRequest':
        return reply(model.zonesSnapshot(request.firstZone));
      case 'partitionStatusRequest':
        return reply(model.partition(request.partition) ? model.partitionStatus(request.partition) : { kind: 'commandFailed' });
      case 'partitionsSnapshotRequest':
        return reply(model.partitionsSnapshot());
      case 'systemStatusRequest':
        return reply(model.systemStatus());
      case 'logEventRequest':
        return reply(model.logEntry(request.eventNumber) ?? { kind: 'commandFailed' });
      case 'setClock':
        return reply({ kind: 'positiveAck' });
      case 'keypadFunctionWithPin':
        return keypadFunction(request);
      case 'zoneBypassToggle': {
        const state = model.zone(request.zone);
        if (!state || state.partitions.some((p) => model.partition(p)?.armed)) return reply({ kind: 'commandFailed' });
        reply({ kind: 'positiveAck' });
        return setZoneCondition(request.zone, 'bypassed', !state.conditions.has('bypassed'), [2, 3]);
      }
      case 'keypadFunctionWithoutPin':
        // This simulated panel is programmed to require a PIN for keypad functions.
        return reply({ kind: 'commandFailed' });
      case 'secondaryKeypadFunction':
        return reply({ kind: 'messageRejected' });
    }
  }

  const unsubscribe = port.onData((chunk) => {
    for (const event of decoder.push(chunk)) {
      if (event.type !== 'message') continue;
      received.push(event.message);
      answer(event.message);
    }
  });

  return {
    faultZone(zone, on) {
      setZoneCondition(zone, 'faulted', on);
      if (on && partitionsOf(zone).some((p) => model.partition(p)?.armed) && !model.zone(zone)?.conditions.has('bypassed')) alarm(zone);
    },
    alarm,
    tamper: (zone, on = true) => setZoneCondition(zone, 'tampered', on, [4, 5]),
    trouble: (zone, on = true) => setZoneCondition(zone, 'trouble', on, [6, 7]),
    acFail(on) {
      if (on) model.systemFlags.delete('acPowerOn');
      else model.systemFlags.add('acPowerOn');
      setSystemFlag(['acFail'], on, [26, 27]);
    },
    lowBattery: (on) => setSystemFlag(['lowBattery'], on, [28, 29]),
    phoneFault: (on) => setSystemFlag(['phoneFault', 'phoneLineFaulted'], on, [34, 35]),
    garbage: (bytes) => write(bytes),
    silence(on) {
      silent = on;
      if (on) ackWaiter?.(false);
      else void drain();
    },
    received,
    get retransmissions() {
      return retransmissions;
    },
    partition: (partition) => model.partition(partition),
    stop() {
      stopped = true;
      ackWaiter?.(false);
      unsubscribe();
    },
  };
}
