import { HolidayYear } from '../holiday-year';

export const HOLIDAYS_2021: HolidayYear = {
  year: 2021,
  sources: ['国务院办公厅关于2021年部分节假日安排的通知 (2020-11-25)'],
  holidays: [
    { name: '元旦 New Year', from: '2021-01-01', to: '2021-01-03' },
    { name: '春节 Spring Festival', from: '2021-02-11', to: '2021-02-17' },
    { name: '清明节 Qingming', from: '2021-04-03', to: '2021-04-05' },
    { name: '劳动节 Labour Day', from: '2021-05-01', to: '2021-05-05' },
    { name: '端午节 Dragon Boat', from: '2021-06-12', to: '2021-06-14' },
    { name: '中秋节 Mid-Autumn', from: '2021-09-19', to: '2021-09-21' },
    { name: '国庆节 National Day', from: '2021-10-01', to: '2021-10-07' },
  ],
  makeUpWorkdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
};
