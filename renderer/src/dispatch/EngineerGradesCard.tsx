// The administrator grades engineers (五星级 / 四星级 / 三星级): shown on the operators page.
import { App, Card, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Engineer, type EngineerGrade } from '../../../shared/contract';
import { engineerGrades } from '../../../shared/domain/operators/engineer-grades';
import { useErrorMessage } from '../app/use-error-message';
import { useContractCommand, useContractQuery } from '../transport/use-contract';

export function EngineerGradesCard() {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const list = useContractQuery('engineers.list', {});
  const setGrade = useContractCommand('engineers.setGrade', ['engineers.']);
  const change = async (operatorId: string, grade: EngineerGrade) => {
    try {
      await setGrade.mutateAsync({ operatorId, grade });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Card title={t('grades')} extra={t('gradesHelp')} style={{ marginTop: 16 }} data-testid="engineer-grades">
      <Table<Engineer>
        rowKey="id"
        pagination={false}
        dataSource={list.data ?? []}
        loading={list.isPending}
        columns={[
          { key: 'name', title: t('engineer'), render: (_, e) => `${e.displayName} (${e.name})` },
          {
            key: 'grade',
            title: t('grades'),
            render: (_, e) => (
              <Select<EngineerGrade>
                value={e.grade ?? undefined}
                placeholder={t('grade.none')}
                style={{ width: 160 }}
                onChange={(g) => void change(e.id, g)}
                options={engineerGrades.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
                aria-label={`${e.name}-grade`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
