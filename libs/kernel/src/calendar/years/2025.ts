import { HolidayYear } from '../holiday-year';

/** 2025: the first year under the revised national holiday rules (Spring Festival Eve and 2 May added). */
export const HOLIDAYS_2025: HolidayYear = {
  year: 2025,
  sources: ['国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)'],
  holidays: [
    { name: '元旦 New Year', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节 Spring Festival', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节 Qingming', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节 Labour Day', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节 Dragon Boat', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节 National Day and Mid-Autumn', from: '2025-10-01', to: '2025-10-08' },
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};
