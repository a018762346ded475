// Relative times read in the screen's language the moment it switches, not one render later.
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { datesFollowLanguage } from '../../../../renderer/src/i18n/date-locale';

dayjs.extend(relativeTime);

describe('the date language', () => {
  it('follows the language from the start and at each switch', async () => {
    const i18n = i18next.createInstance();
    datesFollowLanguage(i18n);
    await i18n.init({ lng: 'zh-CN', resources: {} });
    const fewSecondsAgo = Date.now() - 5_000;
    expect(dayjs(fewSecondsAgo).fromNow()).toBe('几秒前');
    await i18n.changeLanguage('en');
    expect(dayjs(fewSecondsAgo).fromNow()).toBe('a few seconds ago');
    await i18n.changeLanguage('zh-CN');
    expect(dayjs(fewSecondsAgo).fromNow()).toBe('几秒前');
  });
});
