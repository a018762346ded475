// The report's yes / no / don't-know questions and the level they suggest; no level is shown before an answer gives one.
import { Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaLevel } from '../../../shared/contract';
import { hasBasis, type IncidentFact, type IncidentFacts, levelQuestions, suggestLevel } from '../../../shared/domain/incidents/level-suggestion';
import { slaLevelDefinitions, slaLevels } from '../../../shared/domain/incidents/sla-levels';
import { levelColours, LevelTag, useEnglish } from './incident-format';

export type Answer = 'yes' | 'no' | 'unknown';
export type Answers = Partial<Record<IncidentFact, Answer>>;

/** "不知道" tells the engineer the guard could not say: for the suggestion it is the same as no answer. */
export function factsOf(answers: Answers): IncidentFacts {
  const facts: IncidentFacts = {};
  for (const [fact, answer] of Object.entries(answers) as [IncidentFact, Answer][]) {
    if (answer !== 'unknown') facts[fact] = answer === 'yes';
  }
  return facts;
}

/** The level the report will carry: the guard's choice, else the suggestion if an answer gave one, else none yet. */
export function shownLevel(answers: Answers, chosen: SlaLevel | null): SlaLevel | null {
  const suggestion = suggestLevel(factsOf(answers));
  return chosen ?? (hasBasis(suggestion) ? suggestion.level : null);
}

interface Props {
  answers: Answers;
  onAnswer(fact: IncidentFact, answer: Answer): void;
  chosenLevel: SlaLevel | null;
  onChooseLevel(level: SlaLevel): void;
}

export function LevelQuestions({ answers, onAnswer, chosenLevel, onChooseLevel }: Props) {
  const { t } = useTranslation(['incidents', 'report']);
  const lang = useEnglish() ? 'en' : 'zh';
  const suggestion = suggestLevel(factsOf(answers));
  const suggested = hasBasis(suggestion);
  const level = shownLevel(answers, chosenLevel);
  return (
    <div>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{t('report.questions')}</Typography.Text>
      <div style={{ display: 'grid', gap: 4, marginBottom: 10 }}>
        {levelQuestions.map((q) => (
          <div key={q.fact} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
            <Typography.Text style={{ fontSize: 15, lineHeight: 1.35 }}>{q.question[lang]}</Typography.Text>
            {/* Never wrap the buttons under each other: a long English question wraps instead. */}
            <Radio.Group
              aria-label={q.question[lang]}
              optionType="button"
              buttonStyle="solid"
              size="middle"
              style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
              value={answers[q.fact]}
              onChange={(e) => onAnswer(q.fact, e.target.value as Answer)}
              options={[
                { value: 'yes', label: t('report.yes') },
                { value: 'no', label: t('report.no') },
                { value: 'unknown', label: t('report:unknown') },
              ]}
            />
          </div>
        ))}
      </div>
      <div
        data-testid="level-suggestion"
        style={{ border: `2px solid ${level ? levelColours[level] : '#434343'}`, borderRadius: 8, padding: '10px 12px' }}
      >
        {suggested ? (
          <Space wrap align="center" size={8}>
            <Typography.Text strong>{t('report.suggested')}:</Typography.Text>
            <LevelTag level={suggestion.level} large />
            <Typography.Text>{suggestion.reason[lang]}</Typography.Text>
          </Space>
        ) : (
          <div>
            <Typography.Text strong>{t('report:noLevelYet')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>{t('report:noLevelHint')}</Typography.Paragraph>
          </div>
        )}
        {level && (
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">{slaLevelDefinitions[level].meaning[lang]}</Typography.Text>
          </div>
        )}
        <Space wrap align="center" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('report.level')}:</Typography.Text>
          <Radio.Group
            aria-label={t('report.level')}
            optionType="button"
            value={level}
            onChange={(e) => onChooseLevel(e.target.value as SlaLevel)}
            options={slaLevels.map((l) => ({
              value: l,
              label: <span style={{ color: l === level ? levelColours[l] : undefined, fontWeight: 700 }}>{t('level.short', { level: l })}</span>,
            }))}
          />
          {chosenLevel && suggested && chosenLevel !== suggestion.level && (
            <Typography.Text type="warning">{t('report.levelChanged', { level: chosenLevel, suggested: suggestion.level })}</Typography.Text>
          )}
        </Space>
      </div>
    </div>
  );
}
