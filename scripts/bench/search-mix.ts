// The searches an operator makes, by class: short and long Chinese, Latin, tags, filters, deep pages.
import type { SearchInput } from '../../shared/contract/assets';

export const searchKinds = ['zh 2 chars', 'zh 3+ chars', 'latin', 'asset tag', 'filter + query', 'filter only', 'offset 5,000'] as const;
export type SearchKind = (typeof searchKinds)[number];

export interface SearchCase {
  kind: SearchKind;
  input: SearchInput;
}

/** Values taken from the seeded register itself, so Latin and tag searches hit real devices. */
export interface RegisterSamples {
  serials: string[];
  assetTags: string[];
  models: string[];
}

const of = (kind: SearchKind, inputs: SearchInput[]): SearchCase[] => inputs.map((input) => ({ kind, input: { limit: 100, ...input } }));
const queries = (qs: string[]): SearchInput[] => qs.map((q) => ({ q }));

export function searchMix(samples: RegisterSamples): SearchCase[] {
  const middle = (s: string) => s.slice(2, 7);
  return [
    ...of('zh 2 chars', queries(['机房', '录像', '弱电', '交换', '大堂', '客房', '门禁', '故障', '硬盘', '通道'])),
    ...of('zh 3+ chars', queries(['硬盘录像机', '弱电间3', '中心机房', '接入交换机', '报警主机', '会议室12', '停车场入口', '不存在的设备', '机房 录像机'])),
    ...of('latin', queries(['nvr42', 'Dahua', 'dahua', 'DS-IPC', 'Seagate', 'hon', '10.12.', 'WD84', 'nvr 4208', ...samples.serials.map(middle), ...samples.models.map(middle)])),
    ...of('asset tag', queries(samples.assetTags)),
    ...of('filter + query', [
      { q: '机房', systemId: 'cctv' },
      { q: '摄像机', building: 'A座' },
      { q: 'nvr', status: 'faulty' },
      { q: '录像', systemId: 'cctv', status: 'in_service' },
      { q: '交换机', building: 'B座', floor: '3F' },
      { q: '弱电间', systemId: 'pos' },
      { q: 'Bosch', systemId: 'intrusion', building: '1号楼' },
      { q: '10.', status: 'retired' },
    ]),
    ...of('filter only', [
      { systemId: 'pos' },
      { status: 'faulty' },
      { building: 'A座' },
      { building: '1号楼', floor: '5F' },
      { systemId: 'cctv', status: 'retired' },
      { building: 'C座', floor: '12F', room: '中心机房' },
      {},
    ]),
    ...of('offset 5,000', [
      { offset: 5000 },
      { q: '机房', offset: 5000 },
      { q: '摄像机', offset: 5000 },
      { systemId: 'cctv', offset: 5000 },
      { q: '10.', offset: 5000 },
      { status: 'in_service', offset: 5000 },
    ]),
  ];
}
