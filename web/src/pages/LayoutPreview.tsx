// A venue's layout drawn before it is saved: the seat map's own geometry (seatmap/layout.ts) and colours, every seat
// free, so the organiser sees what buyers will see.
import { useEffect, useMemo, useRef } from 'react';
import { buildGeometry, seatPosition, type SeatMapData } from '../seatmap/layout';
import { GRADE_COLOURS } from '../seatmap/SeatMap';

export interface DraftSection { code: string; name: string; rows: number; seatsPerRow: number }

/** Rows labelled A, B, … Z, AA, … as concert-service labels a rowCount. */
export function rowLabel(i: number): string {
  let label = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

/** At most this many seats drawn: a preview of a stadium says so instead of freezing the form at every key press. */
const MOST = 100_000;

export function draftMap(sections: DraftSection[]): SeatMapData {
  let index = 0;
  const mapped = sections.map((s) => ({
    code: s.code || '?', name: s.name || s.code || '?',
    rows: Array.from({ length: Math.max(0, Math.min(s.rows, 10_000)) }, (_, r) => {
      const seats = Math.max(0, Math.min(s.seatsPerRow, 99_999));
      const row = { label: rowLabel(r), seats, firstIndex: index, runs: [{ from: 1, to: seats, grade: 'seat' }] };
      index += seats;
      return row;
    }),
  }));
  return { totalSeats: index, grades: [{ name: 'seat', price: 0 }], sections: mapped };
}

export function LayoutPreview({ sections }: { sections: DraftSection[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const map = useMemo(() => draftMap(sections), [sections]);
  const drawable = map.totalSeats > 0 && map.totalSeats <= MOST;
  const geometry = useMemo(() => (drawable ? buildGeometry(map, Math.min(window.innerWidth - 24, 900)) : null),
    [map, drawable]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !geometry) return;
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(geometry.width * dpr);
    element.height = Math.round(geometry.height * dpr);
    element.style.width = `${geometry.width}px`;
    element.style.height = `${geometry.height}px`;
    const ctx = element.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, geometry.width, geometry.height);
    ctx.fillStyle = '#3a3a3a';
    ctx.fillRect(geometry.width * 0.2, 12, geometry.width * 0.6, 22);
    ctx.fillStyle = '#ffffff';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('STAGE', geometry.width / 2, 28);
    ctx.textAlign = 'left';
    ctx.fillStyle = '#222222';
    for (const label of geometry.labels) ctx.fillText(label.text, label.x, label.y);
    ctx.fillStyle = GRADE_COLOURS[0];
    const gap = geometry.cell >= 8 ? 1.5 : 0.5;
    for (let seat = 0; seat < map.totalSeats; seat++) {
      const { x, y } = seatPosition(geometry, seat);
      ctx.fillRect(x + gap / 2, y + gap / 2, geometry.cell - gap, geometry.cell - gap);
    }
  }, [geometry, map.totalSeats]);

  const summary = `${sections.length} section${sections.length === 1 ? '' : 's'}, ${map.totalSeats} seats`;
  return (
    <figure className="preview" data-seats={map.totalSeats}>
      <figcaption>Preview: {summary}</figcaption>
      {geometry ? (
        <div className="seatmap-scroll">
          <div className="seatmap-inner" style={{ width: geometry.width, height: geometry.height }}>
            <canvas ref={canvas} role="img" aria-label={`Layout preview: ${summary}`} />
          </div>
        </div>
      ) : <p>{map.totalSeats > MOST ? 'Too many seats to draw here; it is saved as entered.' : 'Add rows and seats to see the layout.'}</p>}
    </figure>
  );
}
