import { describe, expect, it } from 'vitest';
import { alarmEventCodes } from '../../../../../electron/core/devices/contact-id/event-codes-alarms';
import { bypassTestEventCodes } from '../../../../../electron/core/devices/contact-id/event-codes-bypass-test';
import { openCloseEventCodes } from '../../../../../electron/core/devices/contact-id/event-codes-open-close';
import { troubleEventCodes } from '../../../../../electron/core/devices/contact-id/event-codes-troubles';
import { contactIdEventCodes, isOpenCloseCode, lookupEventCode } from '../../../../../electron/core/devices/contact-id/event-codes';

const severities = ['critical', 'major', 'minor', 'info'];

describe('Contact ID event code table', () => {
  it('lists well over a hundred codes, each once', () => {
    const rows = [...alarmEventCodes, ...troubleEventCodes, ...openCloseEventCodes, ...bypassTestEventCodes];
    expect(rows.length).toBeGreaterThan(250);
    expect(contactIdEventCodes.size).toBe(rows.length);
  });

  it('gives every code Chinese and English text, a severity and what CCC carries', () => {
    for (const [code, info] of contactIdEventCodes) {
      expect(code).toMatch(/^[1-7][0-9]{2}$/);
      expect(info.code).toBe(code);
      expect(info.known).toBe(true);
      expect(info.text.en.trim().length, code).toBeGreaterThan(1);
      expect(info.text.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(severities).toContain(info.severity);
      expect(['zone', 'user']).toContain(info.point);
    }
  });

  it('keeps each group file to its own hundred', () => {
    expect(alarmEventCodes.every(([code]) => code >= 100 && code < 200)).toBe(true);
    expect(troubleEventCodes.every(([code]) => code >= 200 && code < 400)).toBe(true);
    expect(openCloseEventCodes.every(([code]) => code >= 400 && code < 500)).toBe(true);
    expect(bypassTestEventCodes.every(([code]) => code >= 500 && code < 800)).toBe(true);
  });

  it('ranks 110 as a critical fire alarm', () => {
    expect(lookupEventCode('110')).toEqual({ code: '110', known: true, point: 'zone', severity: 'critical', text: { zh: '火警', en: 'Fire' } });
  });

  it('ranks life-safety and intrusion alarms critical, major troubles major, minor troubles minor, routine info', () => {
    const expected: Record<string, string> = {
      '100': 'critical', '111': 'critical', '120': 'critical', '121': 'critical', '130': 'critical', '137': 'critical',
      '151': 'critical', '154': 'critical', '162': 'critical', '383': 'critical',
      '200': 'major', '301': 'major', '302': 'major', '350': 'major', '373': 'major', '380': 'major',
      '384': 'minor', '570': 'minor', '623': 'minor',
      '401': 'info', '441': 'info', '602': 'info', '627': 'info',
    };
    for (const [code, severity] of Object.entries(expected)) expect(lookupEventCode(code).severity, code).toBe(severity);
  });

  it('says whether CCC is a zone or a user', () => {
    expect(lookupEventCode('121').point).toBe('user');
    expect(lookupEventCode('401').point).toBe('user');
    expect(lookupEventCode('130').point).toBe('zone');
  });

  it('still decodes a code the table does not list, as a major unknown event', () => {
    expect(lookupEventCode('999')).toEqual({
      code: '999',
      known: false,
      point: 'zone',
      severity: 'major',
      text: { zh: '未知事件 999', en: 'unknown event 999' },
    });
    expect(lookupEventCode('128').known).toBe(false);
  });

  it('accepts a code given as a number', () => {
    expect(lookupEventCode(110).text.en).toBe('Fire');
    expect(lookupEventCode(7).code).toBe('007');
  });

  it('knows which codes use the qualifier for opening and closing', () => {
    expect(isOpenCloseCode('401')).toBe(true);
    expect(isOpenCloseCode('441')).toBe(true);
    expect(isOpenCloseCode('110')).toBe(false);
    expect(isOpenCloseCode('421')).toBe(false);
  });
});
