import { useState, type FormEvent } from 'react';
import { unwrap, users } from '../api/client';
import { saveTokens, sessionEnded } from '../api/session';
import { Field, FormMessage, errorState, noErrors, type FormState } from '../Form';
import { Link, navigate } from '../router';

/** Only a path of this site: never send someone to another origin after logging in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/';
}

async function logIn(username: string, password: string) {
  const tokens = await unwrap(users.POST('/api/v1/users/login', { body: { username, password } }));
  saveTokens({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, username });
}

export function LoginPage({ next }: { next: string | null }) {
  const [state, setState] = useState<FormState>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await logIn(String(form.get('username')), String(form.get('password')));
      navigate(safeNext(next), true);
    } catch (error) {
      setState(errorState(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>Log in</h1>
      {next && <p>{sessionEnded() ? 'Your session has ended: please log in again to go on.' : 'Please log in to go on.'}</p>}
      <form onSubmit={submit} noValidate>
        <FormMessage state={state} />
        <Field label="Username" name="username" autoComplete="username" required error={state.fieldErrors.username} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required
               error={state.fieldErrors.password} />
        <button type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p>No account yet? <Link href={`/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign up</Link></p>
    </section>
  );
}

export function SignupPage({ next }: { next: string | null }) {
  const [state, setState] = useState<FormState>(noErrors);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username'));
    const password = String(form.get('password'));
    const nickname = String(form.get('nickname') ?? '').trim();
    setBusy(true);
    try {
      await unwrap(users.POST('/api/v1/users/signup', {
        body: { username, password, email: String(form.get('email')), ...(nickname ? { nickname } : {}) },
      }));
      await logIn(username, password);
      navigate(safeNext(next), true);
    } catch (error) {
      setState(errorState(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>Sign up</h1>
      <form onSubmit={submit} noValidate>
        <FormMessage state={state} />
        <Field label="Username" name="username" autoComplete="username" required error={state.fieldErrors.username}
               hint="4 to 20 letters, digits or _" />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={state.fieldErrors.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required
               error={state.fieldErrors.password} />
        <Field label="Nickname (optional)" name="nickname" autoComplete="nickname" error={state.fieldErrors.nickname} />
        <button type="submit" disabled={busy}>{busy ? 'Signing up…' : 'Sign up'}</button>
      </form>
      <p>Already have an account? <Link href="/login">Log in</Link></p>
    </section>
  );
}
