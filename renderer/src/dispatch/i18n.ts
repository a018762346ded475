// Engineers' grades and dispatch words, Chinese first.

export const dispatchZh = {
  title: '派遣工程师',
  grade: { five_star: '五星级', four_star: '四星级', three_star: '三星级', none: '未定级' },
  fiveStarNeeded: 'I 级故障需派遣五星级服务专家（紧急救援）。',
  engineer: '工程师',
  expectedAt: '预计到达',
  dispatch: '派遣',
  dispatchedAt: '派遣 {{time}}',
  expected: '预计 {{time}}',
  arrivedAt: '到达 {{time}}',
  notArrived: '未到达',
  arrived: '已到达',
  none: '尚未派遣工程师。',
  grades: '工程师星级',
  gradesHelp: '只有定级的工程师可被派遣；I 级故障只能派遣五星级。',
};

export const dispatchEn: typeof dispatchZh = {
  title: 'Engineer dispatch',
  grade: { five_star: 'Five-star', four_star: 'Four-star', three_star: 'Three-star', none: 'Not graded' },
  fiveStarNeeded: 'A level-I incident needs a five-star engineer (emergency rescue).',
  engineer: 'Engineer',
  expectedAt: 'Expected at',
  dispatch: 'Dispatch',
  dispatchedAt: 'Dispatched {{time}}',
  expected: 'Expected {{time}}',
  arrivedAt: 'Arrived {{time}}',
  notArrived: 'Not arrived',
  arrived: 'Arrived',
  none: 'No engineer dispatched yet.',
  grades: 'Engineer grades',
  gradesHelp: 'Only graded engineers can be dispatched; a level-I incident only a five-star one.',
};

export const dispatchErrorsZh = {
  dispatch_grade_required: 'I 级故障需要五星级工程师，{{name}} 不是。',
  dispatch_engineer_ungraded: '{{name}} 尚未定级，不能派遣。',
  dispatch_expected_before_dispatched: '预计到达时间不能早于派遣时间。',
  dispatch_arrived_before_dispatched: '到达时间不能早于派遣时间。',
  dispatch_already_arrived: '{{name}} 已记录到达。',
  dispatch_already_under_way: '{{name}} 已派遣、尚未到达，不必再派。',
  dispatch_incident_closed: '故障 {{number}} 已关闭。',
  dispatch_not_engineer: '只能派遣工程师。',
  dispatch_not_found: '找不到该派遣记录。',
  grade_not_engineer: '{{name}} 不是工程师，不能定级。',
};

export const dispatchErrorsEn: typeof dispatchErrorsZh = {
  dispatch_grade_required: 'A level-I incident needs a five-star engineer; {{name}} is not one.',
  dispatch_engineer_ungraded: '{{name}} has no grade yet and cannot be dispatched.',
  dispatch_expected_before_dispatched: 'The expected arrival cannot be before the dispatch.',
  dispatch_arrived_before_dispatched: 'The arrival cannot be before the dispatch.',
  dispatch_already_arrived: '{{name}} has already arrived.',
  dispatch_already_under_way: '{{name}} is already on the way (dispatched, not yet arrived).',
  dispatch_incident_closed: 'Incident {{number}} is closed.',
  dispatch_not_engineer: 'Only engineers can be dispatched.',
  dispatch_not_found: 'No such dispatch.',
  grade_not_engineer: '{{name}} is not an engineer and cannot be graded.',
};
