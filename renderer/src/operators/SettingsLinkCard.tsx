// On the settings page: the way to a page of its own (backups, updates, UPS shutdown), with a line saying what is there.
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

export function SettingsLinkCard({ icon, title, hint, open, to }: { icon: ReactNode; title: string; hint: string; open: string; to: string }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {icon} {title}
          </Typography.Title>
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </div>
        <Button size="large" onClick={() => void navigate(to)}>
          {open}
        </Button>
      </Flex>
    </Card>
  );
}
