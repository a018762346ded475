import { describe, expect, it } from 'vitest';
import { hasBasis, levelQuestions, suggestLevel } from '../../../../shared/domain/incidents/level-suggestion';
import { slaLevelDefinitions } from '../../../../shared/domain/incidents/sla-levels';

describe('the suggested SLA level', () => {
  it('suggests level I when business has stopped or data is lost, saying why in plain words', () => {
    expect(suggestLevel({ businessStopped: true })).toEqual({
      level: 'I',
      basis: 'businessStopped',
      reason: { zh: '业务已经停止,属于紧急问题。', en: 'Business has stopped: this is an urgent problem.' },
      meaning: slaLevelDefinitions.I.meaning,
    });
    expect(suggestLevel({ dataLost: true, partFailedOrDegraded: true })).toMatchObject({ level: 'I', basis: 'dataLost' });
  });

  it('suggests level II for a part failed or degraded while still running', () => {
    expect(suggestLevel({ businessStopped: false, partFailedOrDegraded: true, errorsOrWarningsOnly: true })).toMatchObject({
      level: 'II', basis: 'partFailedOrDegraded', meaning: slaLevelDefinitions.II.meaning,
    });
  });

  it('suggests level III for errors or warnings only, and level IV for a question or a booked service', () => {
    expect(suggestLevel({ errorsOrWarningsOnly: true })).toMatchObject({ level: 'III', basis: 'errorsOrWarningsOnly' });
    expect(suggestLevel({ questionOrBookedService: true })).toMatchObject({ level: 'IV', basis: 'questionOrBookedService' });
  });

  it('suggests level I when people or equipment are in danger or it is getting worse, even with business still running', () => {
    expect(suggestLevel({ dangerOrWorsening: true, businessStopped: false, partFailedOrDegraded: true })).toMatchObject({
      level: 'I', basis: 'dangerOrWorsening', meaning: slaLevelDefinitions.I.meaning,
    });
    expect(suggestLevel({ dangerOrWorsening: true }).reason.zh).toContain('危险');
  });

  it('has nothing to show a level from until some answer is yes; "不知道" counts as no answer', () => {
    expect(hasBasis(suggestLevel({}))).toBe(false);
    expect(hasBasis(suggestLevel({ dangerOrWorsening: false, businessStopped: false }))).toBe(false);
    expect(hasBasis(suggestLevel({ dataLost: undefined }))).toBe(false);
    expect(hasBasis(suggestLevel({ errorsOrWarningsOnly: true }))).toBe(true);
  });

  it('assumes level II until an engineer confirms when nothing is answered', () => {
    expect(suggestLevel({})).toMatchObject({ level: 'II', basis: 'nothing_answered' });
    expect(suggestLevel({ businessStopped: false, dataLost: false }).reason.zh).toContain('工程师响应后确认级别');
  });

  it('asks its questions most severe first, in Chinese and English', () => {
    expect(levelQuestions.map((q) => [q.fact, q.level])).toEqual([
      ['dangerOrWorsening', 'I'], ['businessStopped', 'I'], ['dataLost', 'I'], ['partFailedOrDegraded', 'II'], ['errorsOrWarningsOnly', 'III'], ['questionOrBookedService', 'IV'],
    ]);
    for (const q of levelQuestions) expect(q.question.zh.endsWith('?') && q.question.en.endsWith('?')).toBe(true);
  });
});
