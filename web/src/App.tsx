import { useEffect, useState } from 'react';
import { Link, match, navigate, useLocation } from './router';
import { currentTokens, onSessionChange, saveTokens, sessionEnded } from './api/session';
import { ConcertListPage } from './pages/ConcertListPage';
import { ConcertPage } from './pages/ConcertPage';
import { LoginPage, SignupPage } from './pages/AccountPages';
import { MyReservationsPage, ReservationPage } from './pages/ReservationPages';
import { users } from './api/client';
import { canOrganise, roleOf } from './api/role';
import { AdminUsersPage } from './pages/AdminPage';
import { CompanyHomePage, ConcertFormPage, ManageConcertPage, VenueFormPage } from './pages/CompanyPages';

function useSession() {
  const [tokens, setTokens] = useState(currentTokens);
  useEffect(() => onSessionChange(setTokens), []);
  return tokens;
}

export function App() {
  const location = useLocation();
  const tokens = useSession();
  const role = roleOf(tokens);

  const logout = async () => {
    const refreshToken = tokens?.refreshToken;
    saveTokens(null);
    if (refreshToken) await users.POST('/api/v1/users/logout', { body: { refreshToken } }).catch(() => undefined);
    navigate('/');
  };

  let page;
  let params;
  if (match('/', location.path)) page = <ConcertListPage query={location.query} />;
  else if ((params = match('/concerts/:id', location.path))) page = <ConcertPage id={Number(params.id)} signedIn={!!tokens} />;
  else if (match('/login', location.path)) page = <LoginPage next={location.query.get('next')} />;
  else if (match('/signup', location.path)) page = <SignupPage next={location.query.get('next')} />;
  else if (!tokens && ['/reservations', '/company', '/admin'].some((p) => location.path.startsWith(p))) page = <LoginFirst path={location.path} />;
  else if (location.path.startsWith('/company') && !canOrganise(role)) page = <NotOrganiser />;
  else if (location.path.startsWith('/admin') && role !== 'ADMIN') page = <NotFound />;
  else if (match('/admin/users', location.path)) page = <AdminUsersPage query={location.query} />;
  else if (match('/company', location.path)) page = <CompanyHomePage />;
  else if (match('/company/venues/new', location.path)) page = <VenueFormPage />;
  else if (match('/company/concerts/new', location.path)) page = <ConcertFormPage />;
  else if ((params = match('/company/concerts/:id', location.path))) page = <ManageConcertPage id={Number(params.id)} posterError={location.query.get('poster')} />;
  else if (match('/reservations', location.path)) page = <MyReservationsPage />;
  else if ((params = match('/reservations/:id', location.path))) page = <ReservationPage id={Number(params.id)} />;
  else page = <NotFound />;

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link href="/" className="brand">Tickitecking</Link>
        <nav aria-label="Account">
          {tokens ? (
            <>
              {role === 'ADMIN' && <Link href="/admin/users">Accounts</Link>}
              {canOrganise(role) && <Link href="/company">Your concerts</Link>}
              <Link href="/reservations">My reservations</Link>
              <span className="who">{tokens.username ?? 'Signed in'}</span>
              <button type="button" className="link" onClick={logout}>Log out</button>
            </>
          ) : (
            <>
              <Link href={`/login?next=${encodeURIComponent(location.path)}`}>Log in</Link>
              <Link href="/signup">Sign up</Link>
            </>
          )}
        </nav>
      </header>
      {!tokens && sessionEnded() && !['/login', '/signup'].includes(location.path) && (
        <p role="alert" className="notice session-ended">
          Your session has ended. <Link href={`/login?next=${encodeURIComponent(location.path + (location.query.size ? `?${location.query}` : ''))}`}>Log in again</Link> to go on.
        </p>
      )}
      <main id="main">{page}</main>
    </>
  );
}

/** A page for signed-in users only, opened signed out (or the session ended): to the login, and back here after. */
function LoginFirst({ path }: { path: string }) {
  useEffect(() => navigate(`/login?next=${encodeURIComponent(path)}`, true), [path]);
  return null;
}

function NotOrganiser() {
  return (
    <section>
      <h1>For organisers</h1>
      <p>These pages are for companies that put concerts on. An administrator can make your account an organiser's.</p>
    </section>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p><Link href="/">See the concerts</Link></p>
    </section>
  );
}
