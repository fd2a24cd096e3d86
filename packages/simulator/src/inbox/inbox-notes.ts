/**
 * A line a client wrote about what it did, shown in the inbox beside the requests: the playground
 * hands the Action's log lines to `simulator.note()`, so that a reader sees why a provider got no
 * request (`twilio:resting(3 timeouts in 30 s)`), which no provider's journal can tell.
 */
export interface InboxNote {
  /** Milliseconds since the epoch. */
  at: number;
  text: string;
}

export interface InboxNotes {
  /** Shows a line in the inbox's client log (the playground writes the Action's log lines there). */
  note(text: string): void;
}

// Auth0 keeps 256 characters of a log line; a little more room, and no more, for any client.
const maxNoteLength = 300;
// The newest lines a page gets when it (re)connects; older ones are dropped.
const keptNotes = 200;

/** Keeps the newest notes, each cut to a log line's length. */
export function createNotes(now: () => number = Date.now) {
  const notes: InboxNote[] = [];
  return {
    add(text: string): InboxNote {
      const note = { at: now(), text: String(text).slice(0, maxNoteLength) };
      notes.push(note);
      if (notes.length > keptNotes) notes.splice(0, notes.length - keptNotes);
      return note;
    },
    clear(): void {
      notes.length = 0;
    },
    newestFirst: (): InboxNote[] => notes.slice().reverse(),
  };
}
