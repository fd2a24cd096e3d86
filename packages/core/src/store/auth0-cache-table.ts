import { dedupeKind } from './store-keys.js';

// The table createAuth0CacheStore keeps in api.cache: records joined by commas, under 4 kB a cache
// entry. A record is `<id>:<count>:<expiry>` for a counter and `<id>=<value>:<expiry>` for a stored
// value: id is the key's kind and 10 characters of its hash (60 bits), the value URI-encoded (so
// it holds neither `,` nor `:`), the expiry in seconds, base 36.
const counterRecord = /^([a-z][\w-]{10}):(\d{1,9}):([0-9a-z]{1,8})$/;
const valueRecord = /^([a-z][\w-]{10})=([^:,]*):([0-9a-z]{1,8})$/;

export const tableBytes = 3800;

// An id is the key's kind and its hash (auth0-cache-store.ts, idOf).
const isDedupeId = (id: string) => id.length === 11 && id.startsWith(dedupeKind);
// Deduplication entries kept in one cache entry: the newest. One lives a minute, so up to some 30
// sends a minute every one is shared between containers; above that the table would be full of
// them and every send would write 4 kB back, while the container's memory still remembers them.
export const tableDedupeEntries = 16;

export interface TableRecord {
  readonly count: number;
  readonly value: string | undefined;
  /** Epoch milliseconds. A table is read as it was written; expired records are skipped by readers. */
  readonly expires: number;
  /** The record as written, once serialised or read. */
  text?: string;
}

/** Records by id. A Map, never a plain object: ids come from the cache, which anyone may write. */
export type Table = Map<string, TableRecord>;

function textOf(id: string, record: TableRecord): string {
  if (record.text === undefined) {
    const expiry = Math.ceil(record.expires / 1000).toString(36);
    record.text =
      record.value === undefined
        ? `${id}:${record.count}:${expiry}`
        : `${id}=${encodeURIComponent(record.value)}:${expiry}`;
  }
  return record.text;
}

function parse(text: string): Table {
  const table: Table = new Map();
  for (const part of text.split(',')) {
    const counter = counterRecord.exec(part);
    const stored = counter ? undefined : valueRecord.exec(part);
    const match = counter ?? stored;
    if (!match) continue;
    let value: string | undefined;
    if (stored) {
      try {
        value = decodeURIComponent(stored[2] as string);
      } catch {
        continue;
      }
    }
    table.set(match[1] as string, {
      count: counter ? Number(counter[2]) : 0,
      value,
      expires: Number.parseInt(match[3] as string, 36) * 1000,
      text: part,
    });
  }
  return table;
}

// The last table read or written under each cache key, with its text: a warm container reads back
// what it wrote, and parsing some 180 records on every read cost most of a send's time. A reader
// gets that table itself and changes it; `wroteTable` or `forgetTable` must follow at once (the
// store's calls are synchronous, so no other execution sees it in between).
const known = new Map<string, { text: string; table: Table }>();

/** The table in `text` (a cache entry's value, whoever wrote it). */
export function readTable(name: string, text: unknown): Table {
  if (typeof text !== 'string') return new Map();
  const last = known.get(name);
  if (last !== undefined && last.text === text) return last.table;
  const table = parse(text);
  known.set(name, { text, table });
  return table;
}

/** Notes that `text`, the serialised `table`, is now the cache's value under `name`. */
export function wroteTable(name: string, text: string, table: Table): void {
  const last = known.get(name);
  if (last === undefined) {
    known.set(name, { text, table });
  } else {
    last.text = text;
    last.table = table;
  }
}

/** Forgets the table under `name`: it was changed and not written. */
export function forgetTable(name: string): void {
  known.delete(name);
}

const isFresh = (id: string, fresh: string | ReadonlySet<string>) =>
  typeof fresh === 'string' ? id === fresh : fresh.has(id);

/**
 * The id of the record to leave out first: the lowest count, then the soonest to expire (among
 * deduplication entries alone with `dedupeOnly`).
 */
function leastNeeded(
  table: Table,
  fresh: string | ReadonlySet<string>,
  dedupeOnly: boolean,
): string | undefined {
  let worstId: string | undefined;
  let worstCount = 0;
  let worstExpires = 0;
  // Keys, then a lookup: iterating entries built a [key, value] array per record, on every send.
  for (const id of table.keys()) {
    if (isFresh(id, fresh)) continue;
    const record = table.get(id) as TableRecord;
    if (dedupeOnly && !isDedupeId(id)) continue;
    const count = Math.max(record.count, 1);
    if (
      worstId === undefined ||
      count < worstCount ||
      (count === worstCount && record.expires < worstExpires)
    ) {
      worstId = id;
      worstCount = count;
      worstExpires = record.expires;
    }
  }
  return worstId;
}

/**
 * Serialises a table within `tableBytes`, leaving out expired records, deduplication entries beyond
 * the newest `tableDedupeEntries`, and then the records that matter least: the lowest counts (a counter near
 * its limit is what stops pumping), then the soonest to expire; never one this execution just wrote
 * (`fresh`, one id or several). Answers how many it had to drop for room. It runs on every write,
 * so once per send: it walks the table without building anything but the text.
 */
export function tableText(
  table: Table,
  fresh: string | ReadonlySet<string>,
  at: number,
): { text: string; dropped: number; expires: number } {
  let length = 0;
  let dedupeEntries = 0;
  // The deduplication entry to leave out first, found on the way: one is over the cap per send.
  let oldest: string | undefined;
  let oldestExpires = 0;
  for (const id of table.keys()) {
    const record = table.get(id) as TableRecord;
    if (record.expires <= at) {
      table.delete(id);
      continue;
    }
    length += textOf(id, record).length + 1;
    if (!isDedupeId(id)) continue;
    dedupeEntries += 1;
    if ((oldest === undefined || record.expires < oldestExpires) && !isFresh(id, fresh)) {
      oldest = id;
      oldestExpires = record.expires;
    }
  }
  for (; dedupeEntries > tableDedupeEntries; dedupeEntries -= 1) {
    if (oldest === undefined) oldest = leastNeeded(table, fresh, true);
    if (oldest === undefined) break;
    length -= textOf(oldest, table.get(oldest) as TableRecord).length + 1;
    table.delete(oldest);
    oldest = undefined;
  }
  let dropped = 0;
  while (length > tableBytes) {
    const worst = leastNeeded(table, fresh, false);
    if (worst === undefined) break;
    length -= textOf(worst, table.get(worst) as TableRecord).length + 1;
    table.delete(worst);
    dropped += 1;
  }
  let expires = 0;
  const parts: string[] = [];
  for (const id of table.keys()) {
    const record = table.get(id) as TableRecord;
    parts.push(textOf(id, record));
    if (record.expires > expires) expires = record.expires;
  }
  return { text: parts.join(','), dropped, expires };
}
