// The UPS shutdown card on the settings page.

export const powerZh = {
  title: 'UPS 断电关机',
  linkHint: 'UPS 电池电量低时记入日志、完整关闭数据并关机（默认关闭）。',
  open: '设置 UPS 关机',
  intro: 'UPS 报告电池电量低（或市电中断超过设定时间）时：记入日志、完整关闭数据，然后执行关机命令。默认关闭。',
  enabled: '按 UPS 状态关机',
  onBatterySeconds: '市电中断多久后关机（秒，0 = 仅在电池电量低时）',
  command: '关机命令（程序与参数，用空格分隔，不经过 shell）',
  commandHint: 'Linux 例如 systemctl poweroff；Windows 例如 shutdown /s /t 60。留空则只关闭数据。',
  saved: 'UPS 关机设置已保存',
};

export const powerEn: typeof powerZh = {
  title: 'UPS shutdown',
  linkHint: 'On a UPS battery low: journal it, close the data cleanly and power down (off by default).',
  open: 'Set up UPS shutdown',
  intro: 'When a UPS reports battery low (or mains has been out for the set time): journal it, close the data cleanly, then run the shutdown command. Off by default.',
  enabled: 'Shut down on UPS state',
  onBatterySeconds: 'Shut down after this long on battery (seconds; 0 = only on battery low)',
  command: 'Shutdown command (program and arguments separated by spaces; no shell)',
  commandHint: 'Linux: systemctl poweroff; Windows: shutdown /s /t 60. Empty: only close the data.',
  saved: 'UPS shutdown settings saved',
};
