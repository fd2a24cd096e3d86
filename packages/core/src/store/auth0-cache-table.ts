// The table createAuth0CacheStore keeps in api.cache: records joined by commas, under 4 kB a cache
// entry. A record is `<id>:<count>:<expiry>` for a counter and `<id>=<value>:<expiry>` for a stored
// value: id is the key's kind and 10 characters of its hash (60 bits), the value URI-encoded (so
// it holds neither `,` nor `:`), the expiry in seconds, base 36.
const counterRecord = /^([a-z][\w-]{10}):(\d{1,9}):([0-9a-z]{1,8})$/;
const valueRecord = /^([a-z][\w-]{10})=([^:,]*):([0-9a-z]{1,8})$/;

export const tableBytes = 3800;

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
  known.set(name, { text, table });
}

/** Forgets the table under `name`: it was changed and not written. */
export function forgetTable(name: string): void {
  known.delete(name);
}

/**
 * Serialises a table within `tableBytes`, leaving out expired records and then the ones that matter
 * least: the lowest counts (a counter near its limit is what stops pumping), then the soonest to
 * expire; never one this execution just wrote (`fresh`). Answers how many it had to drop.
 */
export function tableText(
  table: Table,
  fresh: ReadonlySet<string>,
  at: number,
): { text: string; dropped: number; expires: number } {
  let length = 0;
  for (const [id, record] of table) {
    if (record.expires <= at) table.delete(id);
    else length += textOf(id, record).length + 1;
  }
  let dropped = 0;
  while (length > tableBytes) {
    let worst: [string, TableRecord] | undefined;
    for (const entry of table) {
      if (fresh.has(entry[0])) continue;
      const [, record] = entry;
      const rank = Math.max(record.count, 1) - Math.max(worst?.[1].count ?? Infinity, 1);
      if (worst === undefined || rank < 0 || (rank === 0 && record.expires < worst[1].expires)) worst = entry;
    }
    if (worst === undefined) break;
    length -= textOf(worst[0], worst[1]).length + 1;
    table.delete(worst[0]);
    dropped += 1;
  }
  let expires = 0;
  const parts: string[] = [];
  for (const [id, record] of table) {
    parts.push(textOf(id, record));
    if (record.expires > expires) expires = record.expires;
  }
  return { text: parts.join(','), dropped, expires };
}
