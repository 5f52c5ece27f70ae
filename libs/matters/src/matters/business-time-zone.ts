/**
 * The city's time zone (BUSINESS_TZ): suspend, resume and retire take effect on the business date
 * of their `at`. Supplied by the application through `MattersModule.forRoot`.
 */
export const BUSINESS_TIME_ZONE = Symbol('BUSINESS_TIME_ZONE');
