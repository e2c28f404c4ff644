// Every refusal of the API is RFC 9457 problem+json (shared-platform's ProblemDetailsAdvice, the gateway's ProblemJson);
// this is the one place that turns one into what a person reads: a sentence, and the field errors by field.

export interface FieldErrors {
  [field: string]: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldErrors;
  readonly problem: Record<string, unknown> | undefined;

  constructor(status: number, message: string, fieldErrors: FieldErrors = {}, problem?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.problem = problem;
  }
}

const BY_STATUS: Record<number, string> = {
  400: 'Some of what you entered is not right.',
  401: 'Please log in.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'That changed in the meantime.',
  413: 'That is too large.',
  415: 'That kind of file is not accepted.',
  429: 'Too many requests: please wait a moment.',
  503: 'The service is busy or down for a moment. Please try again.',
};

function messageOf(status: number): string {
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return `The request failed (${status}).`;
}

/** A problem+json body (or anything else) and its status as an ApiError with a readable message. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const problem = body as Record<string, unknown>;
    const fieldErrors: FieldErrors = {};
    if (Array.isArray(problem.errors)) {
      for (const error of problem.errors as Array<Record<string, unknown>>) {
        const field = typeof error.field === 'string' ? error.field : undefined;
        const message = typeof error.message === 'string' ? error.message
          : typeof error.detail === 'string' ? error.detail : undefined;
        if (field && message) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${message}` : message;
      }
    }
    const detail = typeof problem.detail === 'string' && problem.detail.trim() ? problem.detail : undefined;
    // a refusal about one field (user-service's 409 "This username is already taken.", `field: username`)
    if (typeof problem.field === 'string' && detail && !fieldErrors[problem.field]) fieldErrors[problem.field] = detail;
    // a 503 is always "try again", whatever its detail says; field errors speak for a 400 themselves
    const message = status === 503 ? messageOf(503)
      : detail ?? (typeof problem.title === 'string' ? `${problem.title}.` : messageOf(status));
    return new ApiError(status, message, fieldErrors, problem);
  }
  return new ApiError(status, messageOf(status));
}

/** What to show for anything a call threw: the API's message, or a plain one for a network failure. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Could not reach Tickitecking. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}
