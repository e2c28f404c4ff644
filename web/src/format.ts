// Prices and dates as a person reads them, one way everywhere (the seat names for screen readers use these too).

export function price(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return Number(value).toFixed(2);
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `yyyy-mm-dd` of a date input as the instant its day starts here. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}
