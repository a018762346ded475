// The catalog strings.

export const catalogZh = {
  title: '',
};

export const catalogEn: typeof catalogZh = {
  title: '',
};
