import { describe, expect, it } from 'vitest';
import { draftMap, rowLabel } from './LayoutPreview';
import { errorsAt } from '../Form';

describe('the venue preview', () => {
  it('labels rows as concert-service does (spreadsheet columns)', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(rowLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('numbers the seats of the draft in SeatIndex order', () => {
    const map = draftMap([{ code: 'FLOOR', name: 'Floor', rows: 2, seatsPerRow: 3 }, { code: 'BALC', name: '', rows: 1, seatsPerRow: 4 }]);
    expect(map.totalSeats).toBe(10);
    expect(map.sections.map((s) => s.rows.map((r) => [r.label, r.firstIndex, r.seats]))).toEqual([[['A', 0, 3], ['B', 3, 3]], [['A', 6, 4]]]);
    expect(map.sections[1].name).toBe('BALC');
  });

  it('draws nothing for rows or seats not entered yet', () => {
    expect(draftMap([{ code: '', name: '', rows: 0, seatsPerRow: 5 }]).totalSeats).toBe(0);
  });
});

describe('errorsAt', () => {
  it('takes the errors at a path and under it, not those of a sibling', () => {
    const errors = { 'grades[0].areas[0].section': 'names no section', 'grades[0].areas[0]': 'row X-Z is twice', 'grades[1].areas[0].section': 'other', grades: 'no grade covers row A-B' };
    expect(errorsAt(errors, 'grades[0].areas')).toBe('section names no section; row X-Z is twice');
    expect(errorsAt(errors, 'grades[2].areas')).toBeUndefined();
    expect(errorsAt(errors, 'grades')).toContain('no grade covers row A-B');
  });
});
