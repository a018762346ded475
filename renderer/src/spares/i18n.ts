// The spares strings.

export const sparesZh = {
  title: '',
};

export const sparesEn: typeof sparesZh = {
  title: '',
};
