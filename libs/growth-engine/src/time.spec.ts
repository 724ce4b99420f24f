import { addDays, dayDiff, daysBetween, localDay, localWeekdayHour, weekdayOf, zonedInstant } from './time.js';

describe('time zones', () => {
  it('puts 23:30 UTC on the next day in Asia/Tokyo and the same day in UTC and New York', () => {
    expect(localDay('2026-03-01T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-02');
    expect(localDay('2026-03-01T23:30:00Z', 'UTC')).toBe('2026-03-01');
    expect(localDay('2026-03-01T23:30:00Z', 'America/New_York')).toBe('2026-03-01');
  });

  it('gives weekday (0 = Monday) and hour on the local wall clock', () => {
    // 2026-03-01 is a Sunday; 08:30 on Monday 2 March in Tokyo.
    expect(localWeekdayHour('2026-03-01T23:30:00Z', 'Asia/Tokyo')).toEqual({ weekday: 0, hour: 8 });
    expect(localWeekdayHour('2026-03-01T23:30:00Z', 'UTC')).toEqual({ weekday: 6, hour: 23 });
    expect(localWeekdayHour('2026-03-01T23:30:00+09:00', 'UTC')).toEqual({ weekday: 6, hour: 14 });
  });

  it('follows daylight-saving changes', () => {
    // Berlin springs forward at 01:00 UTC on 29 March 2026.
    expect(localWeekdayHour('2026-03-29T00:59:00Z', 'Europe/Berlin').hour).toBe(1);
    expect(localWeekdayHour('2026-03-29T01:00:00Z', 'Europe/Berlin').hour).toBe(3);
    expect(new Date(zonedInstant('2026-10-25', 12, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(new Date(zonedInstant('2026-07-01', 9, 'America/Los_Angeles')).toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(new Date(zonedInstant('2026-11-23', 9, 'America/Los_Angeles')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayDiff('2026-02-25', '2026-03-02')).toBe(5);
    expect(weekdayOf('2026-11-02')).toBe(0);
    expect(weekdayOf('2026-11-01')).toBe(6);
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('rejects an instant it cannot parse instead of guessing', () => {
    expect(() => localDay('yesterday', 'UTC')).toThrow(RangeError);
  });
});
