import { HolidayYear } from '../holiday-year';

/**
 * 2020. The Spring Festival holiday (originally 24–30 January, with 1 February a make-up working
 * day) was extended to 2 February by the COVID-19 notice of 27 January 2020; the 1 February
 * make-up day was thereby cancelled. Regional extensions (e.g. Zhejiang's to 9 February) were
 * provincial business-resumption orders, not State Council holidays, and are not modelled.
 */
export const HOLIDAYS_2020: HolidayYear = {
  year: 2020,
  sources: ['国务院办公厅关于2020年部分节假日安排的通知 (2019-11-21)', '国务院办公厅关于延长2020年春节假期的通知 (2020-01-27)'],
  holidays: [
    { name: '元旦 New Year', from: '2020-01-01', to: '2020-01-01' },
    { name: '春节 Spring Festival (extended)', from: '2020-01-24', to: '2020-02-02' },
    { name: '清明节 Qingming', from: '2020-04-04', to: '2020-04-06' },
    { name: '劳动节 Labour Day', from: '2020-05-01', to: '2020-05-05' },
    { name: '端午节 Dragon Boat', from: '2020-06-25', to: '2020-06-27' },
    { name: '国庆节、中秋节 National Day and Mid-Autumn', from: '2020-10-01', to: '2020-10-08' },
  ],
  makeUpWorkdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  note: 'Zhejiang delayed the resumption of work to 2020-02-10 by provincial order; not a State Council holiday.',
};
