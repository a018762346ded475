// The asset register's strings.

export const assetsZh = {
  title: '设备档案',
};

export const assetsEn: typeof assetsZh = {
  title: 'Asset register',
};
