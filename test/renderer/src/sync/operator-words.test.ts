// Who did a step reads the same everywhere: a change the service center made as "服务中心 Wei Wang", never the raw
// "upstream:Wei Wang" the journal keeps; a person's name as journaled.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { syncEn, syncZh } from '../../../../renderer/src/sync/i18n';
import { operatorWords } from '../../../../renderer/src/sync/operator-words';
import { upstreamAuthorOf, upstreamOperator } from '../../../../shared/domain/sync/upstream-operator';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { sync: syncZh }, en: { sync: syncEn } }, interpolation: { escapeValue: false }, showSupportNotice: false });
});

describe('an operator in words', () => {
  it('names the service center’s author in both languages', () => {
    expect(operatorWords(upstreamOperator('Wei Wang'), i18n.getFixedT('zh-CN', 'sync'))).toBe('服务中心 Wei Wang');
    expect(operatorWords(upstreamOperator('Wei Wang'), i18n.getFixedT('en', 'sync'))).toBe('service center, Wei Wang');
  });

  it('leaves a person on site as journaled', () => {
    expect(operatorWords('王保安', i18n.getFixedT('zh-CN', 'sync'))).toBe('王保安');
    expect(upstreamAuthorOf('王保安')).toBeNull();
    expect(upstreamAuthorOf(upstreamOperator(''))).toBe('?');
  });
});
