import { useEffect, useState } from 'react';
import { reservations, unwrap } from '../api/client';
import { describe } from '../api/problem';
import type { components } from '../api/schema/reservation-service';
import { dateTime, price } from '../format';
import { Link } from '../router';
import { useAsync } from '../useAsync';

type Reservation = components['schemas']['ReservationResponse'];

const STATUS: Record<Reservation['status'], string> = {
  HELD: 'Held', CONFIRMED: 'Confirmed', CANCELLED: 'Cancelled', EXPIRED: 'Expired',
};

/** mm:ss left until `until`, ticking every second; 0 once it passed. */
function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.floor((Date.parse(until) - now) / 1000)) : 0;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A hold with its countdown, confirm (checkout) and cancel; a confirmed one can be cancelled too. */
export function ReservationPage({ id }: { id: number }) {
  const [version, setVersion] = useState(0);
  const loaded = useAsync(() => unwrap(reservations.GET('/api/v1/reservations/{id}', { params: { path: { id } } })), [id, version]);
  const [current, setCurrent] = useState<Reservation | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const reservation = current ?? (loaded.state === 'done' ? loaded.value : null);
  const left = useSecondsLeft(reservation?.status === 'HELD' ? reservation.expiresAt : undefined);

  if (!reservation) {
    if (loaded.state === 'failed') return <section><h1>Reservation</h1><p role="alert" className="alert">{describe(loaded.error)}</p></section>;
    return <p aria-live="polite">Loading…</p>;
  }

  const act = async (what: 'confirm' | 'cancel') => {
    setBusy(true);
    setMessage('');
    try {
      const next = what === 'confirm'
        ? await unwrap(reservations.POST('/api/v1/reservations/{id}/confirm', { params: { path: { id } } }))
        : await unwrap(reservations.DELETE('/api/v1/reservations/{id}', { params: { path: { id } } }));
      setCurrent(next);
      setMessage(what === 'confirm' ? 'Confirmed: the seats are yours.' : 'Cancelled: the seats are free again.');
    } catch (error) {
      setMessage(describe(error));
      setCurrent(null);
      setVersion((v) => v + 1);
    } finally {
      setBusy(false);
    }
  };

  const held = reservation.status === 'HELD' && left > 0;
  return (
    <section>
      <h1>Reservation {reservation.id}</h1>
      <p><Link href={`/concerts/${reservation.concertId}`}>{reservation.concertName}</Link> · {dateTime(reservation.concertStartTime)}</p>
      <p className="status">Status: <strong data-status={reservation.status}>{reservation.status === 'HELD' && left === 0 ? 'Expired' : STATUS[reservation.status]}</strong></p>
      {held && (
        <p className="countdown" role="timer" aria-label={`Time left to confirm: ${clock(left)}`}>
          Held for you for <strong>{clock(left)}</strong>
        </p>
      )}
      <ul>
        {reservation.seats.map((s) => <li key={s.seat}>{s.seat} · {s.grade} · {price(s.price)}</li>)}
      </ul>
      <p className="total">Total {price(reservation.total)}</p>
      <div role="status" className={message ? 'notice' : undefined}>{message}</div>
      <div className="actions">
        {held && <button type="button" onClick={() => act('confirm')} disabled={busy}>Confirm and pay</button>}
        {(held || reservation.status === 'CONFIRMED') && (
          <button type="button" className="secondary" onClick={() => act('cancel')} disabled={busy}>Cancel reservation</button>
        )}
      </div>
      <p><Link href="/reservations">My reservations</Link></p>
    </section>
  );
}

export function MyReservationsPage() {
  const list = useAsync(() => unwrap(reservations.GET('/api/v1/users/me/reservations', { params: { query: { page: 0, size: 50 } } })), []);
  return (
    <section>
      <h1>My reservations</h1>
      {list.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {list.state === 'failed' && <p role="alert" className="alert">{describe(list.error)}</p>}
      {list.state === 'done' && (list.value.content.length === 0 ? <p>No reservations yet.</p> : (
        <ul className="reservations">
          {list.value.content.map((r) => (
            <li key={r.id}>
              <Link href={`/reservations/${r.id}`}>{r.concertName}</Link> · {STATUS[r.status]} · {r.seats.map((s) => s.seat).join(', ')} · {price(r.total)}
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
