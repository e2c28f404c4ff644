// A concert's sales as its organiser sees them (reservation-service's GET /api/v1/concerts/{id}/sales, the owner's
// alone): seats sold, held, blocked and left, reservations by status, revenue by grade, and the latest reservations
// with their buyers' pseudonyms. The organiser's concert page refreshes them every few seconds, keeping the last
// answer on screen meanwhile.
import { useEffect, useState } from 'react';
import { reservations, unwrap } from '../api/client';
import { ApiError, describe } from '../api/problem';
import type { components } from '../api/schema/reservation-service';
import { dateTime, price } from '../format';

export type ConcertSales = components['schemas']['ConcertSales'];

const REFRESH_MS = 5000;
export const LATEST_SIZE = 10;

/** The sales, or null while reservation-service has not yet learnt of a new concert (its 404, by an event). */
export async function loadSales(concertId: number, page = 0, size = 0): Promise<ConcertSales | null> {
  try {
    return await unwrap(reservations.GET('/api/v1/concerts/{concertId}/sales', {
      params: { path: { concertId }, query: { page, size } },
    }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The sales with a page of the latest reservations, read again every few seconds and when `version` moves. */
export function useSales(concertId: number, page: number, version: number) {
  const [sales, setSales] = useState<ConcertSales | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const refresh = async () => {
      try {
        const next = await loadSales(concertId, page, LATEST_SIZE);
        if (live) {
          setSales(next);
          setError(null);
        }
      } catch (failure) {
        if (live) setError(failure);
      }
      if (live) timer = setTimeout(refresh, REFRESH_MS);
    };
    refresh();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [concertId, page, version]);
  return { sales, error };
}

export function SalesFigures({ sales }: { sales: ConcertSales }) {
  const r = sales.reservations;
  return (
    <div className="sales-figures" data-sold={sales.soldSeats} data-held={sales.heldSeats} data-blocked={sales.blockedSeats}
         data-remaining={sales.remainingSeats}>
      <p className="sales-figure">
        <strong>{sales.soldSeats}</strong> sold, <strong>{sales.heldSeats}</strong> held,{' '}
        <strong>{sales.blockedSeats}</strong> blocked, <strong>{sales.remainingSeats}</strong> left of {sales.totalSeats} seats;
        {' '}revenue <strong>{price(sales.revenue)}</strong>
      </p>
      <p>Reservations: {r.confirmed} confirmed, {r.held} held, {r.cancelled} cancelled, {r.expired} expired.</p>
      <table className="sales">
        <caption>By grade (revenue of confirmed reservations)</caption>
        <thead><tr><th scope="col">Grade</th><th scope="col">Price</th><th scope="col">Sold</th><th scope="col">Held</th>
          <th scope="col">Revenue</th></tr></thead>
        <tbody>
          {sales.grades.map((g) => (
            <tr key={g.grade}>
              <td>{g.grade}</td>
              <td>{g.price == null ? '' : price(g.price)}</td>
              <td>{g.soldSeats}</td>
              <td>{g.heldSeats}</td>
              <td>{price(g.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const STATUS_NAMES: Record<string, string> = { HELD: 'Held', CONFIRMED: 'Confirmed', CANCELLED: 'Cancelled', EXPIRED: 'Expired' };

export function LatestReservations({ sales, page, onPage }: { sales: ConcertSales; page: number; onPage: (page: number) => void }) {
  const latest = sales.latest;
  if (latest.totalElements === 0) return <p>No reservations yet.</p>;
  return (
    <>
      <table className="sales latest-reservations">
        <caption>The latest reservations ({latest.totalElements} in all, newest first)</caption>
        <thead><tr><th scope="col">Reservation</th><th scope="col">Buyer</th><th scope="col">Seats</th>
          <th scope="col">Total</th><th scope="col">Status</th><th scope="col">Held at</th></tr></thead>
        <tbody>
          {latest.content.map((sale) => (
            <tr key={sale.id}>
              <td>{sale.id}</td>
              <td>{sale.buyer}</td>
              <td>{sale.seats.join(', ')}</td>
              <td>{price(sale.total)}</td>
              <td>{STATUS_NAMES[sale.status] ?? sale.status}</td>
              <td>{dateTime(sale.heldAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {latest.totalPages > 1 && (
        <p className="pager">
          <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>Newer</button>
          <span>Page {page + 1} of {latest.totalPages}</span>
          <button type="button" disabled={page + 1 >= latest.totalPages} onClick={() => onPage(page + 1)}>Older</button>
        </p>
      )}
    </>
  );
}

export function salesError(error: unknown) {
  return <p role="alert" className="alert">The sales could not be read: {describe(error)}</p>;
}
