/** The eight assessment indicators (domain.md), in the order every report lists them. */
export const INDICATOR_KEYS = [
  'onlineAvailability',
  'mobileAvailability',
  'zeroVisitRate',
  'instantRate',
  'timeLimitCompression',
  'electronicMaterialRate',
  'onlineAcceptanceRate',
  'mobileAcceptanceRate',
] as const;

export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorDefinition {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  level: 'matter' | 'application';
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'onlineAvailability', name: '网上可办率', nameEn: 'online availability', level: 'matter' },
  { key: 'mobileAvailability', name: '掌上可办率', nameEn: 'mobile availability', level: 'matter' },
  { key: 'zeroVisitRate', name: '跑零次率', nameEn: 'zero-visit rate', level: 'matter' },
  { key: 'instantRate', name: '即办率', nameEn: 'instant handling rate', level: 'matter' },
  { key: 'timeLimitCompression', name: '承诺时限压缩比', nameEn: 'time-limit compression', level: 'matter' },
  { key: 'electronicMaterialRate', name: '材料电子化比率', nameEn: 'electronic material rate', level: 'matter' },
  { key: 'onlineAcceptanceRate', name: '网上受理率', nameEn: 'online acceptance rate', level: 'application' },
  { key: 'mobileAcceptanceRate', name: '掌上受理率', nameEn: 'mobile acceptance rate', level: 'application' },
];

export const indicatorDefinition = (key: IndicatorKey): IndicatorDefinition => INDICATORS.find((i) => i.key === key)!;

/** Said in every report: the seed names seven indicators, the eighth is our choice. */
export const EIGHTH_INDICATOR_NOTE =
  '第8项指标原文未列明，本系统取“掌上受理率”（掌上受理件数/受理总件数），对应“掌上办事之市”目标。' +
  ' The seed names seven of the eight indicators; the eighth is taken to be the mobile acceptance rate (掌上受理率).';

/** One indicator's figures as every report gives them. */
export interface IndicatorCounts {
  numerator: number;
  denominator: number;
}

export type IndicatorFigures = Record<IndicatorKey, IndicatorCounts>;
