// Contact ID event codes 5xx (bypasses, disables), 6xx (tests, logs, schedules) and 7xx (miscellaneous).

import type { EventCodeRow } from './event-code-row';

// Source: SIA DC-05-1999.09 Appendix C, with later additions (643–647, 655).
// A bypass leaves a point unprotected (minor; fire bypass and a disabled dialer are major). Tests are info.
const listedCodes: readonly EventCodeRow[] = [
  [501, 'zone', 'minor', 'Access reader disable', '读卡器禁用'],
  [520, 'zone', 'minor', 'Sounder/relay disable', '警号/继电器禁用'],
  [521, 'zone', 'minor', 'Bell 1 disable', '警铃 1 禁用'],
  [522, 'zone', 'minor', 'Bell 2 disable', '警铃 2 禁用'],
  [523, 'zone', 'minor', 'Alarm relay disable', '报警继电器禁用'],
  [524, 'zone', 'minor', 'Trouble relay disable', '故障继电器禁用'],
  [525, 'zone', 'minor', 'Reversing relay disable', '反极继电器禁用'],
  [526, 'zone', 'minor', 'Notification appliance circuit 3 disable', '声光报警回路 3 禁用'],
  [527, 'zone', 'minor', 'Notification appliance circuit 4 disable', '声光报警回路 4 禁用'],
  [531, 'zone', 'info', 'Module added', '模块已添加'],
  [532, 'zone', 'minor', 'Module removed', '模块已移除'],
  [551, 'zone', 'major', 'Dialer disabled', '拨号器禁用'],
  [552, 'zone', 'major', 'Radio transmitter disabled', '无线发射机禁用'],
  [553, 'zone', 'minor', 'Remote upload/download disabled', '远程上传/下载禁用'],
  [570, 'zone', 'minor', 'Zone/sensor bypass', '防区旁路'],
  [571, 'zone', 'major', 'Fire bypass', '火警防区旁路'],
  [572, 'zone', 'minor', '24-hour zone bypass', '24小时防区旁路'],
  [573, 'zone', 'minor', 'Burglary bypass', '盗警防区旁路'],
  [574, 'user', 'minor', 'Group bypass', '分区组旁路'],
  [575, 'zone', 'minor', 'Swinger bypass', '频繁触发防区自动旁路'],
  [576, 'zone', 'minor', 'Access zone shunt', '门禁防区旁路'],
  [577, 'zone', 'minor', 'Access point bypass', '门禁点旁路'],
  [578, 'zone', 'minor', 'Vault bypass', '金库防区旁路'],
  [579, 'zone', 'minor', 'Vent zone bypass', '通风防区旁路'],
  [601, 'zone', 'info', 'Manual trigger test report', '手动测试报告'],
  [602, 'zone', 'info', 'Periodic test report', '定期测试报告'],
  [603, 'zone', 'info', 'Periodic RF transmission', '无线定期检测信号'],
  [604, 'user', 'info', 'Fire test', '火警测试'],
  [605, 'zone', 'info', 'Status report to follow', '随后上报状态'],
  [606, 'zone', 'info', 'Listen-in to follow', '随后进行监听'],
  [607, 'user', 'info', 'Walk test mode', '步测模式'],
  [608, 'zone', 'minor', 'Periodic test – system trouble present', '定期测试（系统有故障）'],
  [609, 'zone', 'info', 'Video transmitter active', '视频传输已启动'],
  [611, 'zone', 'info', 'Point tested OK', '测试点正常'],
  [612, 'zone', 'minor', 'Point not tested', '测试点未测试'],
  [613, 'zone', 'info', 'Intrusion zone walk tested', '入侵防区步测完成'],
  [614, 'zone', 'info', 'Fire zone walk tested', '火警防区步测完成'],
  [615, 'zone', 'info', 'Panic zone walk tested', '紧急防区步测完成'],
  [616, 'zone', 'minor', 'Service request', '维修请求'],
  [621, 'zone', 'info', 'Event log reset', '事件记录已清除'],
  [622, 'zone', 'info', 'Event log 50% full', '事件记录已满 50%'],
  [623, 'zone', 'minor', 'Event log 90% full', '事件记录已满 90%'],
  [624, 'zone', 'minor', 'Event log overflow', '事件记录溢出'],
  [625, 'user', 'info', 'Time/date reset', '时间/日期已重设'],
  [626, 'zone', 'minor', 'Time/date inaccurate', '时间/日期不准确'],
  [627, 'zone', 'info', 'Program mode entry', '进入编程模式'],
  [628, 'zone', 'info', 'Program mode exit', '退出编程模式'],
  [629, 'zone', 'info', '32-hour event log marker', '32小时事件记录标记'],
  [630, 'zone', 'info', 'Schedule change', '时间表变更'],
  [631, 'zone', 'info', 'Exception schedule change', '例外时间表变更'],
  [632, 'zone', 'info', 'Access schedule change', '门禁时间表变更'],
  [641, 'zone', 'major', 'Senior watch trouble', '老人看护异常'],
  [642, 'user', 'info', 'Latch-key supervision', '儿童到家监护'],
  [643, 'zone', 'minor', 'Restricted door opened', '限制门被打开'],
  [645, 'zone', 'info', 'Help arrived', '救助已到达'],
  [646, 'zone', 'major', 'Additional help needed', '需要追加救助'],
  [647, 'zone', 'info', 'Additional help cancelled', '取消追加救助'],
  [651, 'zone', 'info', 'Reserved for Ademco use', 'Ademco 保留代码'],
  [652, 'user', 'info', 'Reserved for Ademco use', 'Ademco 保留代码'],
  [653, 'user', 'info', 'Reserved for Ademco use', 'Ademco 保留代码'],
  [654, 'zone', 'minor', 'System inactivity', '系统长时间无活动'],
  [655, 'user', 'info', 'User code modified by installer', '安装员修改了用户密码'],
  [703, 'zone', 'minor', 'Auxiliary 3', '辅助报警 3'],
  [704, 'zone', 'info', 'Installer test', '安装员测试'],
  [796, 'zone', 'major', 'Unable to output signal (derived channel)', '无法输出信号（派生信道）'],
  [798, 'zone', 'major', 'STU controller down (derived channel)', 'STU 控制器故障（派生信道）'],
];

// DC-05 leaves 750–789 for the installer to assign; their meaning is site-specific, so they rank like an unknown code.
const userAssignedCodes: readonly EventCodeRow[] = Array.from({ length: 40 }, (_, index): EventCodeRow => {
  const code = 750 + index;
  return [code, 'zone', 'major', `User-assigned event ${code}`, `用户自定义事件 ${code}`];
});

export const bypassTestEventCodes: readonly EventCodeRow[] = [...listedCodes, ...userAssignedCodes].sort((a, b) => a[0] - b[0]);
