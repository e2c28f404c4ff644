import type { FormEvent } from 'react';
import { concerts, unwrap } from '../api/client';
import { describe } from '../api/problem';
import { dateTime, dayAfter, price, startOfDay } from '../format';
import { Link, navigate } from '../router';
import { useAsync } from '../useAsync';

const PAGE_SIZE = 12;

/** The search lives in the address (name, from, to, page), so back, reload and a shared link show the same list. */
export function ConcertListPage({ query }: { query: URLSearchParams }) {
  const name = query.get('name') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const page = Math.max(0, Number(query.get('page') ?? '0') || 0);

  const list = useAsync(() => unwrap(concerts.GET('/api/v1/concerts', {
    params: {
      query: {
        ...(name ? { name } : {}),
        ...(from ? { from: startOfDay(from) } : {}),
        ...(to ? { to: dayAfter(to) } : {}),
        page,
        size: PAGE_SIZE,
      },
    },
  })), [name, from, to, page]);

  const go = (next: Record<string, string | number>) => {
    const params = new URLSearchParams();
    Object.entries({ name, from, to, page, ...next }).forEach(([key, value]) => {
      if (value !== '' && !(key === 'page' && value === 0)) params.set(key, String(value));
    });
    const search = params.toString();
    navigate(search ? `/?${search}` : '/');
  };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    go({ name: String(form.get('name')).trim(), from: String(form.get('from')), to: String(form.get('to')), page: 0 });
  };

  return (
    <section>
      <h1>Concerts</h1>
      <form className="search" role="search" onSubmit={search} key={`${name}|${from}|${to}`}>
        <div className="field">
          <label htmlFor="search-name">Name</label>
          <input id="search-name" name="name" type="search" defaultValue={name} placeholder="Artist or concert" />
        </div>
        <div className="field">
          <label htmlFor="search-from">From</label>
          <input id="search-from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="search-to">To</label>
          <input id="search-to" name="to" type="date" defaultValue={to} />
        </div>
        <button type="submit">Search</button>
      </form>

      {list.state === 'loading' && <p aria-live="polite">Loading concerts…</p>}
      {list.state === 'failed' && <p role="alert" className="alert">{describe(list.error)}</p>}
      {list.state === 'done' && (
        <>
          <p aria-live="polite" className="count">
            {list.value.totalElements === 0 ? 'No concerts match.'
              : `${list.value.totalElements} concert${list.value.totalElements === 1 ? '' : 's'}`}
          </p>
          <ul className="cards">
            {list.value.content.map((concert) => (
              <li key={concert.id} className="card">
                {concert.posterUrl ? <img src={concert.posterUrl} alt="" loading="lazy" /> : <div className="no-poster" aria-hidden="true" />}
                <h2><Link href={`/concerts/${concert.id}`}>{concert.name}</Link></h2>
                <p>{dateTime(concert.startTime)} · {concert.venueName}</p>
                <p>
                  {concert.lowestPrice !== undefined && concert.lowestPrice !== null && <>From {price(concert.lowestPrice)} · </>}
                  {concert.remainingSeats} of {concert.totalSeats} seats left
                </p>
              </li>
            ))}
          </ul>
          {list.value.totalPages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={page === 0} onClick={() => go({ page: page - 1 })}>Previous</button>
              <span>Page {page + 1} of {list.value.totalPages}</span>
              <button type="button" disabled={page + 1 >= list.value.totalPages} onClick={() => go({ page: page + 1 })}>Next</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
