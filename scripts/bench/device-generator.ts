// Realistic devices for the benchmark: catalog systems and types, brands, models, serials, places, IPs.
import type { DeviceFields } from '../../shared/contract/assets';
import { catalogSeed, type CatalogSeedSystem } from '../../shared/domain/assets/catalog';
import type { DeviceStatus } from '../../shared/domain/assets/device-status';

/** A small seeded generator (mulberry32), so every run seeds the same register. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** How many of each hundred devices a site has per system: cameras and cabling dominate. */
const systemWeights: Record<string, number> = {
  cctv: 34, 'cabling-network': 18, intrusion: 12, 'access-control': 10, 'background-music': 6, conference: 4,
  'building-automation': 4, catv: 4, 'hotel-room': 3, parking: 2, pos: 2, integration: 1,
};

/** Brands seen on site for systems whose catalog lists none, and a few more for CCTV. */
const extraBrands: Record<string, string[]> = {
  cctv: ['海康', 'Hikvision', '宇视'],
  'access-control': ['中控', 'ZKTeco', '海康', '霍尼韦尔'],
  integration: ['戴尔', 'Dell', '联想', '浪潮'],
};

const modelPrefix: Record<string, string> = {
  大华: 'DH', Dahua: 'DH', 海康: 'DS', Hikvision: 'DS', 宇视: 'IPC', 博世: 'BOSCH', Bosch: 'BOSCH', 三星: 'SNO', 松下: 'WV',
  索尼: 'SNC', 华为: 'S', 思科: 'WS-C', H3C: 'S', 中兴: 'ZXR10', 康普: 'CS', TOA: 'A', 迪士普: 'MP', 霍尼韦尔: 'HON', 中控: 'ZK',
};

const typeCode: Record<string, string> = {
  camera: 'IPC', dvr: 'NVR', 'hard-disk': 'HD', matrix: 'M', decoder: 'DEC', 'alarm-panel': 'AP', detector: 'DT',
  'access-switch': 'S', 'core-switch': 'CE', 'aggregation-switch': 'S', router: 'AR', firewall: 'USG', amplifier: 'PA',
  speaker: 'SP', controller: 'C', 'card-reader': 'R', 'patch-panel': 'PP', 'fiber-panel': 'ODF', ups: 'UPS', server: 'R',
};

const buildings = ['A座', 'B座', 'C座', 'D座', '1号楼', '2号楼', '3号楼', '裙楼', '地下车库'];
const floors = ['B2', 'B1', ...Array.from({ length: 28 }, (_, i) => `${i + 1}F`)];
const fieldSpots = ['大堂', '电梯厅', '东侧通道', '西侧通道', '消防楼梯', '走廊', '停车场入口', '停车场出口', '前台', '茶水间', '卸货区'];
const rackRooms = ['中心机房', '监控中心', '消控室', '网络机房', '配电室', '广播室', '弱电井'];

export interface GeneratedDevice {
  fields: DeviceFields;
  /** Components (hard disks of a recorder, modules of a panel) created right after it, as its children. */
  children: DeviceFields[];
}

/** Builds the n-th device (1-based); tags are the prefix plus six digits (children add `-i`), so they never clash. */
export function generateDevice(random: Random, n: number, tagPrefix = 'ZC-'): GeneratedDevice {
  const system = pickSystem(random);
  const [typeId, typeZh] = random.pick(system.types);
  const brand = pickBrand(random, system);
  const building = random.pick(buildings);
  const floor = building === '地下车库' ? random.pick(['B1', 'B2']) : random.pick(floors);
  const inRack = random.chance(0.45);
  const room = inRack ? rackRoom(random, floor) : fieldRoom(random, system.id, floor);
  const installYear = random.int(2012, 2024);
  const installDate = `${installYear}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
  const fields: DeviceFields = {
    name: `${room}${typeZh}${random.chance(0.6) ? ` ${random.int(1, 64)}` : ''}`,
    systemId: system.id,
    typeId,
    brand,
    model: model(random, brand, typeId),
    serialNo: serial(random),
    assetTag: `${tagPrefix}${pad(n, 6)}`,
    building,
    floor,
    room,
    rack: inRack ? `R${pad(random.int(1, 24), 2)}-U${pad(random.int(1, 42), 2)}` : '',
    address: address(random, system.id),
    installDate,
    warrantyEnd: random.chance(0.8) ? `${installYear + random.pick([1, 2, 3, 5])}${installDate.slice(4)}` : null,
    status: status(random),
    notes: random.chance(0.12) ? random.pick(['更换硬盘', '已升级固件', '风扇异响待查', '镜头起雾', '端口 3 损坏', '年度巡检正常']) : '',
    parentId: null,
  };
  const children: DeviceFields[] = [];
  if (typeId === 'dvr') {
    for (let i = 1, disks = random.int(2, 8); i <= disks; i += 1) {
      children.push({
        ...fields,
        name: `${fields.name} 硬盘 ${i}`,
        typeId: 'hard-disk',
        brand: random.pick(['希捷', 'Seagate', '西部数据', 'WD']),
        model: random.pick(['ST4000VX015', 'ST8000VX004', 'WD40PURZ', 'WD84PURZ']),
        serialNo: serial(random),
        assetTag: `${fields.assetTag}-${i}`,
        notes: '',
      });
    }
  }
  return { fields, children };
}

function pickSystem(random: Random): CatalogSeedSystem {
  let roll = random.next() * 100;
  for (const s of catalogSeed) {
    roll -= systemWeights[s.id] ?? 0;
    if (roll < 0) return s;
  }
  return catalogSeed[0]!;
}

function pickBrand(random: Random, system: CatalogSeedSystem): string {
  const names = [...system.brands.flatMap(([zh, en]) => [zh, zh, en]), ...(extraBrands[system.id] ?? [])];
  return names.length > 0 ? random.pick(names) : '';
}

function model(random: Random, brand: string, typeId: string): string {
  const prefix = modelPrefix[brand] ?? (brand.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase() || 'X');
  const code = typeCode[typeId] ?? typeId.slice(0, 2).toUpperCase();
  const series = random.pick(['2', '4', '5', '7', '8']) + pad(random.int(0, 999), 3);
  const suffix = random.pick(['', '-8P', '-16P', '-4KS2', '-I3', '-28X-SI', '-E', '-HI']);
  return `${prefix}-${code}${series}${suffix}`;
}

const serialChars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
function serial(random: Random): string {
  let s = '';
  for (let i = 0, len = random.int(10, 16); i < len; i += 1) s += random.pick([...serialChars]);
  return s;
}

function rackRoom(random: Random, floor: string): string {
  const room = random.pick(rackRooms);
  return room === '弱电井' ? `弱电间${floor.replace(/\D/g, '') || '0'}0${random.int(1, 3)}` : room;
}

function fieldRoom(random: Random, systemId: string, floor: string): string {
  const level = floor.replace(/\D/g, '') || '0';
  if (systemId === 'hotel-room') return `客房${level}${pad(random.int(1, 40), 2)}`;
  if (systemId === 'conference') return `会议室${level}${pad(random.int(1, 12), 2)}`;
  if (systemId === 'parking') return random.pick(['停车场入口', '停车场出口', '岗亭']);
  return random.chance(0.3) ? `弱电间${level}0${random.int(1, 3)}` : random.pick(fieldSpots);
}

function address(random: Random, systemId: string): string {
  if (systemId === 'intrusion') return `总线 ${random.int(1, 4)} 防区 ${pad(random.int(1, 255), 3)}`;
  if (systemId === 'hotel-room' || systemId === 'catv') return '';
  return `10.${random.int(1, 40)}.${random.int(0, 255)}.${random.int(2, 254)}`;
}

const statusRoll: [DeviceStatus, number][] = [['faulty', 0.04], ['under_repair', 0.03], ['spare', 0.03], ['retired', 0.02]];
function status(random: Random): DeviceStatus {
  let roll = random.next();
  for (const [s, p] of statusRoll) {
    if (roll < p) return s;
    roll -= p;
  }
  return 'in_service';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
