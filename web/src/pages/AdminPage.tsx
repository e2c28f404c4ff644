// The administrator's page: every account (user-service lists them by id, 50 a page, the page in the address), and
// a change of an account's role, which takes effect with that account's next access token.
import { useState } from 'react';
import { unwrap, users } from '../api/client';
import { describe } from '../api/problem';
import type { Role } from '../api/role';
import { dateTime } from '../format';
import { navigate } from '../router';
import { useAsync } from '../useAsync';

const ROLES: Role[] = ['USER', 'COMPANY_USER', 'ADMIN'];
const ROLE_NAMES: Record<Role, string> = { USER: 'Buyer', COMPANY_USER: 'Organiser', ADMIN: 'Administrator' };
const SIZE = 50;

export function AdminUsersPage({ query }: { query: URLSearchParams }) {
  const page = Math.max(0, Number(query.get('page') ?? 0) || 0);
  const [version, setVersion] = useState(0);
  const list = useAsync(() => unwrap(users.GET('/api/v1/admin/users', { params: { query: { page, size: SIZE } } })), [page, version]);
  const [notice, setNotice] = useState('');

  const change = async (id: number, username: string, role: Role) => {
    setNotice('');
    try {
      await unwrap(users.PUT('/api/v1/admin/users/{id}/role', { params: { path: { id } }, body: { role } }));
      setNotice(`${username} is now: ${ROLE_NAMES[role]}. It takes effect with their next login or token refresh.`);
      setVersion(version + 1);
    } catch (error) {
      setNotice(`${username}: ${describe(error)}`);
      // the list may be stale (the account deleted meanwhile): show it as it is now
      setVersion(version + 1);
    }
  };
  const go = (to: number) => navigate(`/admin/users?page=${to}`);

  return (
    <section>
      <h1>Accounts</h1>
      <div role="status" className={notice ? 'notice' : undefined}>{notice}</div>
      {list.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {list.state === 'failed' && <p role="alert" className="alert">{describe(list.error)}</p>}
      {list.state === 'done' && (
        <>
          <table className="sales">
            <caption>{list.value.totalElements} accounts, by id</caption>
            <thead><tr><th scope="col">Id</th><th scope="col">Username</th><th scope="col">Email</th>
              <th scope="col">Since</th><th scope="col">Role</th></tr></thead>
            <tbody>
              {list.value.content.map((u) => (
                <tr key={u.id}>
                  <td>{u.id}</td>
                  <td>{u.username}{u.deleted ? ' (deleted)' : ''}</td>
                  <td>{u.email}</td>
                  <td>{dateTime(u.createdAt)}</td>
                  <td>
                    <select aria-label={`Role of ${u.username}`} value={u.role} disabled={u.deleted}
                            onChange={(ev) => change(u.id, u.username, ev.target.value as Role)}>
                      {ROLES.map((r) => <option key={r} value={r}>{ROLE_NAMES[r]}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.value.totalPages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={page === 0} onClick={() => go(page - 1)}>Previous</button>
              <span>Page {page + 1} of {list.value.totalPages}</span>
              <button type="button" disabled={page + 1 >= list.value.totalPages} onClick={() => go(page + 1)}>Next</button>
              <button type="button" disabled={page + 1 >= list.value.totalPages} onClick={() => go(list.value.totalPages - 1)}>Last</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
