import { parseIsoTimestamp, toBusinessDate } from './business-date';

describe('toBusinessDate', () => {
  it('is 27 September for 2019-09-27T07:00:00+08:00 in Asia/Shanghai, whatever the process zone', () => {
    expect(toBusinessDate('2019-09-27T07:00:00+08:00', 'Asia/Shanghai')).toBe('2019-09-27');
    expect(toBusinessDate('2019-09-27T07:00:00+08:00', 'America/Los_Angeles')).toBe('2019-09-26');
  });

  it('moves a late-evening UTC instant to the next Shanghai day', () => {
    expect(toBusinessDate('2019-09-30T16:00:00Z', 'Asia/Shanghai')).toBe('2019-10-01');
    expect(toBusinessDate('2019-09-30T15:59:59.999Z', 'Asia/Shanghai')).toBe('2019-09-30');
  });

  it('defaults to Asia/Shanghai', () => {
    expect(toBusinessDate('2019-12-31T23:30:00-01:00')).toBe('2020-01-01');
  });

  it('gives what Intl gives, minute by minute, around midnights and clock changes (the remembered quarter-hours)', () => {
    const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns'];
    // spring and autumn changes, one at local midnight (São Paulo 2018), half-hour and quarter-hour offsets
    const days = ['2018-11-03T12:00:00Z', '2019-02-16T12:00:00Z', '2019-03-30T12:00:00Z', '2019-10-26T12:00:00Z', '2019-04-06T12:00:00Z'];
    for (const zone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (const day of days)
        for (let minute = 0; minute < 48 * 60; minute += 7) {
          const instant = Date.parse(day) + minute * 60_000 + 59_999;
          expect(toBusinessDate(new Date(instant).toISOString(), zone)).toBe(intl.format(instant));
        }
    }
  });

  it('refuses a timestamp without offset, an impossible date, and an unknown zone', () => {
    expect(() => toBusinessDate('2019-09-27T07:00:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => toBusinessDate('2019-02-30T07:00:00Z', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => toBusinessDate('2019-09-27T07:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseIsoTimestamp', () => {
  it('agrees with Date.parse on well-formed timestamps', () => {
    for (const text of ['2019-09-27T07:00:00+08:00', '2020-02-29T23:59:59.5Z', '2019-01-01T00:00Z', '1999-12-31T12:00:00.123-05:30'])
      expect(parseIsoTimestamp(text)).toBe(Date.parse(text));
  });
  it('is null for anything else', () => {
    for (const text of ['', 'yesterday', '2019-13-01T00:00:00Z', '2019-09-27 07:00:00Z', 42]) expect(parseIsoTimestamp(text)).toBeNull();
  });
});
