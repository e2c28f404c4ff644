import { describe, expect, it } from 'vitest';
import { toApiError } from './problem';
import { retryAfterMs } from './client';

describe('problem+json as a readable message', () => {
  it('keeps the field errors by field', () => {
    const error = toApiError(400, { title: 'Bad Request', status: 400, detail: 'Invalid request content.',
      errors: [{ field: 'username', message: 'must be 4-20 letters' }, { field: 'email', message: 'must be an email' },
        { field: 'username', message: 'is taken' }] });
    expect(error.fieldErrors).toEqual({ username: 'must be 4-20 letters; is taken', email: 'must be an email' });
    expect(error.message).toBe('Invalid request content.');
  });

  it("puts a refusal about one field (`field`) beside that field", () => {
    const error = toApiError(409, { title: 'Conflict', status: 409, detail: 'This username is already taken.', field: 'username' });
    expect(error.fieldErrors).toEqual({ username: 'This username is already taken.' });
    expect(error.message).toBe('This username is already taken.');
  });

  it('says try again for a 503 whatever its detail, and something plain for a body that is no problem', () => {
    expect(toApiError(503, { title: 'Service Unavailable', detail: 'seat-service is unavailable' }).message)
      .toMatch(/try again/);
    expect(toApiError(502, undefined).message).toMatch(/try again/);
    expect(toApiError(404, undefined).message).toBe('Not found.');
  });

  it('reads Retry-After as seconds or a date, bounded', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('600')).toBe(10_000);
    expect(retryAfterMs(new Date(5_000).toUTCString(), 2_000)).toBe(3000);
  });
});
