// Repairs (设备维修 / 设备更换): parts used on an incident's repair, named spare units lent against a faulty device and
// returned, and replacement quotes for a device beyond repair with the customer's choice.
import { z } from 'zod';
import { isCalendarDayText } from '../domain/calendar/calendar-day';
import { loanReturnStatuses, partKinds, partSources, quoteOptionKinds } from '../domain/repairs/repair-kinds';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
/** Money in fen (分, 1/100 yuan): whole numbers, so totals never drift; up to 100 million yuan. */
const fen = z.number().int().min(0).max(10_000_000_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format').refine(isCalendarDayText, 'date_invalid');

export type PartKind = (typeof partKinds)[number];
export type PartSource = (typeof partSources)[number];
export type QuoteOptionKind = (typeof quoteOptionKinds)[number];

export interface RepairPart {
  id: string;
  incidentId: string;
  deviceId: string | null;
  kind: PartKind;
  name: string;
  quantity: number;
  /** 0 for a wearing part or consumable (free under the contract). */
  unitCostFen: number;
  currency: 'CNY';
  source: PartSource;
  /** The spare-stock row it was taken from (source `stock`). */
  stockSystemId: string | null;
  stockTypeId: string | null;
  note: string;
  recordedBy: string;
  recordedAt: number;
  /** Recorded by mistake and withdrawn (撤销): still shown, no longer charged; a stocked part went back to the stock. */
  withdrawn: { at: number; by: string; reason: string } | null;
}

export interface SpareLoan {
  id: string;
  incidentId: string;
  incidentNumber: string;
  spareDeviceId: string;
  spareAssetTag: string;
  spareName: string;
  faultyDeviceId: string;
  faultyAssetTag: string;
  faultyName: string;
  /** Who at the customer's site has the spare. */
  borrower: string;
  lentAt: number;
  dueAt: number | null;
  lentBy: string;
  note: string;
  returnedAt: number | null;
  returnedBy: string | null;
  returnNote: string;
  /** Still lent past its due time. */
  overdue: boolean;
}

export interface QuoteOption {
  id: string;
  kind: QuoteOptionKind;
  brand: string;
  model: string;
  priceFen: number;
  currency: 'CNY';
  supplier: string;
  /** The last day the price holds. */
  validUntil: string;
  note: string;
}

export interface ReplacementQuote {
  id: string;
  incidentId: string;
  incidentNumber: string;
  deviceId: string;
  deviceAssetTag: string;
  deviceName: string;
  options: QuoteOption[];
  note: string;
  recordedBy: string;
  recordedAt: number;
  /** The customer's choice: which option, who chose it at the customer, who recorded it and when. */
  chosenOptionId: string | null;
  chosenBy: string | null;
  choiceRecordedBy: string | null;
  chosenAt: number | null;
  choiceNote: string;
}

export interface IncidentRepairs {
  parts: RepairPart[];
  /** The charged (main) parts' total in fen; wearing parts and consumables are free. */
  chargedTotalFen: number;
  loans: SpareLoan[];
  quotes: ReplacementQuote[];
}

export interface DeviceRepairs {
  loans: SpareLoan[];
  quotes: ReplacementQuote[];
}

/** A device of the register kept as a spare (status 备用), or one now lent out. */
export interface SpareUnit {
  id: string;
  assetTag: string;
  name: string;
  systemId: string;
  typeId: string | null;
  brand: string;
  model: string;
  serialNo: string;
  loan: SpareLoan | null;
}

export interface SpareUnitCount {
  systemId: string;
  typeId: string | null;
  available: number;
  lent: number;
}

export interface SpareUnits {
  units: SpareUnit[];
  counts: SpareUnitCount[];
}

const quoteOptionSchema = z.object({
  kind: z.enum(quoteOptionKinds),
  brand: text(100).default(''),
  model: text(100).min(1),
  priceFen: fen.min(1),
  supplier: text(200).min(1),
  validUntil: isoDate,
  note: text(1000).default(''),
});

export const repairsContract = {
  'repairs.ofIncident': query<IncidentRepairs>()(z.object({ incidentId: id })),
  'repairs.ofDevice': query<DeviceRepairs>()(z.object({ deviceId: id })),
  'repairs.recordPart': command<RepairPart>()(
    z.object({
      incidentId: id,
      deviceId: id.nullable().default(null),
      kind: z.enum(partKinds),
      name: text(200).min(1),
      quantity: z.number().int().min(1).max(10_000),
      /** Per unit; required (above 0) for a main part, 0 or absent for a free one. */
      unitCostFen: fen.default(0),
      source: z.enum(partSources),
      /** The spare-stock row (system and type) a stocked part is taken from. */
      systemId: id.nullable().default(null),
      typeId: id.nullable().default(null),
      note: text(1000).default(''),
    }),
  ),
  'repairs.withdrawPart': command<RepairPart>()(z.object({ partId: id, reason: text(500).min(1) })),
  'spares.units': query<SpareUnits>()(z.object({})),
  'spares.lend': command<SpareLoan>()(
    z.object({
      incidentId: id,
      spareDeviceId: id,
      faultyDeviceId: id,
      borrower: text(200).min(1),
      dueAt: epochMs.nullable().default(null),
      note: text(1000).default(''),
    }),
  ),
  'spares.return': command<SpareLoan>()(
    z.object({
      spareDeviceId: id,
      /** What the faulty device is now: repaired and back in service (the usual), still under repair, or retired. */
      faultyStatus: z.enum(loanReturnStatuses).default('in_service'),
      note: text(1000).default(''),
    }),
  ),
  'repairs.recordQuote': command<ReplacementQuote>()(
    z.object({ incidentId: id, deviceId: id, options: z.array(quoteOptionSchema).min(1).max(5), note: text(1000).default('') }),
  ),
  'repairs.chooseQuote': command<ReplacementQuote>()(
    z.object({ quoteId: id, optionId: id, chosenBy: text(200).min(1), note: text(1000).default('') }),
  ),
};
