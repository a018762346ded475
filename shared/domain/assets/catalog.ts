// The built-in catalog: the systems the company maintains, their component types and the brands
// the service document (seed/service-system.txt, 維保服務范圍) lists for each.

export interface CatalogSeedSystem {
  id: string;
  nameZh: string;
  nameEn: string;
  types: [id: string, zh: string, en: string][];
  brands: [zh: string, en: string][];
}

const controlPc: [string, string, string][] = [
  ['control-pc', '控制电脑', 'Control PC'],
  ['serial-card', '串口卡', 'Serial card'],
  ['management-software', '管理软件', 'Management software'],
];

/** The machine room's own power and environment: what the console itself watches (UPSs, sensors), and what a guard finds leaking. */
export const machineRoomSystemId = 'machine-room-power';

/**
 * Where a guard's report goes when they cannot say which system failed ("不知道"): the engineer classifies it later.
 * It has no component types, so no device is ever filed under it.
 */
export const unclassifiedSystemId = 'unclassified';

export const catalogSeed: CatalogSeedSystem[] = [
  {
    id: 'cctv', nameZh: '安防监控系统', nameEn: 'CCTV surveillance',
    types: [
      ['camera', '摄像机', 'Camera'], ['decoder', '解码器', 'Decoder'], ['ptz', '云台', 'Pan-tilt head'],
      ['camera-psu', '摄像机电源', 'Camera power supply'], ['matrix', '矩阵主机', 'Video matrix'],
      ['video-input-module', '视频输入模块', 'Video input module'], ['video-output-module', '视频输出模块', 'Video output module'],
      ['matrix-main-board', '主控板', 'Main control board'], ['matrix-keyboard', '矩阵键盘', 'Matrix keyboard'],
      ['video-distributor', '视频分配器', 'Video distribution amplifier'], ['code-distributor', '码分配器', 'Code distributor'],
      ['code-converter', '码转换器', 'Code converter'], ['dvr', '硬盘录像机', 'DVR'], ['hard-disk', '硬盘', 'Hard disk'],
      ['psu', '电源', 'Power supply'], ['main-board', '主板', 'Main board'], ['control-pc', '控制电脑', 'Control PC'],
      ['control-card', '控制卡', 'Control card'], ['control-software', '控制软件', 'Control software'],
    ],
    brands: [['三星', 'Samsung'], ['博世', 'Bosch'], ['GE', 'GE'], ['松下', 'Panasonic'], ['索尼', 'Sony'], ['利凌', 'Lilin'],
      ['诶比', 'AB'], ['亚安', 'Yaan'], ['乐荣', 'Lerong'], ['大华', 'Dahua'], ['诚联', 'Chenglian']],
  },
  {
    id: 'intrusion', nameZh: '报警系统', nameEn: 'Intrusion alarm',
    types: [
      ['detector', '报警探头', 'Detector'], ['panic-button', '手报按钮', 'Panic button'], ['foot-switch', '脚报开关', 'Foot switch'],
      ['zone-module', '防区模块', 'Zone module'], ['eol-resistor', '电阻', 'End-of-line resistor'], ['switching-psu', '开关电源', 'Switching power supply'],
      ['bus-driver', '总线驱动器', 'Bus driver'], ['alarm-panel', '报警主机', 'Alarm panel'], ['keypad', '操作键盘', 'Keypad'],
      ['comm-converter', '通讯转换器', 'Communication converter'], ['alarm-receiver', '报警接收机', 'Alarm receiver'],
      ['alarm-pc', '报警电脑', 'Alarm PC'], ['serial-card', '串口卡', 'Serial card'], ['control-software', '控制软件', 'Control software'],
    ],
    brands: [['博世', 'Bosch'], ['GE', 'GE']],
  },
  {
    id: 'conference', nameZh: '会议系统', nameEn: 'Conference',
    types: [
      ['speaker', '音箱', 'Loudspeaker'], ['amplifier', '功放', 'Power amplifier'], ['mixer', '调音台', 'Mixing console'],
      ['audio-matrix', '音频矩阵', 'Audio matrix'], ['video-matrix', '视频矩阵', 'Video matrix'], ['conference-unit', '会议主机', 'Conference main unit'],
      ['chairman-unit', '主席机', 'Chairman unit'], ['delegate-unit', '代表机', 'Delegate unit'], ['voting-unit', '表决器', 'Voting unit'],
      ['tracking-camera', '会议跟踪摄像头', 'Tracking camera'], ['control-keyboard', '控制键盘', 'Control keyboard'],
      ['display', '会议显示设备', 'Conference display'], ['central-control', '会议中控', 'Central control'],
    ],
    brands: [['博世', 'Bosch'], ['铁三角', 'Audio-Technica'], ['亚卓', 'Yazhuo']],
  },
  {
    id: 'hotel-room', nameZh: '酒店客房智能化控制系统', nameEn: 'Hotel guest-room control',
    types: [
      ['low-voltage-board', '弱电控制板', 'Low-voltage control board'], ['power-board', '强电控制板', 'Power control board'],
      ['bedside-panel', '床头控制板', 'Bedside control panel'],
    ],
    brands: [['西安致远', 'Xi\'an Zhiyuan'], ['北京视翰', 'Beijing Shihan']],
  },
  {
    id: 'building-automation', nameZh: '楼宇智能化控制系统', nameEn: 'Building automation',
    types: [
      ['ba-controller', '楼控控制器', 'BA controller'], ['ba-software', '楼控软件', 'BA software'],
      ['env-sensor', '环境传感器', 'Environment sensor'], ['precision-ac', '精密空调', 'Precision air conditioner'],
      ['ups', 'UPS 电源', 'UPS'],
    ],
    brands: [['霍尼韦尔', 'Honeywell'], ['江森', 'Johnson Controls'], ['TAC', 'TAC'], ['清华同方', 'Tsinghua Tongfang']],
  },
  {
    id: 'background-music', nameZh: '背景音乐及广播系统', nameEn: 'Background music and PA',
    types: [
      ['speaker', '音箱', 'Loudspeaker'], ['amplifier', '功放', 'Power amplifier'], ['cd-player', 'CD 机', 'CD player'],
      ['cassette-deck', '卡座', 'Cassette deck'], ['media-player', '播放器', 'Media player'], ['audio-matrix', '音频矩阵', 'Audio matrix'],
      ['zone-controller', '分区控制器', 'Zone controller'], ['monitor', '监听', 'Monitor unit'], ['microphone', '麦克', 'Microphone'],
      ['paging-station', '呼叫器', 'Paging station'],
    ],
    brands: [['TOA', 'TOA'], ['迪士普', 'DSPPA'], ['腾高', 'Tengao'], ['亚卓', 'Yazhuo']],
  },
  {
    id: 'catv', nameZh: '有线电视及卫星接收系统', nameEn: 'CATV and satellite',
    types: [
      ['outlet', '终端盒', 'Outlet'], ['tap', '分支器', 'Tap'], ['splitter', '分配器', 'Splitter'], ['amplifier', '放大器', 'Amplifier'],
      ['power-divider', '功分器', 'Power divider'], ['combiner', '混合器', 'Combiner'], ['receiver', '接收机', 'Receiver'],
      ['modulator', '调制器', 'Modulator'], ['demodulator', '解调器', 'Demodulator'],
    ],
    brands: [['PBI', 'PBI'], ['杰士美', 'Jiashimei'], ['西安迈克', 'Xi\'an Maike'], ['上海贝特', 'Shanghai Beite'], ['江阴彭利', 'Jiangyin Pengli']],
  },
  {
    id: 'cabling-network', nameZh: '综合布线及网络系统', nameEn: 'Structured cabling and network',
    types: [
      ['faceplate', '面板', 'Faceplate'], ['module', '模块', 'Keystone module'], ['patch-panel', '数据配线架', 'Patch panel'],
      ['fiber-panel', '光纤配线架', 'Fibre distribution panel'], ['access-switch', '接入交换机', 'Access switch'],
      ['aggregation-switch', '汇聚交换机', 'Aggregation switch'], ['core-switch', '核心交换机', 'Core switch'], ['router', '路由器', 'Router'],
      ['firewall', '防火墙', 'Firewall'], ['media-converter', '光电收发器', 'Media converter'],
    ],
    brands: [['康普', 'CommScope'], ['TCL', 'TCL'], ['耐克森', 'Nexans'], ['安普', 'AMP'], ['一舟', 'Yizhou'], ['上海长飞', 'YOFC'],
      ['华为', 'Huawei'], ['H3C', 'H3C'], ['思科', 'Cisco'], ['中兴', 'ZTE']],
  },
  {
    id: 'access-control', nameZh: '门禁系统', nameEn: 'Access control',
    types: [
      ['card-reader', '读卡器', 'Card reader'], ['controller', '控制器', 'Controller'], ['lock', '锁', 'Lock'], ['psu', '电源', 'Power supply'],
      ['comm-converter', '通讯转换器', 'Communication converter'], ...controlPc,
    ],
    brands: [],
  },
  {
    id: 'pos', nameZh: '消费系统', nameEn: 'POS and payment',
    types: [
      ['pos-terminal', 'POS 机', 'POS terminal'], ['management-station', '管理机', 'Management station'], ['server', '服务器', 'Server'],
      ['management-software', '管理软件', 'Management software'],
    ],
    brands: [['科松', 'Kesong'], ['捷顺', 'Jieshun'], ['新中新', 'Xinzhongxin']],
  },
  {
    id: 'parking', nameZh: '停车场管理系统', nameEn: 'Parking management',
    types: [
      ['card-reader', '读卡器', 'Card reader'], ['vehicle-detector', '车辆感应器', 'Vehicle detector'], ['barrier-gate', '自动道闸', 'Barrier gate'],
      ['display', '显示屏', 'Display'], ['management-host', '管理主机', 'Management host'], ['comm-converter', '通讯转换器', 'Communication converter'],
      ['management-software', '管理软件', 'Management software'],
    ],
    brands: [['科松', 'Kesong'], ['捷顺', 'Jieshun'], ['披克', 'Pike'], ['汉军', 'Hanjun']],
  },
  {
    id: 'integration', nameZh: '系统集成', nameEn: 'System integration',
    types: [
      ['operating-system', '操作系统', 'Operating system'], ['application-software', '应用软件', 'Application software'],
      ['server', '服务器', 'Server'],
    ],
    brands: [],
  },
  {
    id: machineRoomSystemId, nameZh: '机房动力环境', nameEn: 'Machine-room power and environment',
    types: [
      ['precision-ac', '精密空调', 'Precision air conditioner'], ['ups', 'UPS 电源', 'UPS'], ['ups-battery', 'UPS 蓄电池组', 'UPS battery string'],
      ['power-distribution', '配电柜', 'Power distribution cabinet'], ['rack-pdu', '机柜 PDU', 'Rack PDU'],
      ['temperature-humidity', '温湿度传感器', 'Temperature and humidity sensor'], ['water-leak', '漏水检测', 'Water-leak detector'],
      ['smoke-detector', '烟雾探测器', 'Smoke detector'], ['env-monitor-host', '动环监控主机', 'Environment monitoring host'],
    ],
    brands: [],
  },
  { id: unclassifiedSystemId, nameZh: '不知道(待工程师分类)', nameEn: 'Not known (the engineer classifies it)', types: [], brands: [] },
];
