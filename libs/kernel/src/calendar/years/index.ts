import { HolidayYear } from '../holiday-year';
import { HOLIDAYS_2019 } from './2019';
import { HOLIDAYS_2020 } from './2020';
import { HOLIDAYS_2021 } from './2021';
import { HOLIDAYS_2022 } from './2022';
import { HOLIDAYS_2023 } from './2023';
import { HOLIDAYS_2024 } from './2024';
import { HOLIDAYS_2025 } from './2025';
import { HOLIDAYS_2026 } from './2026';

/** Every year of the State Council arrangement this codebase carries; add a file per new notice. */
export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [
  HOLIDAYS_2019,
  HOLIDAYS_2020,
  HOLIDAYS_2021,
  HOLIDAYS_2022,
  HOLIDAYS_2023,
  HOLIDAYS_2024,
  HOLIDAYS_2025,
  HOLIDAYS_2026,
];
