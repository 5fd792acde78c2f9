import { validateSync } from 'class-validator';
import { currentItalianMonth, IsMonthYear, parseMonthYear, setMonthYearClock } from './month-year.js';

class Dates {
  @IsMonthYear({ notBefore: 'currentMonth' }) jobEnds?: string;
  @IsMonthYear({ notAfter: 'currentMonth' }) livingHereSince?: string;
  @IsMonthYear() anyMonth?: string;
}

function messages(fields: Partial<Dates>): Record<string, string> {
  const errors = validateSync(Object.assign(new Dates(), { jobEnds: '06/2025', livingHereSince: '06/2025', anyMonth: '06/2025', ...fields }));
  return Object.fromEntries(errors.map((error) => [error.property, Object.values(error.constraints ?? {})[0]]));
}

describe('Months written MM/YYYY', () => {
  beforeEach(() => setMonthYearClock(() => new Date('2025-06-15T12:00:00Z')));
  afterAll(() => setMonthYearClock());

  it('reads a month and a year', () => {
    expect(parseMonthYear('01/2001')).toEqual({ month: 1, year: 2001 });
    expect(parseMonthYear('12/2030')).toEqual({ month: 12, year: 2030 });
  });

  it('refuses impossible months and other shapes', () => {
    for (const value of ['00/2020', '13/2020', '1/2020', '01/20', '2020-01', '01/2020 ', '01/1850', 202001]) expect(parseMonthYear(value)).toBeUndefined();
    expect(messages({ anyMonth: '13/2020' })).toEqual({ anyMonth: 'anyMonth must be a month as MM/YYYY' });
  });

  it('accepts the current month on both sides of the bound', () => {
    expect(messages({})).toEqual({});
  });

  it('refuses a past month where the past is not allowed, and a future one where the future is not', () => {
    expect(messages({ jobEnds: '05/2025', livingHereSince: '07/2025' })).toEqual({
      jobEnds: 'jobEnds must not be a month in the past',
      livingHereSince: 'livingHereSince must not be a month in the future',
    });
    expect(messages({ jobEnds: '01/2026', livingHereSince: '12/2024' })).toEqual({});
  });

  it('turns the month over at midnight in Rome, not in UTC', () => {
    // 22:30 UTC on 31 May is already 00:30 on 1 June in Rome (CEST).
    expect(currentItalianMonth(new Date('2025-05-31T22:30:00Z'))).toEqual({ month: 6, year: 2025 });
  });

  it('takes its clock from the decorator when one is given', () => {
    class Pinned {
      @IsMonthYear({ notBefore: 'currentMonth', now: () => new Date('2030-01-10T00:00:00Z') }) jobEnds!: string;
    }
    expect(validateSync(Object.assign(new Pinned(), { jobEnds: '12/2029' }))).toHaveLength(1);
  });
});
