/**
 * The city of the 2019 scenario: 市本级 and the six districts/counties of domain.md (with their
 * administrative division codes), and 47 departments. The weights are our choices (the seed gives
 * no split): how many matters a region or department has, how much of its catalogue still lags
 * (`lag`: relative chance of a non-mobile, non-zero-visit, promised or quality-issue matter),
 * and how far its applications have moved online (`online`: share of accepted applications
 * received online or on mobile, `mobile`: share received on mobile).
 */
export interface Region {
  code: string;
  name: string;
  matters: number;
  lag: number;
  online: number;
  mobile: number;
}

export interface Department {
  id: string;
  name: string;
  weight: number;
  lag: number;
}

export const REGIONS: readonly Region[] = [
  { code: '330600', name: '市本级', matters: 1310, lag: 0.6, online: 0.86, mobile: 0.41 },
  { code: '330602', name: '越城区', matters: 880, lag: 0.8, online: 0.84, mobile: 0.38 },
  { code: '330603', name: '柯桥区', matters: 900, lag: 0.9, online: 0.83, mobile: 0.36 },
  { code: '330604', name: '上虞区', matters: 860, lag: 1.0, online: 0.81, mobile: 0.35 },
  { code: '330681', name: '诸暨市', matters: 940, lag: 0.9, online: 0.82, mobile: 0.37 },
  { code: '330683', name: '嵊州市', matters: 720, lag: 1.6, online: 0.76, mobile: 0.3 },
  { code: '330624', name: '新昌县', matters: 724, lag: 1.9, online: 0.74, mobile: 0.29 },
];

const D = (id: string, name: string, weight: number, lag = 1): Department => ({ id, name, weight, lag });

export const DEPARTMENTS: readonly Department[] = [
  D('fgw', '发展和改革委员会', 3),
  D('jxj', '经济和信息化局', 3),
  D('jyj', '教育局', 4),
  D('kjj', '科学技术局', 2),
  D('gaj', '公安局', 8, 1.8),
  D('mzj', '民政局', 4),
  D('sfj', '司法局', 3),
  D('czj', '财政局', 2),
  D('rsj', '人力资源和社会保障局', 7),
  D('zrzyj', '自然资源和规划局', 5, 1.5),
  D('sthjj', '生态环境局', 3),
  D('zjj', '住房和城乡建设局', 6, 1.6),
  D('jtj', '交通运输局', 5, 1.3),
  D('slj', '水利局', 3),
  D('nyncj', '农业农村局', 4),
  D('swj', '商务局', 2),
  D('wgly', '文化广电旅游局', 3),
  D('wjw', '卫生健康委员会', 6, 1.2),
  D('tyjr', '退役军人事务局', 2),
  D('yjgl', '应急管理局', 3, 1.4),
  D('sjj', '审计局', 1),
  D('scjg', '市场监督管理局', 10),
  D('tyj', '体育局', 1),
  D('tjj', '统计局', 1),
  D('ybj', '医疗保障局', 3),
  D('zhzf', '综合行政执法局', 3, 1.5),
  D('rfb', '人民防空办公室', 1, 2),
  D('dsjj', '大数据发展管理局', 1, 0.3),
  D('mzzj', '民族宗教事务局', 1),
  D('daj', '档案局', 1),
  D('qxj', '气象局', 1),
  D('swuj', '税务局', 4, 0.7),
  D('gjj', '住房公积金管理中心', 2, 0.5),
  D('xfjy', '消防救援支队', 2, 1.8),
  D('yczm', '烟草专卖局', 1),
  D('jrb', '地方金融监督管理局', 1),
  D('jgsw', '机关事务管理局', 1),
  D('gxs', '供销合作社', 1),
  D('cl', '残疾人联合会', 1),
  D('yzgl', '邮政管理局', 1),
  D('xwcb', '新闻出版局', 1),
  D('gdgs', '供电公司', 2, 0.6),
  D('swjt', '水务集团', 1),
  D('ghj', '港航管理局', 1, 1.5),
  D('rmyh', '人民银行中心支行', 1),
  D('hszh', '红十字会', 1),
  D('lyj', '林业局', 1, 1.3),
];

export const CITY_NAME = '绍兴市';
export const CROSS_CITY_PARTNER = 'hangzhou';
