// Engineer grades (五星级 / 四星级 / 三星级 服务专家), and the seed's 紧急救援: a level-I incident gets a five-star engineer.
import type { SlaLevel } from '../incidents/sla-levels';

export const engineerGrades = ['five_star', 'four_star', 'three_star'] as const;
export type EngineerGrade = (typeof engineerGrades)[number];

export const engineerGradeLabels: Record<EngineerGrade, { zh: string; en: string }> = {
  five_star: { zh: '五星级', en: 'Five-star' },
  four_star: { zh: '四星级', en: 'Four-star' },
  three_star: { zh: '三星级', en: 'Three-star' },
};

/** 紧急救援: "公司将派遣五星级服务专家" — for level I, and any grade below for the other levels. */
export function gradeRequiredFor(level: SlaLevel): EngineerGrade | null {
  return level === 'I' ? 'five_star' : null;
}
