/**
 * The pure domain of active supervision (效能监察, 好差评, 容缺受理): the red card and the
 * bad-review follow-up case deciders, the warning levels, the sweep's plan. No framework, no
 * clock, no I/O; applications are read through `@app/matters`' public face.
 */
export * from './supervision-ids';
export * from './supervision-limits';
export * from './application-supervision-snapshot';
export * from './red-card';
export * from './feedback-case';
export * from './warnings';
export * from './sweep';
export * from './daily-notice/daily-notice';
