import { HolidayYear } from '../holiday-year';

export const HOLIDAYS_2024: HolidayYear = {
  year: 2024,
  sources: ['国务院办公厅关于2024年部分节假日安排的通知 (2023-10-25)'],
  holidays: [
    { name: '元旦 New Year', from: '2024-01-01', to: '2024-01-01' },
    { name: '春节 Spring Festival', from: '2024-02-10', to: '2024-02-17' },
    { name: '清明节 Qingming', from: '2024-04-04', to: '2024-04-06' },
    { name: '劳动节 Labour Day', from: '2024-05-01', to: '2024-05-05' },
    { name: '端午节 Dragon Boat', from: '2024-06-10', to: '2024-06-10' },
    { name: '中秋节 Mid-Autumn', from: '2024-09-15', to: '2024-09-17' },
    { name: '国庆节 National Day', from: '2024-10-01', to: '2024-10-07' },
  ],
  makeUpWorkdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
};
