// What OSDP replies mean to the duty room: the alarms and readings a PD's link, identity, cards, keys and status produce.

import type { DeviceAlarm, DeviceReading, LocalText } from '../driver-session';
import type { OsdpReply } from './replies';
import { firmwareText, serialHex, vendorHex } from './summary';
import { cardNumber } from './wiegand';

type Reply<K extends OsdpReply['kind']> = Extract<OsdpReply, { kind: K }>;

const pdName = (address: number): LocalText => ({ zh: `OSDP 设备 ${address}`, en: `OSDP PD ${address}` });

function reading(address: number, name: string, label: LocalText, value: DeviceReading['value'], at: number, unit = ''): DeviceReading {
  return { key: `osdp:${address}:${name}`, label, value, unit, at };
}

export const osdpConditionKey = (address: number, condition: 'link' | 'secure' | 'tamper' | 'power' | 'card' | 'keypad'): string => `osdp:${address}:${condition}`;

function alarm(address: number, condition: Parameters<typeof osdpConditionKey>[1], fields: Omit<DeviceAlarm, 'conditionKey' | 'detail'> & { detail?: DeviceAlarm['detail'] }): DeviceAlarm {
  return { conditionKey: osdpConditionKey(address, condition), ...fields, detail: { address, ...fields.detail } };
}

export function linkAlarm(address: number, state: 'raised' | 'restored', at: number): DeviceAlarm {
  const name = pdName(address);
  return alarm(address, 'link', {
    state,
    eventCode: 'link.lost',
    severity: 'major',
    text: state === 'raised' ? { zh: `${name.zh} 通信中断`, en: `${name.en} not answering` } : { zh: `${name.zh} 通信恢复`, en: `${name.en} answering again` },
    point: '',
    at,
  });
}

/** Why a Secure Channel could not be opened, in words for the operator. Never mentions key bytes. */
export interface SecureFailure {
  reason: 'cryptogramMismatch' | 'rmacMismatch' | 'refused' | 'unexpectedReply' | 'repliesRefused';
  text: LocalText;
}

/** `notRequired`: restored because the PD is no longer configured for a Secure Channel. */
export function secureChannelAlarm(address: number, state: 'raised' | 'restored', at: number, failure?: SecureFailure, notRequired = false): DeviceAlarm {
  const name = pdName(address);
  if (state === 'restored' && notRequired) {
    return alarm(address, 'secure', {
      state,
      eventCode: 'osdp.secureChannel',
      severity: 'major',
      text: { zh: `${name.zh} 已不再要求安全通道`, en: `${name.en} no longer configured for a secure channel` },
      point: '',
      at,
      detail: { reason: 'notRequired' },
    });
  }
  return alarm(address, 'secure', {
    state,
    eventCode: 'osdp.secureChannel',
    severity: 'major',
    text:
      state === 'raised'
        ? { zh: `${name.zh} 安全通道建立失败：${failure?.text.zh ?? ''}`, en: `${name.en} secure channel failed: ${failure?.text.en ?? ''}` }
        : { zh: `${name.zh} 安全通道已建立`, en: `${name.en} secure channel established` },
    point: '',
    at,
    detail: failure ? { reason: failure.reason } : {},
  });
}

export function onlineReading(address: number, online: boolean, at: number): DeviceReading {
  return reading(address, 'online', { zh: '在线', en: 'Online' }, online, at);
}

export function secureReading(address: number, secure: boolean, at: number): DeviceReading {
  return reading(address, 'secure', { zh: '安全通道', en: 'Secure channel' }, secure, at);
}

export function identityReadings(address: number, reply: Reply<'pdid'>, at: number): DeviceReading[] {
  return [
    reading(address, 'vendor', { zh: '厂商代码', en: 'Vendor code' }, vendorHex(reply.vendorCode), at),
    reading(address, 'model', { zh: '型号', en: 'Model' }, `${reply.model} v${reply.version}`, at),
    reading(address, 'serial', { zh: '序列号', en: 'Serial number' }, serialHex(reply.serialNumber), at),
    reading(address, 'firmware', { zh: '固件版本', en: 'Firmware' }, firmwareText(reply.firmware), at),
  ];
}

export function capabilitiesReading(address: number, reply: Reply<'pdcap'>, at: number): DeviceReading {
  const text = reply.capabilities.map((c) => `${c.functionCode}:${c.compliance}/${c.count}`).join(' ');
  return reading(address, 'capabilities', { zh: '设备能力', en: 'Capabilities' }, text, at);
}

export function cardRead(address: number, reply: Reply<'raw'>, at: number): { alarm: DeviceAlarm; reading: DeviceReading } {
  const card = cardNumber(reply.bitCount, reply.data);
  const name = pdName(address);
  return {
    reading: reading(address, 'card', { zh: '最近刷卡', en: 'Last card' }, card.display, at),
    alarm: alarm(address, 'card', {
      state: 'status',
      eventCode: 'osdp.card',
      severity: 'info',
      text: { zh: `${name.zh} 读头 ${reply.reader} 刷卡 ${card.display}`, en: `Card ${card.display} at ${name.en} reader ${reply.reader}` },
      point: `reader ${reply.reader}`,
      at,
      detail: {
        reader: reply.reader,
        cardNumber: card.decimal,
        cardHex: card.hex,
        cardDisplay: card.display,
        bits: reply.bitCount,
        rawHex: Buffer.from(reply.data).toString('hex').toUpperCase(),
        format: reply.format,
        facility: card.facility ?? null,
        card: card.card ?? null,
        parityOk: card.parityOk ?? null,
      },
    }),
  };
}

export function keypadEntry(address: number, reply: Reply<'keypad'>, at: number): { alarm: DeviceAlarm; reading: DeviceReading } {
  const name = pdName(address);
  return {
    reading: reading(address, 'keypad', { zh: '最近按键', en: 'Last keys' }, reply.digits, at),
    alarm: alarm(address, 'keypad', {
      state: 'status',
      eventCode: 'osdp.keypad',
      severity: 'info',
      text: { zh: `${name.zh} 读头 ${reply.reader} 键盘输入`, en: `Keypad entry at ${name.en} reader ${reply.reader}` },
      point: `reader ${reply.reader}`,
      at,
      detail: { reader: reply.reader, digits: reply.digits },
    }),
  };
}

export interface LocalStatus {
  tamper?: boolean;
  powerFailure?: boolean;
}

/** Raised/restored alarms for what changed since the last known local status (nothing for a first normal report). */
export function localStatusAlarms(address: number, known: LocalStatus, reply: Reply<'lstatr'>, at: number): DeviceAlarm[] {
  const name = pdName(address);
  const alarms: DeviceAlarm[] = [];
  if (reply.tamper !== (known.tamper ?? false)) {
    alarms.push(
      alarm(address, 'tamper', {
        state: reply.tamper ? 'raised' : 'restored',
        eventCode: 'osdp.tamper',
        severity: 'critical',
        text: reply.tamper ? { zh: `${name.zh} 防拆报警`, en: `${name.en} tamper` } : { zh: `${name.zh} 防拆恢复`, en: `${name.en} tamper restored` },
        point: '',
        at,
      }),
    );
  }
  if (reply.powerFailure !== (known.powerFailure ?? false)) {
    alarms.push(
      alarm(address, 'power', {
        state: reply.powerFailure ? 'raised' : 'restored',
        eventCode: 'osdp.power',
        severity: 'major',
        text: reply.powerFailure ? { zh: `${name.zh} 电源故障`, en: `${name.en} power failure` } : { zh: `${name.zh} 电源恢复`, en: `${name.en} power restored` },
        point: '',
        at,
      }),
    );
  }
  return alarms;
}

export function localStatusReadings(address: number, reply: Reply<'lstatr'>, at: number): DeviceReading[] {
  return [
    reading(address, 'tamper', { zh: '防拆', en: 'Tamper' }, reply.tamper, at),
    reading(address, 'power', { zh: '电源正常', en: 'Power OK' }, !reply.powerFailure, at),
  ];
}
