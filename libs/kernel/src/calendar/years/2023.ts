import { HolidayYear } from '../holiday-year';

export const HOLIDAYS_2023: HolidayYear = {
  year: 2023,
  sources: ['国务院办公厅关于2023年部分节假日安排的通知 (2022-12-08)'],
  holidays: [
    { name: '元旦 New Year', from: '2022-12-31', to: '2023-01-02' },
    { name: '春节 Spring Festival', from: '2023-01-21', to: '2023-01-27' },
    { name: '清明节 Qingming', from: '2023-04-05', to: '2023-04-05' },
    { name: '劳动节 Labour Day', from: '2023-04-29', to: '2023-05-03' },
    { name: '端午节 Dragon Boat', from: '2023-06-22', to: '2023-06-24' },
    { name: '中秋节、国庆节 Mid-Autumn and National Day', from: '2023-09-29', to: '2023-10-06' },
  ],
  makeUpWorkdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
};
