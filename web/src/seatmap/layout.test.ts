import { describe, expect, it } from 'vitest';
import {
  SEAT_STATUS, bitmapOfStatuses, buildGeometry, changedSeats, changedStatuses, decodeBitmap, decodeStatuses, isUnavailable, move, seatAt,
  seatLabel, seatName, seatPosition,
} from './layout';

const map = {
  totalSeats: 25,
  grades: [{ name: 'VIP', price: 150 }, { name: 'R', price: '80.5' }],
  sections: [
    { code: 'FLOOR', name: 'Floor', rows: [
      { label: '1', seats: 10, firstIndex: 0, runs: [{ from: 1, to: 4, grade: 'VIP', price: 150 }, { from: 5, to: 10, grade: 'R', price: 80.5 }] },
      { label: '2', seats: 6, firstIndex: 10, runs: [{ from: 1, to: 6, grade: 'R', price: 80.5 }] },
    ] },
    { code: 'B', name: '', rows: [{ label: 'A', seats: 9, firstIndex: 16, runs: [{ from: 1, to: 9, grade: null, price: null }] }] },
  ],
};

describe('the seat map geometry', () => {
  const g = buildGeometry(map, 10 * 20 + 24);

  it('sizes the cells to the widest row and grades every seat', () => {
    expect(g.cell).toBe(20);
    expect(Array.from(g.grade)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('names seats for people and for the API', () => {
    expect(seatName(g, 6)).toBe('Floor, row 1, seat 7, R, 80.50');
    expect(seatName(g, 2)).toBe('Floor, row 1, seat 3, VIP, 150.00');
    expect(seatName(g, 16)).toBe('B, row A, seat 1, not for sale');
    expect(seatLabel(g, 12)).toBe('FLOOR-2-3');
  });

  it('finds the seat under a point, and none between rows or beside them', () => {
    for (const seat of [0, 9, 10, 15, 16, 24]) {
      const { x, y } = seatPosition(g, seat);
      expect(seatAt(g, x + 1, y + 1)).toBe(seat);
    }
    const first = seatPosition(g, 10);
    expect(seatAt(g, first.x - 1, first.y + 1)).toBe(-1);
    expect(seatAt(g, 0, 0)).toBe(-1);
  });

  it('moves by keys within a row and to the seat drawn nearest in the next one', () => {
    expect(move(g, 0, 'ArrowLeft')).toBe(0);
    expect(move(g, 0, 'ArrowRight')).toBe(1);
    // row 2 (6 seats) is centred under row 1 (10 seats): seat 5 of row 1 is above seat 3 of row 2
    expect(move(g, 4, 'ArrowDown')).toBe(12);
    expect(move(g, 12, 'ArrowUp')).toBe(4);
    expect(move(g, 12, 'End')).toBe(15);
    expect(move(g, 24, 'ArrowDown')).toBe(24);
  });
});

describe('the availability bitmap', () => {
  it('reads bit (7 - i % 8) of byte i / 8, set meaning not available', () => {
    const bitmap = decodeBitmap(btoa(String.fromCharCode(0b10000001, 0b01000000)), 12);
    expect([0, 1, 7, 8, 9].map((i) => isUnavailable(bitmap, i))).toEqual([true, false, true, false, true]);
  });

  it('lists only the seats that changed', () => {
    const before = new Uint8Array([0b10000000, 0]);
    const after = new Uint8Array([0b00000001, 0b00100000]);
    expect(changedSeats(before, after, 12)).toEqual([0, 7, 10]);
  });
});

describe("the owner's seat statuses", () => {
  it('reads two bits a seat, the first seat in the most significant pair', () => {
    const codes = decodeStatuses(btoa(String.fromCharCode(0b01_00_00_11, 0b10_000000)), 6);
    expect(Array.from(codes)).toEqual([SEAT_STATUS.held, 0, 0, SEAT_STATUS.blocked, SEAT_STATUS.sold, 0]);
  });

  it('makes every seat but an available one not available', () => {
    const bitmap = bitmapOfStatuses(Uint8Array.from([0, 1, 2, 3, 0, 0, 0, 0, 3]));
    expect([0, 1, 2, 3, 4, 8].map((seat) => isUnavailable(bitmap, seat))).toEqual([false, true, true, true, false, true]);
  });

  it('names the seats whose status changed, held to sold too', () => {
    expect(changedStatuses(Uint8Array.from([1, 0, 3]), Uint8Array.from([2, 0, 0]))).toEqual([0, 2]);
  });
});
