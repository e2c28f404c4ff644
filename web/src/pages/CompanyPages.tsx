// The organiser's pages: their venues and concerts with each one's sales (sold, held, left, revenue), a venue
// with its layout drawn before saving, a concert on one of their venues with grades, prices, sale window, waiting
// room and poster, and a concert's sales, latest reservations and seat map (held, sold and blocked seats drawn apart)
// to block and unblock seats. Every form shows the server's field errors
// beside their fields (Form.tsx); the services decide who may do what.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { concerts, media, seats, unwrap } from '../api/client';
import { ApiError, describe } from '../api/problem';
import { Field, FormMessage, errorState, errorsAt, noErrors, type FormState } from '../Form';
import { dateTime, price } from '../format';
import { Link, navigate } from '../router';
import { SeatMap, type Picked } from '../seatmap/SeatMap';
import { useAsync } from '../useAsync';
import { LayoutPreview, type DraftSection } from './LayoutPreview';
import { LatestReservations, SalesFigures, loadSales, salesError, useSales, type ConcertSales } from './Sales';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A read that follows a write by an event (the seat map, media-service's concert): a 404 is retried for a while. */
async function eventually<T>(load: () => Promise<T>, attempts = 40): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await load();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404) || i >= attempts) throw error;
      await sleep(500);
    }
  }
}

const myVenues = () => unwrap(concerts.GET('/api/v1/auditoriums', { params: { query: { size: 100 } } }));

const CONCERTS_PER_PAGE = 20;

/** A page of the organiser's own concerts (owner=me), each with its sales figures (null while not yet known). */
async function myConcerts(page: number) {
  const found = await unwrap(concerts.GET('/api/v1/concerts', { params: { query: { owner: 'me', page, size: CONCERTS_PER_PAGE } } }));
  const sales = await Promise.all(found.content.map((c) => loadSales(c.id).catch(() => null)));
  return { ...found, content: found.content.map((c, i) => ({ ...c, sales: sales[i] })) };
}

function SalesCells({ sales }: { sales: ConcertSales | null }) {
  if (!sales) return <><td colSpan={4}>not yet known</td></>;
  return (
    <>
      <td>{sales.soldSeats}</td>
      <td>{sales.heldSeats}</td>
      <td>{sales.remainingSeats} of {sales.totalSeats}</td>
      <td>{price(sales.revenue)}</td>
    </>
  );
}

export function CompanyHomePage() {
  const [page, setPage] = useState(0);
  const data = useAsync(async () => {
    const [venues, mine] = await Promise.all([myVenues(), myConcerts(page)]);
    return { venues: venues.content, concerts: mine };
  }, [page]);
  return (
    <section>
      <h1>Your venues and concerts</h1>
      <p className="actions">
        <Link href="/company/venues/new">New venue</Link>
        <Link href="/company/concerts/new">New concert</Link>
      </p>
      {data.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {data.state === 'failed' && <p role="alert" className="alert">{describe(data.error)}</p>}
      {data.state === 'done' && (
        <>
          <h2>Concerts</h2>
          {data.value.concerts.totalElements === 0 ? <p>No concerts yet.</p> : (
            <>
              <table className="sales">
                <caption>Sales: seats sold (confirmed), held, left; revenue of the confirmed reservations</caption>
                <thead><tr><th scope="col">Concert</th><th scope="col">Date</th><th scope="col">Venue</th>
                  <th scope="col">Sold</th><th scope="col">Held</th><th scope="col">Seats left</th><th scope="col">Revenue</th></tr></thead>
                <tbody>
                  {data.value.concerts.content.map((c) => (
                    <tr key={c.id}>
                      <td><Link href={`/company/concerts/${c.id}`}>{c.name}</Link></td>
                      <td>{dateTime(c.startTime)}</td>
                      <td>{c.venueName}</td>
                      <SalesCells sales={c.sales} />
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.value.concerts.totalPages > 1 && (
                <nav className="pager" aria-label="Pages of concerts">
                  <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
                  <span>Page {page + 1} of {data.value.concerts.totalPages}</span>
                  <button type="button" disabled={page + 1 >= data.value.concerts.totalPages} onClick={() => setPage(page + 1)}>Next</button>
                </nav>
              )}
            </>
          )}
          <h2>Venues</h2>
          {data.value.venues.length === 0 ? <p>No venues yet.</p> : (
            <ul>{data.value.venues.map((v) => <li key={v.id}>{v.name}, {v.address}: {v.totalSeats} seats</li>)}</ul>
          )}
        </>
      )}
    </section>
  );
}

// ---- a venue ---------------------------------------------------------------------------------------------------------

const numberOrUndefined = (value: string) => (value.trim() === '' ? undefined : Number(value));

export function VenueFormPage() {
  const [sections, setSections] = useState<DraftSection[]>([{ code: 'FLOOR', name: 'Floor', rows: 10, seatsPerRow: 20 }]);
  const [state, setState] = useState<FormState>(noErrors);
  const [busy, setBusy] = useState(false);
  const change = (i: number, part: Partial<DraftSection>) => setSections(sections.map((s, j) => (j === i ? { ...s, ...part } : s)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await unwrap(concerts.POST('/api/v1/auditoriums', { body: {
        name: String(form.get('name')), address: String(form.get('address')),
        layout: { sections: sections.map((s, i) => ({
          code: s.code, ...(s.name ? { name: s.name } : {}),
          rowCount: numberOrUndefined(String(form.get(`rows-${i}`))), seatsPerRow: numberOrUndefined(String(form.get(`seats-${i}`))),
        })) },
      } }));
      navigate('/company/concerts/new');
    } catch (error) {
      setState(errorState(error));
    } finally {
      setBusy(false);
    }
  };

  const e = state.fieldErrors;
  return (
    <section>
      <h1>New venue</h1>
      <form onSubmit={submit} noValidate className="company-form">
        <FormMessage state={state} />
        <Field label="Name" name="name" required error={e.name} />
        <Field label="Address" name="address" required error={e.address} />
        <fieldset>
          <legend>Sections</legend>
          {errorsAt(e, 'layout') && !sections.some((_, i) => errorsAt(e, `layout.sections[${i}]`))
            && <p className="field-error" data-field="layout">{errorsAt(e, 'layout')}</p>}
          {sections.map((s, i) => (
            <fieldset key={i} className="row-fields">
              <legend>Section {i + 1}</legend>
              <Field label="Code" name={`code-${i}`} value={s.code} hint="Capitals and digits, as in seat names (FLOOR-A-1)"
                     onChange={(ev) => change(i, { code: ev.target.value })} error={e[`layout.sections[${i}].code`]} />
              <Field label="Name" name={`sname-${i}`} value={s.name} onChange={(ev) => change(i, { name: ev.target.value })}
                     error={e[`layout.sections[${i}].name`]} />
              <Field label="Rows" name={`rows-${i}`} type="number" inputMode="numeric" value={Number.isNaN(s.rows) ? '' : s.rows}
                     onChange={(ev) => change(i, { rows: ev.target.valueAsNumber })}
                     error={e[`layout.sections[${i}].rowCount`] ?? e[`layout.sections[${i}]`]} />
              <Field label="Seats per row" name={`seats-${i}`} type="number" inputMode="numeric"
                     value={Number.isNaN(s.seatsPerRow) ? '' : s.seatsPerRow}
                     onChange={(ev) => change(i, { seatsPerRow: ev.target.valueAsNumber })} error={e[`layout.sections[${i}].seatsPerRow`]} />
              {sections.length > 1 && (
                <button type="button" className="link" onClick={() => setSections(sections.filter((_, j) => j !== i))}>
                  Remove section {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => setSections([...sections, { code: '', name: '', rows: 5, seatsPerRow: 10 }])}>
            Add a section
          </button>
        </fieldset>
        <LayoutPreview sections={sections.map((s) => ({ ...s, rows: s.rows || 0, seatsPerRow: s.seatsPerRow || 0 }))} />
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save the venue'}</button>
      </form>
    </section>
  );
}

// ---- a concert -------------------------------------------------------------------------------------------------------

interface DraftGrade { name: string; price: string; section: string; rows: string }

/** A datetime-local input's value as an instant, or undefined when empty. */
const instant = (value: FormDataEntryValue | null) => (value ? new Date(String(value)).toISOString() : undefined);

export function ConcertFormPage() {
  const venues = useAsync(myVenues, []);
  const [venueId, setVenueId] = useState<number | null>(null);
  const [grades, setGrades] = useState<DraftGrade[] | null>(null);
  const [state, setState] = useState<FormState>(noErrors);
  const [busy, setBusy] = useState('');
  const list = venues.state === 'done' ? venues.value.content : [];
  const venue = list.find((v) => v.id === venueId) ?? list[0];
  // one grade per section of the venue until the organiser changes them
  const shown = grades ?? (venue ? venue.layout.sections.map((s, i) => ({ name: i === 0 ? 'VIP' : `Grade ${i + 1}`, price: '', section: s.code, rows: '' })) : []);
  const change = (i: number, part: Partial<DraftGrade>) => setGrades(shown.map((g, j) => (j === i ? { ...g, ...part } : g)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const poster = form.get('poster');
    const maxTickets = String(form.get('maxTicketsPerBuyer') ?? '').trim();
    setBusy('Saving…');
    setState(noErrors);
    try {
      const concert = await unwrap(concerts.POST('/api/v1/concerts', { body: {
        name: String(form.get('name')),
        description: String(form.get('description') ?? ''),
        startTime: instant(form.get('startTime')) as string,
        auditoriumId: venue?.id as number,
        ...(maxTickets ? { maxTicketsPerBuyer: Number(maxTickets) } : {}),
        saleStartsAt: instant(form.get('saleStartsAt')),
        saleEndsAt: instant(form.get('saleEndsAt')),
        waitingRoom: form.get('waitingRoom') === 'on',
        grades: shown.map((g) => ({
          name: g.name, price: g.price.trim() === '' ? (undefined as unknown as number) : Number(g.price),
          areas: [{ section: g.section, ...(g.rows.trim() ? { rows: g.rows.split(/[\s,]+/).filter(Boolean) } : {}) }],
        })),
      } }));
      if (poster instanceof File && poster.size > 0) {
        setBusy('Uploading the poster…');
        try {
          await uploadPoster(concert.id, poster);
        } catch (error) {
          // the concert is saved: its page says the poster failed and takes another
          navigate(`/company/concerts/${concert.id}?poster=${encodeURIComponent(describe(error))}`);
          return;
        }
      }
      navigate(`/company/concerts/${concert.id}`);
    } catch (error) {
      setState(errorState(error));
    } finally {
      setBusy('');
    }
  };

  if (venues.state === 'loading') return <p aria-live="polite">Loading…</p>;
  if (venues.state === 'failed') return <p role="alert" className="alert">{describe(venues.error)}</p>;
  if (list.length === 0) return <section><h1>New concert</h1><p>First <Link href="/company/venues/new">create a venue</Link>.</p></section>;
  const e = state.fieldErrors;
  return (
    <section>
      <h1>New concert</h1>
      <form onSubmit={submit} noValidate className="company-form">
        <FormMessage state={state} />
        <div className="field">
          <label htmlFor="venue">Venue</label>
          <select id="venue" name="auditoriumId" value={venue?.id} onChange={(ev) => { setVenueId(Number(ev.target.value)); setGrades(null); }}>
            {list.map((v) => <option key={v.id} value={v.id}>{v.name} ({v.totalSeats} seats)</option>)}
          </select>
          {e.auditoriumId && <p className="field-error" data-field="auditoriumId">{e.auditoriumId}</p>}
        </div>
        <Field label="Name" name="name" required error={e.name} />
        <Field label="Description" name="description" error={e.description} />
        <Field label="Starts at" name="startTime" type="datetime-local" required error={e.startTime} />
        <Field label="Tickets per buyer at most" name="maxTicketsPerBuyer" type="number" inputMode="numeric" error={e.maxTicketsPerBuyer} />
        <Field label="Sale starts at (optional)" name="saleStartsAt" type="datetime-local" error={e.saleStartsAt} />
        <Field label="Sale ends at (optional)" name="saleEndsAt" type="datetime-local" error={e.saleEndsAt} />
        <div className="field check">
          <label><input type="checkbox" name="waitingRoom" /> Waiting room: buyers queue and are let in turn by turn</label>
          {e.waitingRoom && <p className="field-error" data-field="waitingRoom">{e.waitingRoom}</p>}
        </div>
        <fieldset>
          <legend>Grades</legend>
          <p>Every row of the venue needs a grade: a section, or some of its rows (A, B, …).</p>
          {e.grades && <p className="field-error" data-field="grades">{e.grades}</p>}
          {shown.map((g, i) => (
            <fieldset key={i} className="row-fields">
              <legend>Grade {i + 1}</legend>
              <Field label="Name" name={`grade-${i}`} value={g.name} onChange={(ev) => change(i, { name: ev.target.value })}
                     error={e[`grades[${i}].name`]} />
              <Field label="Price" name={`price-${i}`} inputMode="decimal" value={g.price}
                     onChange={(ev) => change(i, { price: ev.target.value })} error={e[`grades[${i}].price`]} />
              <div className="field">
                <label htmlFor={`section-${i}`}>Section</label>
                <select id={`section-${i}`} value={g.section} onChange={(ev) => change(i, { section: ev.target.value })}>
                  {venue.layout.sections.map((s) => <option key={s.code} value={s.code}>{s.name || s.code}</option>)}
                </select>
              </div>
              <Field label="Rows (optional, all when empty)" name={`rows-${i}`} value={g.rows} hint="e.g. A, B, C"
                     onChange={(ev) => change(i, { rows: ev.target.value })} error={errorsAt(e, `grades[${i}].areas`)} />
              {shown.length > 1 && <button type="button" className="link" onClick={() => setGrades(shown.filter((_, j) => j !== i))}>Remove grade {i + 1}</button>}
            </fieldset>
          ))}
          <button type="button" onClick={() => setGrades([...shown, { name: '', price: '', section: venue.layout.sections[0].code, rows: '' }])}>
            Add a grade
          </button>
        </fieldset>
        <div className="field">
          <label htmlFor="poster">Poster (JPEG, PNG or WebP)</label>
          <input id="poster" name="poster" type="file" accept="image/jpeg,image/png,image/webp" />
        </div>
        <button type="submit" disabled={!!busy}>{busy || 'Save the concert'}</button>
      </form>
    </section>
  );
}

/** The poster, through media-service; it learns of a new concert by an event, so a 404 is retried for a while. */
async function uploadPoster(concertId: number, file: File) {
  await eventually(() => {
    const form = new FormData();
    form.append('kind', 'POSTER');
    form.append('file', file, file.name);
    return unwrap(media.POST('/api/v1/concerts/{concertId}/images', {
      params: { path: { concertId } }, body: form as never, bodySerializer: (body: unknown) => body as FormData,
    }));
  });
}

// ---- a concert's sales and seats -------------------------------------------------------------------------------------

export function ManageConcertPage({ id, posterError }: { id: number; posterError: string | null }) {
  const [version, setVersion] = useState(0);
  const concert = useAsync(() => unwrap(concerts.GET('/api/v1/concerts/{id}', { params: { path: { id } } })), [id, version]);
  const map = useAsync(() => eventually(() => unwrap(seats.GET('/api/v1/concerts/{id}/seats', { params: { path: { id } } }))), [id]);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [notice, setNotice] = useState(posterError ? `The concert is saved, but not its poster: ${posterError}` : '');
  const [busy, setBusy] = useState(false);
  const [salesPage, setSalesPage] = useState(0);
  const { sales, error: salesFailure } = useSales(id, salesPage, version);
  const noLoss = useCallback(() => undefined, []);
  const onReady = useCallback(() => document.body.setAttribute('data-seatmap-ready', String(id)), [id]);

  const change = async (status: 'BLOCKED' | 'AVAILABLE') => {
    setBusy(true);
    const done: string[] = [];
    const failed: string[] = [];
    for (const seat of picked) {
      try {
        await unwrap(seats.PATCH('/api/v1/concerts/{id}/seats/{seat}', { params: { path: { id, seat: seat.label } }, body: { status } }));
        done.push(seat.name);
      } catch (error) {
        failed.push(`${seat.name}: ${describe(error)}`);
      }
    }
    setNotice([done.length ? `${status === 'BLOCKED' ? 'Blocked' : 'Unblocked'}: ${done.join('; ')}.` : '', ...failed].filter(Boolean).join(' '));
    setPicked([]);
    setBusy(false);
    setVersion(version + 1);
  };

  const posterUpload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('poster');
    if (!(file instanceof File) || file.size === 0) return;
    try {
      await uploadPoster(id, file);
      setNotice('The poster is uploaded; it shows once it is processed.');
    } catch (error) {
      setNotice(`The poster was not uploaded: ${describe(error)}`);
    }
  };

  const grades = useMemo(() => (concert.state === 'done' ? concert.value.grades : []), [concert]);
  if (concert.state === 'failed') return <p role="alert" className="alert">{describe(concert.error)}</p>;
  const c = concert.state === 'done' ? concert.value : null;
  return (
    <article>
      <p><Link href="/company">Your venues and concerts</Link></p>
      {c ? (
        <div className="concert-head">
          {c.posterUrl ? <img className="poster" src={c.posterUrl} alt={`Poster of ${c.name}`} /> : null}
          <div>
            <h1>{c.name}</h1>
            <p className="when">{dateTime(c.startTime)} · {c.venue.name}</p>
            <p>Sale {c.saleStartsAt ? `from ${dateTime(c.saleStartsAt)}` : 'open'}{c.saleEndsAt ? ` until ${dateTime(c.saleEndsAt)}` : ''}
              {c.waitingRoom ? ', with a waiting room' : ''}</p>
            <ul className="grades">
              {grades.map((g) => <li key={g.name}><strong>{g.name}</strong> {price(g.price)} ({g.seats} seats)</li>)}
            </ul>
            <p><Link href={`/concerts/${c.id}`}>The buyers' page</Link></p>
          </div>
        </div>
      ) : <p aria-live="polite">Loading…</p>}

      <h2>Sales</h2>
      {salesFailure ? salesError(salesFailure) : null}
      {sales ? (
        <>
          <SalesFigures sales={sales} />
          <h3>Latest reservations</h3>
          <LatestReservations sales={sales} page={salesPage} onPage={setSalesPage} />
        </>
      ) : !salesFailure && <p aria-live="polite">Reading the sales…</p>}

      <h2>Block and unblock seats</h2>
      <p>Pick seats on the map, then block them (not for sale) or make them available again. Held and sold seats stay as they are.</p>
      {map.state === 'loading' && <p aria-live="polite">Loading the seat map…</p>}
      {map.state === 'failed' && <p role="alert" className="alert">{describe(map.error)}</p>}
      {map.state === 'done' && c && (
        <SeatMap concertId={id} map={map.value} maxSeats={100} selected={picked} onChange={setPicked} onLost={noLoss}
                 onReady={onReady} pickAny ownerStatuses />
      )}
      {picked.length > 0 && <ul className="picked-seats" aria-label="Picked seats">{picked.map((p) => <li key={p.index}>{p.name}</li>)}</ul>}
      <div role="status" className={notice ? 'notice' : undefined}>{notice}</div>
      <p className="actions">
        <button type="button" disabled={busy || picked.length === 0} onClick={() => change('BLOCKED')}>Block {picked.length || ''} picked</button>
        <button type="button" disabled={busy || picked.length === 0} onClick={() => change('AVAILABLE')}>Unblock {picked.length || ''} picked</button>
      </p>

      <h2>Poster</h2>
      <form onSubmit={posterUpload} className="actions">
        <div className="field">
          <label htmlFor="new-poster">A new poster (JPEG, PNG or WebP)</label>
          <input id="new-poster" name="poster" type="file" accept="image/jpeg,image/png,image/webp" />
        </div>
        <button type="submit">Upload</button>
      </form>
    </article>
  );
}
