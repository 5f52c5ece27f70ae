import { HolidayYear } from '../holiday-year';

/** 2019, as given in shared/domain.md; May Day was extended to 4 days by a notice of March 2019. */
export const HOLIDAYS_2019: HolidayYear = {
  year: 2019,
  sources: ['国务院办公厅关于2019年部分节假日安排的通知 (2018-12-06)', '国务院办公厅关于调整2019年劳动节假期安排的通知 (2019-03-22)'],
  holidays: [
    { name: '元旦 New Year', from: '2018-12-30', to: '2019-01-01' },
    { name: '春节 Spring Festival', from: '2019-02-04', to: '2019-02-10' },
    { name: '清明节 Qingming', from: '2019-04-05', to: '2019-04-05' },
    { name: '劳动节 Labour Day', from: '2019-05-01', to: '2019-05-04' },
    { name: '端午节 Dragon Boat', from: '2019-06-07', to: '2019-06-07' },
    { name: '中秋节 Mid-Autumn', from: '2019-09-13', to: '2019-09-13' },
    { name: '国庆节 National Day', from: '2019-10-01', to: '2019-10-07' },
  ],
  // 2018-12-29 (Saturday) belongs to the same notice's New Year arrangement
  makeUpWorkdays: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'],
};
