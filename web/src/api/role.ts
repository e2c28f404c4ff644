// The signed-in user's role, read from the access token's `role` claim (user-service's AccessTokens): it only decides
// which links and pages the client shows; the services decide what the user may do.
import type { Tokens } from './session';

export type Role = 'USER' | 'COMPANY_USER' | 'ADMIN';

export function roleOf(tokens: Tokens | null): Role | null {
  if (!tokens) return null;
  try {
    const payload = tokens.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { role?: Role };
    return claims.role ?? null;
  } catch {
    return null;
  }
}

export const canOrganise = (role: Role | null) => role === 'COMPANY_USER' || role === 'ADMIN';
