// A concert's seat map on one canvas. The seats are laid out and drawn once; after that only the seats whose
// availability changed are drawn again, from the compact availability bitmap polled every few seconds (with
// If-None-Match, so an unchanged map costs a 304). Keyboard: the map is one focusable control; the arrow keys move
// between seats, Enter or Space picks one, and the current seat's name is announced ("Floor, row 12, seat 7, VIP,
// 150.00, available"). A seat the page learns is taken from a refused hold (markTaken) is drawn taken at once, before
// the bitmap, which follows the hold by an event, says so. The organiser's map polls every seat's status instead (two
// bits a seat, the owner's alone), so it draws held, sold and blocked seats apart and names them so.
import {
  useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref,
} from 'react';
import { seats as seatApi } from '../api/client';
import {
  bitmapOfStatuses, buildGeometry, changedSeats, changedStatuses, decodeBitmap, decodeStatuses, indexOfLabel,
  isUnavailable, move, seatAt, seatLabel, seatName, seatPosition, type Geometry, type SeatMapData,
} from './layout';

export const GRADE_COLOURS = ['#1d5fa8', '#b3261e', '#1e7b34', '#7b3fa0', '#a35200', '#006a6a', '#8a4b1f', '#4a5568'];
const UNAVAILABLE = '#d4d4d4';
const SELECTED = '#111111';
/** The organiser's map: sold and held seats in their own greys, a blocked one crossed out. */
export const OWNER_COLOURS = { held: '#f2c14e', sold: '#8c8c8c', blocked: '#d4d4d4', cross: '#000000' } as const;
const POLL_MS = 3000;
/** How long a seat a refused hold named stays drawn taken while the bitmap does not say so yet (seat-service's
 * availability follows a hold by an event, seconds behind on a busy machine; the winner may also cancel). */
const TAKEN_LATELY_MS = 30_000;

type SeatCanvas = HTMLCanvasElement & { seatCentre?: (label: string) => { x: number; y: number } | null };

export interface Picked { index: number; label: string; name: string; price: number }

export interface SeatMapHandle {
  /** Seats (API names) someone else has just taken, as a refused hold named them: drawn taken and dropped from the
   * picks at once. Answers the picks that were dropped. */
  markTaken: (labels: string[]) => Picked[];
}

interface Props {
  concertId: number;
  map: SeatMapData;
  maxSeats: number;
  selected: Picked[];
  onChange: (selected: Picked[]) => void;
  /** A picked seat that someone else took meanwhile (it is dropped from the selection). */
  onLost: (lost: Picked[]) => void;
  /** Tells the page the map drew its seats and its first availability (the browser tests wait for it). */
  onReady?: () => void;
  /** The organiser's map: taken and blocked seats can be picked too (to block or unblock them). */
  pickAny?: boolean;
  /** Seats (API names) to pick once the first availability is in, those still free: the picks a user had before
   * logging in. */
  restore?: string[];
  /** The owner's statuses instead of the public availability: held, sold and blocked seats told apart. */
  ownerStatuses?: boolean;
  ref?: Ref<SeatMapHandle>;
}

const STATE_OF_CODE = ['available', 'held', 'sold', 'blocked'] as const;

export function SeatMap({
  concertId, map, maxSeats, selected, onChange, onLost, onReady, pickAny = false, restore, ownerStatuses = false, ref,
}: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const bitmap = useRef<Uint8Array | null>(null);
  const codes = useRef<Uint8Array | null>(null);
  /** Seat → until when it is drawn taken though the bitmap says free (markTaken). */
  const takenLately = useRef(new Map<number, number>());
  const toRestore = useRef(restore);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const [width] = useState(() => Math.min(window.innerWidth - 24, 1100));
  const geometry = useMemo(() => {
    performance.mark('seatmap-data');
    return buildGeometry(map, width);
  }, [map, width]);
  const [focus, setFocus] = useState(-1);
  const [hover, setHover] = useState(-1);
  const [ready, setReady] = useState(false);
  const statusId = useId();

  const stateOf = useCallback((seat: number) => {
    if (selectedRef.current.some((p) => p.index === seat)) return 'selected';
    if (geometry.grade[seat] === 0) return 'not for sale';
    if (codes.current) return STATE_OF_CODE[codes.current[seat]];
    if (!bitmap.current || isUnavailable(bitmap.current, seat)) return 'not available';
    if ((takenLately.current.get(seat) ?? 0) > Date.now()) return 'not available';
    return 'available';
  }, [geometry]);

  const drawSeat = useCallback((ctx: CanvasRenderingContext2D, seat: number) => {
    const { x, y } = seatPosition(geometry, seat);
    const c = geometry.cell;
    ctx.clearRect(x, y, c, c);
    const state = stateOf(seat);
    const g = geometry.grade[seat];
    ctx.fillStyle = state === 'selected' ? SELECTED
      : state === 'available' ? GRADE_COLOURS[(g - 1) % GRADE_COLOURS.length]
        : state === 'held' ? OWNER_COLOURS.held : state === 'sold' ? OWNER_COLOURS.sold
          : state === 'blocked' ? OWNER_COLOURS.blocked : UNAVAILABLE;
    const gap = c >= 8 ? 1.5 : 0.5;
    ctx.fillRect(x + gap / 2, y + gap / 2, c - gap, c - gap);
    if (state === 'blocked') {
      // crossed out, so a blocked seat reads apart from a sold one without its colour
      ctx.strokeStyle = OWNER_COLOURS.cross;
      ctx.lineWidth = Math.max(2, c / 6);
      ctx.beginPath();
      ctx.moveTo(x + gap, y + gap);
      ctx.lineTo(x + c - gap, y + c - gap);
      ctx.moveTo(x + c - gap, y + gap);
      ctx.lineTo(x + gap, y + c - gap);
      ctx.stroke();
    }
  }, [geometry, stateOf]);

  const context = () => canvas.current?.getContext('2d') ?? null;

  // drawn once per map: the canvas, the stage and the section names, every seat
  useEffect(() => {
    const element = canvas.current!;
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(geometry.width * dpr);
    element.height = Math.round(geometry.height * dpr);
    element.style.width = `${geometry.width}px`;
    element.style.height = `${geometry.height}px`;
    const ctx = element.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#3a3a3a';
    ctx.fillRect(geometry.width * 0.2, 12, geometry.width * 0.6, 22);
    ctx.fillStyle = '#ffffff';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText('STAGE', geometry.width / 2, 28);
    ctx.textAlign = 'left';
    ctx.fillStyle = '#222222';
    for (const label of geometry.labels) ctx.fillText(label.text, label.x, label.y);
    // Before the first availability nothing is known of the seats: the first answer draws every seat (below), so
    // drawing them here too only painted 60,000 grey squares that were all painted again (bench web: 300 ms of a
    // stadium's 1.5 s, and the availability request waited for it)
    if (bitmap.current) for (let seat = 0; seat < map.totalSeats; seat++) drawSeat(ctx, seat);
    // the stages to a usable map, for ./tickitecking bench web (performance marks cost next to nothing)
    performance.mark('seatmap-drawn');
    // where a seat is drawn, by its API name: what the browser tests read the canvas's pixels at
    (element as SeatCanvas).seatCentre = (label: string) => {
      const seat = indexOfLabel(geometry, label);
      if (seat < 0) return null;
      const { x, y } = seatPosition(geometry, seat);
      return { x: x + geometry.cell / 2, y: y + geometry.cell / 2 };
    };
  }, [geometry, map.totalSeats, drawSeat]);

  // availability (or the owner's statuses): every few seconds, only the changed seats drawn again
  useEffect(() => {
    let etag: string | undefined;
    let timer: ReturnType<typeof setTimeout>;
    let live = true;
    /** The seats' bitmap (and the owner's status codes), or null when unchanged since the ETag. */
    const load = async (): Promise<{ bitmap: Uint8Array; codes: Uint8Array | null } | null> => {
      const request = { params: { path: { id: concertId } }, headers: etag ? { 'If-None-Match': etag } : {} };
      if (ownerStatuses) {
        const { data, response } = await seatApi.GET('/api/v1/concerts/{id}/seats/statuses', request);
        if (!response.ok || !data) return null;
        etag = response.headers.get('ETag') ?? undefined;
        const next = decodeStatuses(data.statuses, map.totalSeats);
        return { bitmap: bitmapOfStatuses(next), codes: next };
      }
      const { data, response } = await seatApi.GET('/api/v1/concerts/{id}/seats/availability', request);
      if (!response.ok || !data) return null;
      etag = response.headers.get('ETag') ?? undefined;
      return { bitmap: decodeBitmap(data.unavailable, map.totalSeats), codes: null };
    };
    const poll = async () => {
      try {
        if (document.visibilityState === 'visible' || !bitmap.current) {
          const answer = await load();
          if (live && answer) {
            const next = answer.bitmap;
            const before = bitmap.current;
            const codesBefore = codes.current;
            bitmap.current = next;
            codes.current = answer.codes;
            const ctx = context();
            // a seat marked taken is the bitmap's to tell once it does, or once the mark is old
            const settled = [...takenLately.current].filter(([seat, until]) => isUnavailable(next, seat) || until <= Date.now());
            settled.forEach(([seat]) => takenLately.current.delete(seat));
            if (ctx) {
              const changed = !before ? null
                : codesBefore && answer.codes ? changedStatuses(codesBefore, answer.codes) : changedSeats(before, next, map.totalSeats);
              if (changed) changed.forEach((seat) => drawSeat(ctx, seat));
              else for (let seat = 0; seat < map.totalSeats; seat++) drawSeat(ctx, seat);
              settled.forEach(([seat]) => drawSeat(ctx, seat));
            }
            if (!before && toRestore.current) restorePicks(toRestore.current);
            toRestore.current = undefined;
            const lost = pickAny ? [] : selectedRef.current.filter((p) => isUnavailable(next, p.index));
            if (lost.length > 0) {
              onChange(selectedRef.current.filter((p) => !isUnavailable(next, p.index)));
              onLost(lost);
            }
            if (!before) {
              performance.mark('seatmap-availability');
              setReady(true);
            }
          }
        }
      } catch {
        // the next poll tries again; the page says nothing for one missed refresh
      }
      if (live) timer = setTimeout(poll, POLL_MS);
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [concertId, map.totalSeats, drawSeat, onChange, onLost, pickAny, ownerStatuses]);

  useEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);

  const pickOf = useCallback((seat: number): Picked => ({ index: seat, label: seatLabel(geometry, seat),
    name: seatName(geometry, seat), price: Number(geometry.grades[geometry.grade[seat] - 1]?.price ?? 0) }), [geometry]);

  /** The picks from before a login: those still free are picked again, the others are told as lost. */
  const restorePicks = (labels: string[]) => {
    const seatsOf = labels.map((label) => indexOfLabel(geometry, label)).filter((seat) => seat >= 0);
    const free = seatsOf.filter((seat) => stateOf(seat) === 'available').slice(0, maxSeats);
    const gone = seatsOf.filter((seat) => !free.includes(seat));
    if (free.length > 0) onChange(free.map(pickOf));
    if (gone.length > 0) onLost(gone.map(pickOf));
  };

  useImperativeHandle(ref, () => ({
    markTaken: (labels: string[]) => {
      const until = Date.now() + TAKEN_LATELY_MS;
      const taken = new Set(labels.map((label) => indexOfLabel(geometry, label)).filter((seat) => seat >= 0));
      taken.forEach((seat) => takenLately.current.set(seat, until));
      const lost = selectedRef.current.filter((p) => taken.has(p.index));
      if (lost.length > 0) {
        selectedRef.current = selectedRef.current.filter((p) => !taken.has(p.index));
        onChange(selectedRef.current);
      }
      const ctx = context();
      if (ctx) taken.forEach((seat) => drawSeat(ctx, seat));
      return lost;
    },
  }), [geometry, drawSeat, onChange]);

  // a selection changed: draw those seats again
  const previous = useRef<Picked[]>([]);
  useEffect(() => {
    const ctx = context();
    if (ctx) new Set([...previous.current, ...selected].map((p) => p.index)).forEach((seat) => drawSeat(ctx, seat));
    previous.current = selected;
  }, [selected, drawSeat]);

  const [message, setMessage] = useState('');
  const toggle = (seat: number) => {
    if (seat < 0) return;
    const state = stateOf(seat);
    if (state === 'selected') {
      onChange(selected.filter((p) => p.index !== seat));
      setMessage(`${seatName(geometry, seat)}: removed`);
    } else if (state === 'available' || (pickAny && state !== 'not for sale')) {
      if (selected.length >= maxSeats) {
        setMessage(`You can pick at most ${maxSeats} seats.`);
        return;
      }
      onChange([...selected, pickOf(seat)]);
      setMessage(`${seatName(geometry, seat)}: selected`);
    } else {
      setMessage(`${seatName(geometry, seat)}: ${state}`);
    }
  };

  const firstAvailable = () => {
    for (let seat = 0; seat < map.totalSeats; seat++) if (stateOf(seat) === 'available') return seat;
    return 0;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      const next = move(geometry, focus < 0 ? firstAvailable() : focus, event.key);
      setFocus(next);
      setMessage('');
      scrollIntoView(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle(focus < 0 ? firstAvailable() : focus);
    }
  };

  const scrollIntoView = (seat: number) => {
    const { x, y } = seatPosition(geometry, seat);
    const element = box.current;
    if (!element) return;
    if (x < element.scrollLeft || x > element.scrollLeft + element.clientWidth - geometry.cell) element.scrollLeft = x - element.clientWidth / 2;
    const top = element.getBoundingClientRect().top + window.scrollY + y;
    if (top < window.scrollY || top > window.scrollY + window.innerHeight - 40) window.scrollTo({ top: top - window.innerHeight / 2 });
  };

  const pointAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return seatAt(geometry, event.clientX - rect.left, event.clientY - rect.top);
  };

  const shown = focus >= 0 ? focus : hover;
  const focusBox = focus >= 0 ? seatPosition(geometry, focus) : null;
  return (
    <div className="seatmap">
      <Legend geometry={geometry} ownerStatuses={ownerStatuses} />
      <div
        ref={box}
        className="seatmap-scroll"
        role="application"
        aria-roledescription="seat map"
        aria-label={`Seat map, ${map.totalSeats} seats. Arrow keys move between seats, Enter or Space picks one.`}
        aria-describedby={statusId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => focus < 0 && ready && setFocus(firstAvailable())}
        data-ready={ready ? 'true' : 'false'}
      >
        <div className="seatmap-inner" style={{ width: geometry.width, height: geometry.height }}>
          <canvas
            ref={canvas}
            onMouseMove={(event) => {
              const seat = pointAt(event);
              if (seat === hover) return;
              // the pointer on another seat: its name and state, not what a click said about an earlier one
              setHover(seat);
              setMessage('');
            }}
            onMouseLeave={() => setHover(-1)}
            onClick={(event) => {
              const seat = pointAt(event);
              setFocus(seat);
              toggle(seat);
            }}
          />
          {focusBox && (
            <span className="seat-focus" aria-hidden="true" style={{
              left: focusBox.x - 2, top: focusBox.y - 2, width: geometry.cell + 4, height: geometry.cell + 4,
            }} />
          )}
        </div>
      </div>
      <p className="seat-status" id={statusId} aria-live="polite" data-seat={shown >= 0 ? seatLabel(geometry, shown) : ''}>
        {message || (shown >= 0 ? `${seatName(geometry, shown)}, ${stateOf(shown)}` : ready ? 'Pick a seat on the map.' : 'Loading seats…')}
      </p>
    </div>
  );
}

function Legend({ geometry, ownerStatuses }: { geometry: Geometry; ownerStatuses: boolean }) {
  return (
    <ul className="legend" aria-label={ownerStatuses ? 'Grades and seat statuses' : 'Grades'}>
      {geometry.grades.map((grade, i) => (
        <li key={grade.name}>
          <span className="swatch" style={{ background: GRADE_COLOURS[i % GRADE_COLOURS.length] }} aria-hidden="true" />
          {grade.name} {Number(grade.price).toFixed(2)}
        </li>
      ))}
      {ownerStatuses ? (
        <>
          <li><span className="swatch" style={{ background: OWNER_COLOURS.held }} aria-hidden="true" />Held</li>
          <li><span className="swatch" style={{ background: OWNER_COLOURS.sold }} aria-hidden="true" />Sold</li>
          <li><span className="swatch swatch-blocked" style={{ background: OWNER_COLOURS.blocked }} aria-hidden="true" />Blocked</li>
        </>
      ) : <li><span className="swatch" style={{ background: UNAVAILABLE }} aria-hidden="true" />Not available</li>}
      <li><span className="swatch" style={{ background: SELECTED }} aria-hidden="true" />Your pick</li>
    </ul>
  );
}
