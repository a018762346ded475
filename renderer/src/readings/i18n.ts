// The readings history's words: the device page's chart and table, the dashboard's sparklines. Chinese first.

export const readingsZh = {
  title: '读数趋势',
  none: '此设备还没有保存的读数(接入链路并有数值读数后开始记录)。',
  reading: '读数',
  range: '时间范围',
  ranges: { '1h': '1 小时', '24h': '24 小时', '7d': '7 天', '30d': '30 天', '1y': '1 年', custom: '自定义' },
  resolution: { raw: '原始值', minute: '每分钟汇总', hour: '每小时汇总' },
  resolutionLine: '{{level}},每点 {{bucket}}',
  noData: '此时间范围内没有读数。',
  chartLabel: '{{reading}} 的趋势图',
  tableCaption: '{{reading}}:{{from}} 至 {{to}}',
  columns: { at: '时间', min: '最小', mean: '平均', max: '最大', count: '读数次数' },
  threshold: { high: '上限 {{value}}', low: '下限 {{value}}' },
  alarmsTitle: '此期间的报警',
  alarmRaised: '{{time}} 报警:{{text}}',
  alarmRestored: '{{time}} 恢复',
  stillActive: '仍在报警',
  keyReadings: '机房环境',
  keyReadingsNone: '还没有机房环境读数(温度、湿度、UPS)。',
  latest: '当前',
  lastDay: '最近 24 小时',
  stale: '{{time}} 的读数',
  duration: { s: '{{n}} 秒', min: '{{n}} 分钟', h: '{{n}} 小时', d: '{{n}} 天' },
  formats: { time: 'HH:mm', dayTime: 'M月D日 HH:mm', dayTimeSeconds: 'M月D日 HH:mm:ss', day: 'M月D日', full: 'YYYY年M月D日 HH:mm:ss', month: 'YYYY年M月' },
};

export const readingsEn: typeof readingsZh = {
  title: 'Reading trends',
  none: 'No readings kept for this device yet (they are recorded once a link reports numeric readings).',
  reading: 'Reading',
  range: 'Range',
  ranges: { '1h': '1 hour', '24h': '24 hours', '7d': '7 days', '30d': '30 days', '1y': '1 year', custom: 'Custom' },
  resolution: { raw: 'Raw values', minute: 'One-minute aggregates', hour: 'Hourly aggregates' },
  resolutionLine: '{{level}}, {{bucket}} per point',
  noData: 'No readings in this range.',
  chartLabel: 'Trend chart of {{reading}}',
  tableCaption: '{{reading}}: {{from}} to {{to}}',
  columns: { at: 'Time', min: 'Min', mean: 'Mean', max: 'Max', count: 'Readings' },
  threshold: { high: 'High limit {{value}}', low: 'Low limit {{value}}' },
  alarmsTitle: 'Alarms in this period',
  alarmRaised: '{{time}} alarm: {{text}}',
  alarmRestored: '{{time}} restored',
  stillActive: 'still active',
  keyReadings: 'Machine room',
  keyReadingsNone: 'No machine-room readings yet (temperature, humidity, UPS).',
  latest: 'Now',
  lastDay: 'Last 24 hours',
  stale: 'reading of {{time}}',
  duration: { s: '{{n}} s', min: '{{n}} min', h: '{{n}} h', d: '{{n}} d' },
  formats: { time: 'HH:mm', dayTime: 'MMM D, HH:mm', dayTimeSeconds: 'MMM D, HH:mm:ss', day: 'MMM D', full: 'MMM D, YYYY HH:mm:ss', month: 'MMM YYYY' },
};

export const readingsErrorsZh = {
  reading_not_found: '找不到这个读数的记录。',
  invalid_range: '结束时间必须晚于开始时间。',
  wall_disabled: '墙屏未开启:请管理员在“设置”中开启。',
  wall_key_invalid: '墙屏地址已失效:请在“设置”中复制新的墙屏地址。',
};

export const readingsErrorsEn: typeof readingsErrorsZh = {
  reading_not_found: 'No record of this reading.',
  invalid_range: 'The end must be after the start.',
  wall_disabled: 'The wall screen is off: an administrator turns it on in Settings.',
  wall_key_invalid: 'This wall address is no longer valid: copy the new one from Settings.',
};
