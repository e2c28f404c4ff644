// Form fields that show the server's field errors beside their fields (problem+json `errors`), and the form's
// message above it, announced to screen readers.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError, describe, type FieldErrors } from './api/problem';

export interface FormState {
  message?: string;
  fieldErrors: FieldErrors;
}

export const noErrors: FormState = { fieldErrors: {} };

export function errorState(error: unknown): FormState {
  if (error instanceof ApiError) {
    const fields = Object.keys(error.fieldErrors).length > 0;
    return { message: fields ? 'Please correct the fields marked below.' : error.message, fieldErrors: error.fieldErrors };
  }
  return { message: describe(error), fieldErrors: {} };
}

export function Field({ label, name, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & {
  label: string; name: string; error?: string; hint?: ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && <small id={hintId}>{hint}</small>}
      {error && <p className="field-error" id={errorId} data-field={name}>{error}</p>}
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  return (
    <div role="alert" className={state.message ? 'alert' : undefined}>
      {state.message}
    </div>
  );
}

/** The field errors at `path` and under it (`grades[0]` takes `grades[0].areas[0].section` too), as one message. */
export function errorsAt(fieldErrors: FieldErrors, path: string): string | undefined {
  const found = Object.entries(fieldErrors)
    .filter(([field]) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`))
    .map(([field, message]) => `${field.slice(path.length).replace(/^\./, '').replace(/^\[\d+\]\.?/, '')} ${message}`.trim());
  return found.length > 0 ? found.join('; ') : undefined;
}
