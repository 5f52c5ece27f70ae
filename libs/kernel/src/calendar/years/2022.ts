import { HolidayYear } from '../holiday-year';

export const HOLIDAYS_2022: HolidayYear = {
  year: 2022,
  sources: ['国务院办公厅关于2022年部分节假日安排的通知 (2021-10-25)'],
  holidays: [
    { name: '元旦 New Year', from: '2022-01-01', to: '2022-01-03' },
    { name: '春节 Spring Festival', from: '2022-01-31', to: '2022-02-06' },
    { name: '清明节 Qingming', from: '2022-04-03', to: '2022-04-05' },
    { name: '劳动节 Labour Day', from: '2022-04-30', to: '2022-05-04' },
    { name: '端午节 Dragon Boat', from: '2022-06-03', to: '2022-06-05' },
    { name: '中秋节 Mid-Autumn', from: '2022-09-10', to: '2022-09-12' },
    { name: '国庆节 National Day', from: '2022-10-01', to: '2022-10-07' },
  ],
  makeUpWorkdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
};
