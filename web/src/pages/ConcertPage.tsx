import { useCallback, useRef, useState } from 'react';
import { concerts, reservations, seats, unwrap } from '../api/client';
import { ApiError, describe } from '../api/problem';
import { dateTime, price } from '../format';
import { navigate, useLocation } from '../router';
import { SeatMap, type Picked, type SeatMapHandle } from '../seatmap/SeatMap';
import { useAsync } from '../useAsync';

/** A hold refused because the seat locks were busy (`reason: busy`, Retry-After 1 s) is tried again this often. */
const BUSY_RETRIES = 2;
const BUSY_WAIT_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The seats a 409 problem names (`seats`) when it is of this `reason`, else none. */
function seatsRefused(error: unknown, reason: string): string[] {
  if (!(error instanceof ApiError) || error.status !== 409 || error.problem?.reason !== reason) return [];
  const named = error.problem?.seats;
  return Array.isArray(named) ? named.filter((s): s is string => typeof s === 'string') : [];
}

export function ConcertPage({ id, signedIn }: { id: number; signedIn: boolean }) {
  const location = useLocation();
  const concert = useAsync(() => unwrap(concerts.GET('/api/v1/concerts/{id}', { params: { path: { id } } })), [id]);
  // the seat map follows the concert's creation by an event: a just-created concert may have none for a moment
  const map = useAsync(() => unwrap(seats.GET('/api/v1/concerts/{id}/seats', { params: { path: { id } } })), [id]);
  const [selected, setSelected] = useState<Picked[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const seatMap = useRef<SeatMapHandle>(null);
  // the picks a user had before a login (`?seats=FLOOR-A-1,FLOOR-A-2`, see toLogin): picked again once the map is in
  const [restore] = useState(() => location.query.get('seats')?.split(',').filter(Boolean));
  const onLost = useCallback((lost: Picked[]) => {
    setNotice(`Taken by someone else just now: ${lost.map((p) => p.name).join('; ')}.`);
  }, []);
  const onReady = useCallback(() => {
    performance.mark('seatmap-ready');
    document.body.setAttribute('data-seatmap-ready', String(id));
  }, [id]);

  if (concert.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (concert.state === 'failed') {
    return (
      <section>
        <h1>{concert.error instanceof ApiError && concert.error.status === 404 ? 'Concert not found' : 'Could not load the concert'}</h1>
        <p role="alert" className="alert">{describe(concert.error)}</p>
      </section>
    );
  }
  const c = concert.value;
  const total = selected.reduce((sum, p) => sum + p.price, 0);

  /** To the login, and back to this concert with the same seats picked. */
  const toLogin = () => {
    const back = selected.length > 0 ? `${location.path}?seats=${selected.map((p) => p.label).join(',')}` : location.path;
    navigate(`/login?next=${encodeURIComponent(back)}`);
  };

  const holdOnce = () => unwrap(reservations.POST('/api/v1/concerts/{concertId}/reservations', {
    params: { path: { concertId: id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: { seats: selected.map((p) => p.label) },
  }));

  const hold = async () => {
    if (!signedIn) {
      toLogin();
      return;
    }
    setBusy(true);
    setNotice('');
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const reservation = await holdOnce();
          navigate(`/reservations/${reservation.id}`);
          return;
        } catch (error) {
          // another buyer's hold of the same seats was being made: it ends in a moment, one way or the other
          if (seatsRefused(error, 'busy').length === 0 || attempt >= BUSY_RETRIES) throw error;
          await sleep(BUSY_WAIT_MS);
        }
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // the session ended (its refresh was refused): log in, and come back with these picks
        toLogin();
        return;
      }
      const taken = seatsRefused(error, 'taken');
      if (taken.length > 0) {
        // someone else got there first: the map shows those seats taken now, not at its next poll
        const lost = seatMap.current?.markTaken(taken) ?? [];
        const names = lost.length > 0 ? lost.map((p) => p.name) : taken;
        setNotice(`Someone else got there first: ${names.join('; ')} ${names.length === 1 ? 'is' : 'are'} taken. `
          + 'Pick another seat and hold again.');
        return;
      }
      setNotice(describe(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="concert">
      <div className="concert-head">
        {c.posterUrl ? <img className="poster" src={c.posterUrl} alt={`Poster of ${c.name}`} /> : null}
        <div>
          <h1>{c.name}</h1>
          <p className="when">{dateTime(c.startTime)}</p>
          <p>{c.venue.name}, {c.venue.address}</p>
          {c.description && <p>{c.description}</p>}
          <p>{c.remainingSeats} of {c.totalSeats} seats left · up to {c.maxTicketsPerBuyer} per buyer</p>
          <h2>Grades</h2>
          <ul className="grades">
            {c.grades.map((g) => <li key={g.name}><strong>{g.name}</strong> {price(g.price)} <span>({g.seats} seats)</span></li>)}
          </ul>
        </div>
      </div>

      <h2>Seats</h2>
      {map.state === 'loading' && <p aria-live="polite">Loading the seat map…</p>}
      {map.state === 'failed' && <p role="alert" className="alert">{describe(map.error)}</p>}
      {map.state === 'done' && (
        <SeatMap ref={seatMap} concertId={id} map={map.value} maxSeats={c.maxTicketsPerBuyer} selected={selected}
                 onChange={setSelected} onLost={onLost} onReady={onReady} restore={restore} />
      )}

      <section className="picked" aria-labelledby="picked-title">
        <h2 id="picked-title">Your seats</h2>
        <div role="status" className={notice ? 'notice' : undefined}>{notice}</div>
        {selected.length === 0 ? <p>None picked yet.</p> : (
          <>
            <ul>
              {selected.map((p) => (
                <li key={p.index}>
                  {p.name}
                  <button type="button" className="link" aria-label={`Remove ${p.name}`}
                          onClick={() => setSelected(selected.filter((s) => s.index !== p.index))}>Remove</button>
                </li>
              ))}
            </ul>
            <p className="total">Total {price(total)}</p>
            <button type="button" onClick={hold} disabled={busy}>{busy ? 'Holding…' : signedIn ? 'Hold these seats' : 'Log in to hold these seats'}</button>
          </>
        )}
      </section>
    </article>
  );
}
