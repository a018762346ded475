// NX-584 log event types (message 0Ah): what each means in zh/en, what its number refers to, and how serious it is.
// Types and target kinds: nxgipd nx-584.c nx_log_event_types and pynx584 model.py LogEvent; severities are the console's choice.

import type { AlarmSeverity, LocalText } from '../driver-session';

/** Whether the event's number byte is a zone (0-based on the wire), a user, a device, or nothing. */
export type LogEventTarget = 'zone' | 'user' | 'device' | 'none';

export interface LogEventType {
  text: LocalText;
  target: LogEventTarget;
  /** Whether the partition byte means anything for this type. */
  hasPartition: boolean;
  severity: AlarmSeverity;
}

const type = (zh: string, en: string, target: LogEventTarget, hasPartition: boolean, severity: AlarmSeverity): LogEventType => ({
  text: { zh, en },
  target,
  hasPartition,
  severity,
});

export const logEventTypes: Readonly<Record<number, LogEventType>> = {
  0: type('防区报警', 'Alarm', 'zone', true, 'critical'),
  1: type('防区报警恢复', 'Alarm restore', 'zone', true, 'info'),
  2: type('防区旁路', 'Bypass', 'zone', true, 'info'),
  3: type('防区旁路恢复', 'Bypass restore', 'zone', true, 'info'),
  4: type('防区防拆', 'Tamper', 'zone', true, 'critical'),
  5: type('防区防拆恢复', 'Tamper restore', 'zone', true, 'info'),
  6: type('防区故障', 'Trouble', 'zone', true, 'minor'),
  7: type('防区故障恢复', 'Trouble restore', 'zone', true, 'info'),
  8: type('无线探测器电池低', 'TX low battery', 'zone', true, 'minor'),
  9: type('无线探测器电池恢复', 'TX low battery restore', 'zone', true, 'info'),
  10: type('防区失去监控', 'Zone lost', 'zone', true, 'minor'),
  11: type('防区监控恢复', 'Zone lost restore', 'zone', true, 'info'),
  12: type('交叉计时开始', 'Start of cross time', 'zone', true, 'info'),
  17: type('特殊扩展事件', 'Special expansion event', 'none', false, 'info'),
  18: type('胁迫报警', 'Duress', 'none', true, 'critical'),
  19: type('手动火警', 'Manual fire', 'none', true, 'critical'),
  20: type('辅助 2 紧急', 'Auxiliary 2 panic', 'none', true, 'critical'),
  22: type('紧急报警', 'Panic', 'none', true, 'critical'),
  23: type('键盘防拆', 'Keypad tamper', 'none', true, 'major'),
  24: type('主机箱防拆', 'Control box tamper', 'device', false, 'major'),
  25: type('主机箱防拆恢复', 'Control box tamper restore', 'device', false, 'info'),
  26: type('交流电故障', 'AC fail', 'device', false, 'major'),
  27: type('交流电恢复', 'AC fail restore', 'device', false, 'info'),
  28: type('电池电压低', 'Low battery', 'device', false, 'major'),
  29: type('电池电压恢复', 'Low battery restore', 'device', false, 'info'),
  30: type('过流', 'Over-current', 'device', false, 'major'),
  31: type('过流恢复', 'Over-current restore', 'device', false, 'info'),
  32: type('警号防拆', 'Siren tamper', 'device', false, 'major'),
  33: type('警号防拆恢复', 'Siren tamper restore', 'device', false, 'info'),
  34: type('电话线故障', 'Telephone fault', 'none', false, 'minor'),
  35: type('电话线恢复', 'Telephone fault restore', 'none', false, 'info'),
  36: type('扩展模块故障', 'Expander trouble', 'device', false, 'minor'),
  37: type('扩展模块故障恢复', 'Expander trouble restore', 'device', false, 'info'),
  38: type('通讯失败', 'Fail to communicate', 'none', false, 'major'),
  39: type('日志已满', 'Log full', 'none', false, 'info'),
  40: type('撤防', 'Opening', 'user', true, 'info'),
  41: type('布防', 'Closing', 'user', true, 'info'),
  42: type('退出错误', 'Exit error', 'user', true, 'minor'),
  43: type('最近布防', 'Recent closing', 'user', true, 'info'),
  44: type('自动测试', 'Auto-test', 'none', false, 'info'),
  45: type('开始编程', 'Start program', 'none', false, 'info'),
  46: type('结束编程', 'End program', 'none', false, 'info'),
  47: type('开始下载', 'Start download', 'none', false, 'info'),
  48: type('结束下载', 'End download', 'none', false, 'info'),
  49: type('取消', 'Cancel', 'user', true, 'info'),
  50: type('接地故障', 'Ground fault', 'none', false, 'minor'),
  51: type('接地故障恢复', 'Ground fault restore', 'none', false, 'info'),
  52: type('手动测试', 'Manual test', 'none', false, 'info'),
  53: type('旁路布防', 'Closed with zones bypassed', 'user', true, 'info'),
  54: type('开始监听', 'Start of listen in', 'none', false, 'info'),
  55: type('技术人员到场', 'Technician on site', 'none', false, 'info'),
  56: type('技术人员离开', 'Technician left', 'none', false, 'info'),
  57: type('主机上电', 'Control power up', 'none', false, 'info'),
  119: type('时钟设置', 'Clock set', 'none', false, 'info'),
  120: type('首次撤防', 'First to open', 'user', true, 'info'),
  121: type('最后布防', 'Last to close', 'user', true, 'info'),
  122: type('输入第 7 位置位的密码', 'PIN entered with bit 7 set', 'user', true, 'info'),
  123: type('开始步行测试', 'Begin walk-test', 'none', false, 'info'),
  124: type('结束步行测试', 'End walk-test', 'none', false, 'info'),
  125: type('重新退出', 'Re-exit', 'none', true, 'info'),
  126: type('输出触发', 'Output trip', 'user', false, 'info'),
  127: type('数据丢失', 'Data lost', 'none', false, 'minor'),
};

export function logEventType(eventType: number): LogEventType {
  return logEventTypes[eventType] ?? type(`未知事件 ${eventType}`, `Unknown event ${eventType}`, 'none', false, 'info');
}

/** Where the event happened, as a point string: `zone 3`, `user 2`, `device 8` or empty. */
export function logEventPoint(eventType: number, target: number): { point: string; zone?: number } {
  const { target: kind } = logEventType(eventType);
  if (kind === 'zone') return { point: `zone ${target + 1}`, zone: target + 1 };
  if (kind === 'none') return { point: '' };
  return { point: `${kind} ${target}` };
}

/**
 * The panel's log time carries no year: take this year, or last year when the month is still to come
 * (pynx584 process_msg_10). Undefined for a date that does not exist.
 */
export function logEventTime(now: number, month: number, day: number, hour: number, minute: number): number | undefined {
  const today = new Date(now);
  const year = month > today.getMonth() + 1 ? today.getFullYear() - 1 : today.getFullYear();
  const at = new Date(year, month - 1, day, hour, minute);
  if (at.getMonth() !== month - 1 || at.getDate() !== day || at.getHours() !== hour || at.getMinutes() !== minute) return undefined;
  return at.getTime();
}
