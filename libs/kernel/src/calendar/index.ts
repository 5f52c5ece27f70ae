export * from './calendar-date';
export * from './time-limit';
export * from './business-date';
export * from './holiday-year';
export * from './to-working-days';
export * from './working-day-calendar';
export { CHINA_HOLIDAY_YEARS } from './years';
