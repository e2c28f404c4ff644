// The seat map as geometry, built once per map: where every seat is drawn, its grade, and its name. Seats are
// numbered by SeatIndex (sections in order, their rows in order, seats 1..n), the order of the availability bitmap.
// Pure functions, so they are unit-tested without a browser (layout.test.ts).
import { price } from '../format';

export interface MapRun { from: number; to: number; grade?: string | null; price?: number | string | null }
export interface MapRow { label: string; seats: number; firstIndex: number; runs: MapRun[] }
export interface MapSection { code: string; name: string; rows: MapRow[] }
export interface SeatMapData { totalSeats: number; grades: { name: string; price: number | string }[]; sections: MapSection[] }

export interface PlacedRow {
  section: number;
  label: string;
  seats: number;
  firstIndex: number;
  /** Left edge of seat 1 and top edge of the row, in CSS pixels. */
  x: number;
  y: number;
}

export interface Geometry {
  cell: number;
  width: number;
  height: number;
  /** Where each section's name is written. */
  labels: { text: string; x: number; y: number }[];
  rows: PlacedRow[];
  /** Per seat: 0 for no grade (not for sale), else 1 + the grade's index in the map's grades. */
  grade: Uint8Array;
  sections: MapSection[];
  grades: { name: string; price: number | string }[];
}

export const PADDING = 12;
const STAGE = 36;
const SECTION_GAP = 28;

/** Seats are square cells of `cell` px; `availableWidth` decides how big, within [minCell, maxCell]. */
export function buildGeometry(map: SeatMapData, availableWidth: number, minCell = 6, maxCell = 22): Geometry {
  const widest = Math.max(1, ...map.sections.flatMap((s) => s.rows.map((r) => r.seats)));
  const cell = Math.max(minCell, Math.min(maxCell, Math.floor((availableWidth - 2 * PADDING) / widest)));
  const width = widest * cell + 2 * PADDING;
  const gradeIndex = new Map(map.grades.map((g, i) => [g.name, i + 1]));
  const grade = new Uint8Array(map.totalSeats);
  const rows: PlacedRow[] = [];
  const labels: Geometry['labels'] = [];
  let y = PADDING + STAGE;
  map.sections.forEach((section, s) => {
    y += SECTION_GAP;
    labels.push({ text: section.name || section.code, x: PADDING, y: y - 8 });
    for (const row of section.rows) {
      rows.push({ section: s, label: row.label, seats: row.seats, firstIndex: row.firstIndex,
        x: PADDING + ((widest - row.seats) * cell) / 2, y });
      for (const run of row.runs) {
        const g = run.grade ? gradeIndex.get(run.grade) ?? 0 : 0;
        grade.fill(g, row.firstIndex + run.from - 1, row.firstIndex + run.to);
      }
      y += cell;
    }
  });
  return { cell, width, height: y + PADDING, labels, rows, grade, sections: map.sections, grades: map.grades };
}

/** The row a seat is in (rows are in SeatIndex order). */
export function rowOf(geometry: Geometry, seat: number): number {
  let low = 0;
  let high = geometry.rows.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (geometry.rows[mid].firstIndex <= seat) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Top-left corner of a seat's cell. */
export function seatPosition(geometry: Geometry, seat: number): { x: number; y: number } {
  const row = geometry.rows[rowOf(geometry, seat)];
  return { x: row.x + (seat - row.firstIndex) * geometry.cell, y: row.y };
}

/** The seat under a point, or -1. */
export function seatAt(geometry: Geometry, x: number, y: number): number {
  let low = 0;
  let high = geometry.rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const row = geometry.rows[mid];
    if (y < row.y) high = mid - 1;
    else if (y >= row.y + geometry.cell) low = mid + 1;
    else {
      const number = Math.floor((x - row.x) / geometry.cell);
      return number >= 0 && number < row.seats ? row.firstIndex + number : -1;
    }
  }
  return -1;
}

/** The API's name of a seat: FLOOR-B-12. */
export function seatLabel(geometry: Geometry, seat: number): string {
  const row = geometry.rows[rowOf(geometry, seat)];
  return `${geometry.sections[row.section].code}-${row.label}-${seat - row.firstIndex + 1}`;
}

/** What a screen reader says: "Floor, row 12, seat 7, VIP, 150.00". */
export function seatName(geometry: Geometry, seat: number): string {
  const row = geometry.rows[rowOf(geometry, seat)];
  const section = geometry.sections[row.section];
  const g = geometry.grade[seat];
  const grade = g > 0 ? `, ${geometry.grades[g - 1].name}, ${price(geometry.grades[g - 1].price)}` : ', not for sale';
  return `${section.name || section.code}, row ${row.label}, seat ${seat - row.firstIndex + 1}${grade}`;
}

/** The seat a key press moves to from `seat`, or `seat` itself at an edge. */
export function move(geometry: Geometry, seat: number, key: string): number {
  const r = rowOf(geometry, seat);
  const row = geometry.rows[r];
  const number = seat - row.firstIndex;
  const toRow = (target: number) => {
    const next = geometry.rows[target];
    // the seat drawn nearest above or below, as the rows are centred
    const x = row.x + number * geometry.cell;
    const n = Math.min(next.seats - 1, Math.max(0, Math.round((x - next.x) / geometry.cell)));
    return next.firstIndex + n;
  };
  switch (key) {
    case 'ArrowLeft': return number > 0 ? seat - 1 : seat;
    case 'ArrowRight': return number < row.seats - 1 ? seat + 1 : seat;
    case 'ArrowUp': return r > 0 ? toRow(r - 1) : seat;
    case 'ArrowDown': return r < geometry.rows.length - 1 ? toRow(r + 1) : seat;
    case 'Home': return row.firstIndex;
    case 'End': return row.firstIndex + row.seats - 1;
    default: return seat;
  }
}

/** The availability bitmap (`bitmap-msb0-base64`): bit set = not available. */
export function decodeBitmap(base64: string, totalSeats: number): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(Math.ceil(totalSeats / 8));
  for (let i = 0; i < bytes.length && i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isUnavailable(bitmap: Uint8Array, seat: number): boolean {
  return ((bitmap[seat >> 3] >> (7 - (seat & 7))) & 1) === 1;
}

/** The seats whose bit differs between two bitmaps: only those are drawn again. */
export function changedSeats(before: Uint8Array, after: Uint8Array, totalSeats: number): number[] {
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const diff = (before[i] ?? 0) ^ after[i];
    if (diff === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      const seat = i * 8 + bit;
      if (seat < totalSeats && (diff >> (7 - bit)) & 1) changed.push(seat);
    }
  }
  return changed;
}

/** A seat's status on the organiser's map, as the owner's statuses endpoint codes it. */
export const SEAT_STATUS = { available: 0, held: 1, sold: 2, blocked: 3 } as const;

/**
 * The owner's seat statuses (`2bit-msb0-base64`: seat i is the bit pair (7 - 2 * (i % 4), 6 - 2 * (i % 4)) of byte
 * i / 4), as one status code a seat (SEAT_STATUS).
 */
export function decodeStatuses(base64: string, totalSeats: number): Uint8Array {
  const binary = atob(base64);
  const codes = new Uint8Array(totalSeats);
  for (let seat = 0; seat < totalSeats; seat++) {
    const byte = (seat >> 2) < binary.length ? binary.charCodeAt(seat >> 2) : 0;
    codes[seat] = (byte >> (6 - 2 * (seat & 3))) & 3;
  }
  return codes;
}

/** The availability bitmap of those statuses: every seat but an available one is not available. */
export function bitmapOfStatuses(codes: Uint8Array): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(codes.length / 8));
  codes.forEach((code, seat) => {
    if (code !== SEAT_STATUS.available) bitmap[seat >> 3] |= 0x80 >> (seat & 7);
  });
  return bitmap;
}

/** The seats whose status differs: held to sold too, which leaves the availability bit as it was. */
export function changedStatuses(before: Uint8Array, after: Uint8Array): number[] {
  const changed: number[] = [];
  for (let seat = 0; seat < after.length; seat++) if (before[seat] !== after[seat]) changed.push(seat);
  return changed;
}

/** The SeatIndex of an API seat name (FLOOR-B-12), or -1. */
export function indexOfLabel(geometry: Geometry, label: string): number {
  const last = label.lastIndexOf('-');
  const number = Number(label.slice(last + 1));
  for (const row of geometry.rows) {
    const prefix = `${geometry.sections[row.section].code}-${row.label}`;
    if (prefix === label.slice(0, last) && number >= 1 && number <= row.seats) return row.firstIndex + number - 1;
  }
  return -1;
}
