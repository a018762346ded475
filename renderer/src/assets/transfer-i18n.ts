// The transfer strings.

export const transferZh = {
  title: '',
};

export const transferEn: typeof transferZh = {
  title: '',
};
