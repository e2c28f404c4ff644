import { useCallback, useState } from 'react';
import { concerts, reservations, seats, unwrap } from '../api/client';
import { ApiError, describe } from '../api/problem';
import { dateTime, price } from '../format';
import { navigate, useLocation } from '../router';
import { SeatMap, type Picked } from '../seatmap/SeatMap';
import { useAsync } from '../useAsync';

export function ConcertPage({ id, signedIn }: { id: number; signedIn: boolean }) {
  const location = useLocation();
  const concert = useAsync(() => unwrap(concerts.GET('/api/v1/concerts/{id}', { params: { path: { id } } })), [id]);
  // the seat map follows the concert's creation by an event: a just-created concert may have none for a moment
  const map = useAsync(() => unwrap(seats.GET('/api/v1/concerts/{id}/seats', { params: { path: { id } } })), [id]);
  const [selected, setSelected] = useState<Picked[]>([]);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const onLost = useCallback((lost: Picked[]) => {
    setNotice(`Taken by someone else just now: ${lost.map((p) => p.name).join('; ')}.`);
  }, []);
  const onReady = useCallback(() => document.body.setAttribute('data-seatmap-ready', String(id)), [id]);

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

  const hold = async () => {
    if (!signedIn) {
      navigate(`/login?next=${encodeURIComponent(location.path)}`);
      return;
    }
    setBusy(true);
    setNotice('');
    try {
      const reservation = await unwrap(reservations.POST('/api/v1/concerts/{concertId}/reservations', {
        params: { path: { concertId: id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: { seats: selected.map((p) => p.label) },
      }));
      navigate(`/reservations/${reservation.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        navigate(`/login?next=${encodeURIComponent(location.path)}`);
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
        <SeatMap concertId={id} map={map.value} maxSeats={c.maxTicketsPerBuyer} selected={selected}
                 onChange={setSelected} onLost={onLost} onReady={onReady} />
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
