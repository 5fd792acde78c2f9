/**
 * Soisy writes timestamps in two ways: ISO 8601 with an offset (`2026-11-22T09:00:00.000Z`) and,
 * like its callbacks' `eventDate`, `YYYY-MM-DD HH:mm:ss` in Italian local time. Both → an instant;
 * anything else → undefined (the caller then does without the time).
 */
export function readSoisyTimestamp(raw: string | undefined): Date | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (local) return fromRomeLocalTime(local.slice(1).map(Number));
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

const ROME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

function fromRomeLocalTime([year, month, day, hour, minute, second]: number[]): Date | undefined {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(asUtc)) return undefined;
  // Rome's offset at (about) that moment; the hour a DST change repeats resolves to one of its two instants.
  const offset = romeWallClock(asUtc) - asUtc;
  const instant = new Date(asUtc - offset);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function romeWallClock(epochMs: number): number {
  const parts = Object.fromEntries(ROME.formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}
