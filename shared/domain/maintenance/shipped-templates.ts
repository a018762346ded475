// The checklists shipped for every catalog system, built from the seed's component lists (维保服务范围, 定期保养,
// 线缆检测, 系统升级, 病毒防御, 专家现场保障, 操作培训, 客服经理回访). Limits are common defaults a supervisor edits.
import { machineRoomSystemId } from '../assets/catalog';
import type { ChecklistItem, VersionField } from './checklist-items';
import type { TemplatePurpose } from './template-purposes';

export interface ShippedTemplate {
  id: string;
  systemId: string | null;
  purpose: TemplatePurpose;
  nameZh: string;
  nameEn: string;
  items: ChecklistItem[];
}

type Types = string[];
const check = (id: string, zh: string, en: string, typeIds: Types = []): ChecklistItem => ({ id, kind: 'check', labelZh: zh, labelEn: en, typeIds });
const reading = (id: string, zh: string, en: string, unit: string, min: number | null, max: number | null, typeIds: Types = []): ChecklistItem =>
  ({ id, kind: 'reading', labelZh: zh, labelEn: en, typeIds, unit, min, max });
const backup = (id: string, zh: string, en: string, typeIds: Types = []): ChecklistItem => ({ id, kind: 'backup', labelZh: zh, labelEn: en, typeIds });
const version = (id: string, zh: string, en: string, field: VersionField | null, typeIds: Types = []): ChecklistItem =>
  ({ id, kind: 'version', labelZh: zh, labelEn: en, typeIds, versionField: field });
const text = (id: string, zh: string, en: string, typeIds: Types = []): ChecklistItem => ({ id, kind: 'text', labelZh: zh, labelEn: en, typeIds });
const photo = (id: string, zh: string, en: string, typeIds: Types = []): ChecklistItem => ({ id, kind: 'photo', labelZh: zh, labelEn: en, typeIds });

/** Every device: clean, fixed, labelled; a photo when something is worth showing. */
const general = [
  check('clean', '外观清洁、固定牢靠、标识清晰', 'Clean, firmly fixed, clearly labelled'),
  photo('photo', '现场照片(如有异常)', 'Photo (if anything is wrong)'),
];

/** 控制电脑(主板,CPU,内存,显卡,硬盘,电源,控制卡/串口卡) and its backups (控制软件及数据库、操作系统的备份). */
function pcItems(pcTypes: Types, card: [string, string] | null, softwareTypes: Types = []): ChecklistItem[] {
  const items = [
    check('pc-board', '主板', 'Main board', pcTypes),
    check('pc-cpu', 'CPU', 'CPU', pcTypes),
    reading('pc-cpu-temp', 'CPU 温度', 'CPU temperature', '°C', null, 75, pcTypes),
    check('pc-memory', '内存', 'Memory', pcTypes),
    check('pc-graphics', '显卡', 'Graphics card', pcTypes),
    check('pc-disk', '硬盘(SMART 正常、剩余空间足够)', 'Hard disk (SMART good, enough free space)', pcTypes),
    check('pc-psu', '电源', 'Power supply', pcTypes),
  ];
  if (card) items.push(check('pc-card', card[0], card[1], pcTypes));
  const software = [...pcTypes, ...softwareTypes];
  items.push(
    backup('software-backup', '控制软件及数据库已备份', 'Control software and database backed up', software),
    backup('os-backup', '操作系统已备份', 'Operating system backed up', pcTypes),
    version('virus-defs', '病毒库版本/日期', 'Virus definitions version / date', null, pcTypes),
  );
  return items;
}

const works = (id: string, zh: string, en: string, typeIds: Types) => check(id, zh, en, typeIds);

const equipment: ShippedTemplate[] = [
  {
    id: 'cctv-equipment', systemId: 'cctv', purpose: 'equipment', nameZh: '安防监控系统定期保养', nameEn: 'CCTV routine maintenance',
    items: [
      works('image', '图像清晰、无干扰、无滚屏', 'Picture clear, no interference or rolling', ['camera']),
      works('lens', '镜头及防护罩清洁', 'Lens and housing clean', ['camera']),
      works('ptz', '云台转动、解码器控制正常', 'Pan-tilt and decoder control work', ['ptz', 'decoder']),
      reading('camera-psu-v', '摄像机电源输出电压', 'Camera PSU output voltage', 'V', 11.4, 12.6, ['camera-psu']),
      works('matrix-io', '视频输入/输出模块正常', 'Video input / output modules work', ['matrix', 'video-input-module', 'video-output-module']),
      works('matrix-board', '主控板工作正常', 'Main control board works', ['matrix', 'matrix-main-board']),
      works('matrix-keyboard', '矩阵键盘切换、控制正常', 'Matrix keyboard switching and control work', ['matrix-keyboard']),
      works('distribution', '视频分配器、码分配器、码转换器工作正常', 'Distributors and code converters work', ['video-distributor', 'code-distributor', 'code-converter']),
      check('dvr-board', '硬盘录像机主板', 'DVR main board', ['dvr']),
      check('dvr-disk', '硬盘录像机硬盘(无坏道、录像完整)', 'DVR hard disks (no bad sectors, recordings complete)', ['dvr', 'hard-disk']),
      check('dvr-psu', '硬盘录像机电源', 'DVR power supply', ['dvr', 'psu']),
      reading('dvr-retention', '录像保存天数', 'Days of recordings kept', '天', 30, null, ['dvr']),
      ...pcItems(['control-pc'], ['控制卡', 'Control card'], ['control-software']),
      ...general,
    ],
  },
  {
    id: 'intrusion-equipment', systemId: 'intrusion', purpose: 'equipment', nameZh: '报警系统定期保养', nameEn: 'Intrusion alarm routine maintenance',
    items: [
      works('detector-walk', '探头步测报警正常', 'Detector walk test raises the alarm', ['detector']),
      works('manual-trigger', '手报按钮/脚报开关触发报警正常', 'Panic button / foot switch raises the alarm', ['panic-button', 'foot-switch']),
      works('zone-module', '防区模块工作正常', 'Zone module works', ['zone-module']),
      reading('eol', '线尾电阻阻值', 'End-of-line resistance', 'kΩ', 1.98, 2.42, ['eol-resistor']),
      reading('psu-v', '开关电源输出电压', 'Switching PSU output voltage', 'V', 12, 14.5, ['switching-psu']),
      works('bus', '总线驱动器、通讯转换器通讯正常', 'Bus driver and converters communicate', ['bus-driver', 'comm-converter']),
      works('panel-report', '报警主机布撤防及报警上传正常', 'Panel arms, disarms and reports alarms', ['alarm-panel']),
      reading('panel-battery', '报警主机备用电池电压', 'Panel standby battery voltage', 'V', 12.0, 13.8, ['alarm-panel']),
      works('keypad', '操作键盘显示及按键正常', 'Keypad display and keys work', ['keypad']),
      works('receiver', '报警接收机接收测试报告', 'Alarm receiver takes a test report', ['alarm-receiver']),
      ...pcItems(['alarm-pc'], ['串口卡', 'Serial card'], ['control-software']),
      ...general,
    ],
  },
  {
    id: 'conference-equipment', systemId: 'conference', purpose: 'equipment', nameZh: '会议系统定期保养', nameEn: 'Conference routine maintenance',
    items: [
      works('sound', '音箱、功放、调音台声音清晰无杂音', 'Speakers, amplifiers, mixer sound clean', ['speaker', 'amplifier', 'mixer']),
      works('matrix', '音频/视频矩阵切换正常', 'Audio / video matrix switching works', ['audio-matrix', 'video-matrix']),
      works('host', '会议主机工作正常', 'Conference main unit works', ['conference-unit']),
      works('units', '主席机、代表机发言及表决器表决正常', 'Chairman / delegate units speak, voting units vote', ['chairman-unit', 'delegate-unit', 'voting-unit']),
      works('tracking', '会议跟踪摄像头定位准确', 'Tracking camera points at the speaker', ['tracking-camera']),
      works('control', '控制键盘、中控及显示设备正常', 'Control keyboard, central control, displays work', ['control-keyboard', 'central-control', 'display']),
      ...general,
    ],
  },
  {
    id: 'hotel-room-equipment', systemId: 'hotel-room', purpose: 'equipment', nameZh: '酒店客房控制系统定期保养', nameEn: 'Guest-room control routine maintenance',
    items: [
      works('low-voltage', '弱电控制板通讯正常', 'Low-voltage board communicates', ['low-voltage-board']),
      works('power-board', '强电控制板继电器及负载正常', 'Power board relays and loads work', ['power-board']),
      works('bedside', '床头控制板按键及指示正常', 'Bedside panel keys and lamps work', ['bedside-panel']),
      ...general,
    ],
  },
  {
    id: 'building-automation-equipment', systemId: 'building-automation', purpose: 'equipment', nameZh: '楼宇控制系统定期保养', nameEn: 'Building automation routine maintenance',
    items: [
      works('controller', '控制器通讯及点位正常', 'Controller communicates, points read right', ['ba-controller']),
      version('ba-software-version', '楼控软件版本(更新)', 'BA software version (update)', 'software', ['ba-software']),
      backup('ba-backup', '楼控软件及数据已备份', 'BA software and data backed up', ['ba-software']),
      check('ba-restore', '备份恢复测试', 'Backup restore test', ['ba-software']),
      works('sensor', '传感器读数与校准表一致', 'Sensor reads as the reference', ['env-sensor']),
      reading('ac-return', '精密空调回风温度', 'Precision AC return-air temperature', '°C', 18, 27, ['precision-ac']),
      reading('ups-out', 'UPS 输出电压', 'UPS output voltage', 'V', 209, 231, ['ups']),
      ...general,
    ],
  },
  {
    id: 'background-music-equipment', systemId: 'background-music', purpose: 'equipment', nameZh: '背景音乐及广播系统定期保养', nameEn: 'Background music and PA routine maintenance',
    items: [
      works('speaker', '音箱放音正常无破音', 'Loudspeakers play without distortion', ['speaker']),
      works('amplifier', '功放输出正常、散热良好', 'Amplifier output and cooling good', ['amplifier']),
      works('source', '音源(CD 机、卡座、播放器)播放正常', 'Sources (CD, cassette, player) play', ['cd-player', 'cassette-deck', 'media-player']),
      works('zones', '音频矩阵、分区控制器分区广播正常', 'Audio matrix and zone controller page by zone', ['audio-matrix', 'zone-controller']),
      works('monitor', '监听正常', 'Monitor unit works', ['monitor']),
      works('mic', '麦克、呼叫器呼叫正常', 'Microphones and paging stations call', ['microphone', 'paging-station']),
      ...general,
    ],
  },
  {
    id: 'catv-equipment', systemId: 'catv', purpose: 'equipment', nameZh: '有线电视及卫星接收系统定期保养', nameEn: 'CATV and satellite routine maintenance',
    items: [
      reading('outlet-level', '终端输出电平', 'Outlet output level', 'dBμV', 60, 80, ['outlet']),
      works('passive', '分支器、分配器、功分器、混合器接头紧固无进水', 'Taps, splitters, dividers, combiners tight and dry', ['tap', 'splitter', 'power-divider', 'combiner']),
      reading('amp-out', '放大器输出电平', 'Amplifier output level', 'dBμV', 95, 110, ['amplifier']),
      works('headend', '接收机、调制器、解调器工作正常', 'Receivers, modulators, demodulators work', ['receiver', 'modulator', 'demodulator']),
      ...general,
    ],
  },
  {
    id: 'cabling-network-equipment', systemId: 'cabling-network', purpose: 'equipment', nameZh: '综合布线及网络系统定期保养', nameEn: 'Cabling and network routine maintenance',
    items: [
      works('passive', '面板、模块、配线架接触良好、标识清晰', 'Faceplates, modules, panels seated and labelled', ['faceplate', 'module', 'patch-panel', 'fiber-panel']),
      works('ports', '交换机/路由器/防火墙端口及日志无异常', 'Switch / router / firewall ports and logs clean', ['access-switch', 'aggregation-switch', 'core-switch', 'router', 'firewall']),
      reading('cpu', '设备 CPU 利用率', 'CPU utilisation', '%', null, 80, ['access-switch', 'aggregation-switch', 'core-switch', 'router', 'firewall']),
      backup('config-backup', '设备配置已备份', 'Configuration backed up', ['access-switch', 'aggregation-switch', 'core-switch', 'router', 'firewall']),
      version('firmware', '固件版本', 'Firmware version', 'firmware', ['access-switch', 'aggregation-switch', 'core-switch', 'router', 'firewall']),
      reading('optical-rx', '光电收发器接收光功率', 'Media converter received optical power', 'dBm', -25, -3, ['media-converter']),
      ...general,
    ],
  },
  {
    id: 'access-control-equipment', systemId: 'access-control', purpose: 'equipment', nameZh: '门禁系统定期保养', nameEn: 'Access control routine maintenance',
    items: [
      works('reader', '读卡器读卡开门正常', 'Reader reads a card and opens', ['card-reader']),
      works('controller', '控制器通讯及记录上传正常', 'Controller communicates and uploads records', ['controller']),
      works('lock', '锁开闭及反馈正常', 'Lock opens, closes and reports', ['lock']),
      reading('psu-v', '门禁电源输出电压', 'Access PSU output voltage', 'V', 11.4, 13.8, ['psu']),
      works('converter', '通讯转换器通讯正常', 'Communication converter works', ['comm-converter']),
      ...pcItems(['control-pc'], ['串口卡', 'Serial card'], ['management-software']),
      ...general,
    ],
  },
  {
    id: 'pos-equipment', systemId: 'pos', purpose: 'equipment', nameZh: '消费系统定期保养', nameEn: 'POS routine maintenance',
    items: [
      works('pos', 'POS 机刷卡消费测试正常', 'POS terminal takes a test payment', ['pos-terminal']),
      ...pcItems(['management-station', 'server'], null, ['management-software']),
      ...general,
    ],
  },
  {
    id: 'parking-equipment', systemId: 'parking', purpose: 'equipment', nameZh: '停车场管理系统定期保养', nameEn: 'Parking routine maintenance',
    items: [
      works('reader', '出入口读卡器读卡正常', 'Entry / exit readers read cards', ['card-reader']),
      works('detector', '车辆感应器检测正常', 'Vehicle detector detects', ['vehicle-detector']),
      works('gate', '自动道闸起落及防砸正常', 'Barrier rises, falls and stops for a vehicle', ['barrier-gate']),
      works('display', '显示屏显示正常', 'Display shows right', ['display']),
      works('converter', '通讯转换器通讯正常', 'Communication converter works', ['comm-converter']),
      ...pcItems(['management-host'], null, ['management-software']),
      ...general,
    ],
  },
  {
    id: 'integration-equipment', systemId: 'integration', purpose: 'equipment', nameZh: '系统集成定期保养', nameEn: 'System integration routine maintenance',
    items: [
      version('os-version', '操作系统版本(调试、升级、更新)', 'Operating system version (tune, upgrade, update)', 'software', ['operating-system']),
      version('app-version', '应用软件版本', 'Application software version', 'software', ['application-software']),
      check('logs', '系统日志无异常', 'System logs clean', ['operating-system', 'application-software']),
      ...pcItems(['server'], null),
      ...general,
    ],
  },
  {
    id: 'machine-room-equipment', systemId: machineRoomSystemId, purpose: 'equipment', nameZh: '机房动力环境定期保养', nameEn: 'Machine-room routine maintenance',
    items: [
      reading('ups-out', 'UPS 输出电压', 'UPS output voltage', 'V', 209, 231, ['ups']),
      reading('ups-load', 'UPS 负载率', 'UPS load', '%', null, 80, ['ups']),
      reading('battery-v', '蓄电池组浮充电压', 'Battery string float voltage', 'V', 13.2, 13.8, ['ups-battery']),
      reading('ac-temp', '精密空调回风温度', 'Precision AC return-air temperature', '°C', 18, 27, ['precision-ac']),
      works('sensors', '温湿度、漏水、烟感探测测试正常', 'Temperature, leak and smoke detectors test right', ['temperature-humidity', 'water-leak', 'smoke-detector']),
      works('power', '配电柜、PDU 接线紧固无发热', 'Distribution and PDUs tight and cool', ['power-distribution', 'rack-pdu']),
      ...general,
    ],
  },
];

/** Computers of every system: what backups and virus checks walk. */
const computerTypes = ['control-pc', 'alarm-pc', 'management-station', 'management-host', 'server'];
const softwareTypes = ['control-software', 'management-software', 'ba-software', 'application-software', 'operating-system'];

const acrossSystems: ShippedTemplate[] = [
  {
    id: 'backup', systemId: null, purpose: 'backup', nameZh: '软件、数据库及操作系统备份', nameEn: 'Software, database and OS backups',
    items: [
      backup('software-backup', '控制/管理软件及数据库已备份', 'Control / management software and database backed up', [...computerTypes, ...softwareTypes]),
      backup('os-backup', '操作系统已备份', 'Operating system backed up', computerTypes),
      check('restore-test', '备份可读取(抽查恢复)', 'Backup readable (spot restore)', [...computerTypes, ...softwareTypes]),
    ],
  },
  {
    id: 'virus', systemId: null, purpose: 'virus', nameZh: '病毒防御(病毒库更新与查杀)', nameEn: 'Virus defence (definitions and scan)',
    items: [
      version('virus-defs', '病毒库版本/日期', 'Virus definitions version / date', null, computerTypes),
      check('scan', '全盘查杀完成、无病毒', 'Full scan done, nothing found', computerTypes),
      text('scan-notes', '查杀记录', 'Scan notes', computerTypes),
    ],
  },
  {
    id: 'cable', systemId: null, purpose: 'cable', nameZh: '线缆检测(阻抗、阻值)', nameEn: 'Cable test (impedance, resistance)',
    items: [
      reading('impedance', '线路特性阻抗', 'Characteristic impedance', 'Ω', 85, 115),
      reading('loop-resistance', '环路直流电阻', 'DC loop resistance', 'Ω', null, 25),
      check('continuity', '线序及通断正常', 'Wire map and continuity good'),
      text('run', '线路编号/走向', 'Run number / route'),
    ],
  },
  {
    id: 'upgrade', systemId: null, purpose: 'upgrade', nameZh: '系统升级', nameEn: 'System upgrade',
    items: [
      version('software-version', '软件版本', 'Software version', 'software'),
      version('firmware-version', '固件版本', 'Firmware version', 'firmware'),
      backup('pre-upgrade-backup', '升级前已备份', 'Backed up before the upgrade'),
      check('post-upgrade-test', '升级后功能测试正常', 'Functions test right after the upgrade'),
    ],
  },
  {
    id: 'pre-event', systemId: null, purpose: 'pre_event', nameZh: '活动前系统设备功能检查(专家现场保障)', nameEn: 'Pre-event function check (on-site expert support)',
    items: [
      check('function', '设备功能正常', 'Device functions right'),
      check('standby', '备用设备/备品就绪', 'Standby unit / spare ready'),
      text('remarks', '说明', 'Remarks'),
    ],
  },
  { id: 'training', systemId: null, purpose: 'training', nameZh: '操作培训', nameEn: 'Operator training', items: [] },
  { id: 'visit', systemId: null, purpose: 'visit', nameZh: '客服经理回访', nameEn: 'Customer-manager visit', items: [] },
];

export const shippedTemplates: ShippedTemplate[] = [...equipment, ...acrossSystems];
