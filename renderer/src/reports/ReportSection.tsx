// One block of the reports page: a titled card with its chart and, beside it, the table of the same figures.
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';

export function ReportSection({ title, chart, table, testId, extra }: { title: string; chart: ReactNode; table: ReactNode; testId: string; extra?: ReactNode }) {
  return (
    <Card title={title} extra={extra} data-testid={testId} styles={{ body: { paddingTop: 12 } }}>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <figure style={{ margin: 0 }} data-testid={`${testId}-chart`}>{chart}</figure>
        </Col>
        <Col xs={24} xl={11} data-testid={`${testId}-table`}>
          {table}
        </Col>
      </Row>
    </Card>
  );
}
