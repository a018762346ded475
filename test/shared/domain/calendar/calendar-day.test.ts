import { describe, expect, it } from 'vitest';
import { calendarDayText, isCalendarDay, isCalendarDayText } from '../../../../shared/domain/calendar/calendar-day';

describe('calendar days', () => {
  it('takes the days that exist, leap days included', () => {
    for (const text of ['2024-02-29', '2000-02-29', '2023-12-31', '1900-01-01', '2199-12-31', '2025-04-30']) {
      expect(isCalendarDayText(text), text).toBe(true);
    }
  });

  it('refuses days that do not exist and years no device has', () => {
    for (const text of ['2024-02-30', '2023-02-29', '1900-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '0000-01-01', '1899-12-31', '2200-01-01', '2024-2-3', '20240203', ' 2024-02-03']) {
      expect(isCalendarDayText(text), text).toBe(false);
    }
    expect(isCalendarDay(2024, 2, 1.5)).toBe(false);
  });

  it('writes a day as YYYY-MM-DD, or null when it does not exist', () => {
    expect(calendarDayText(2024, 3, 5)).toBe('2024-03-05');
    expect(calendarDayText(2023, 2, 29)).toBeNull();
  });
});
