/** Words the generator draws names from. */
export const MATTER_KINDS = [
  '许可（新办）',
  '许可（变更）',
  '许可（延续）',
  '许可（注销）',
  '备案',
  '登记',
  '核准',
  '证明开具',
  '证件补办',
  '年度报告',
  '资格认定',
  '奖励申领',
  '补贴申领',
  '审批',
  '信息查询',
  '检验检测',
] as const;

export const MATERIAL_NAMES = [
  '申请表',
  '身份证明',
  '营业执照',
  '授权委托书',
  '不动产权证书',
  '户口簿',
  '婚姻状况证明',
  '出生医学证明',
  '劳动合同',
  '社会保险缴纳证明',
  '场地使用证明',
  '公司章程',
  '检测报告',
  '设计图纸',
  '环境影响评价文件',
  '健康证明',
  '学历证书',
  '资格证书',
  '近期照片',
  '信用承诺书',
] as const;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌浩宇欣怡子涵雨轩梓萱佳琪晨阳';

export const personName = (draw: (max: number) => number): string =>
  SURNAMES[draw(SURNAMES.length)] + GIVEN[draw(GIVEN.length)] + (draw(2) === 0 ? GIVEN[draw(GIVEN.length)] : '');

export const COMPANY_WORDS = ['纺织', '印染', '机械', '电子', '建材', '食品', '物流', '医药', '化纤', '黄酒', '珍珠', '袜业'] as const;
export const ISSUE_NOTES = {
  rectified: '已按要求修改事项要素并重新发布',
  failed: '整改不到位：要素仍与法定依据不一致',
  reopened: '抽查发现问题复现',
} as const;
