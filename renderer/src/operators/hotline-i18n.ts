// Strings of the service hotlines outside the settings page: first-run setup, and the note while a number is missing.

export const hotlineZh = {
  setupSection: '服务热线',
  setupIntro: '值班员报告紧急情况后，值守台会告诉他拨打哪个号码。两个号码都要填。',
  required: '请填写号码',
  missingNote: '服务热线号码未设置（{{which}}）：值班员报告紧急情况后将没有号码可拨。',
  missingAction: '去设置',
};

export const hotlineEn: typeof hotlineZh = {
  setupSection: 'Service hotlines',
  setupIntro: 'After a guard reports an emergency, the console tells them which number to call. Both are needed.',
  required: 'Enter the number',
  missingNote: 'Service hotline number not set ({{which}}): a guard who reports an emergency will have no number to call.',
  missingAction: 'Set it now',
};
