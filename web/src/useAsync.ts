import { useEffect, useState } from 'react';

export type Async<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown };

/** The value of a load that reruns when its keys change; a stale answer is dropped. */
export function useAsync<T>(load: () => Promise<T>, keys: unknown[]): Async<T> {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'done', value }),
      (error) => live && setResult({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);
  return result;
}
