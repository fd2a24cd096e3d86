/**
 * The inbox page's style sheet, served as `/inbox.css`. Messages below the fold skip layout and
 * paint (`content-visibility`) so that a long inbox opens as fast as a short one.
 */
export const inboxStyle = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --ink: #1b1f24; --muted: #5b6470; --line: #d8dde3;
  --accent: #0b5fff; --danger: #b3261e; --ok: #1e7d32; --voice: #6a3fb5; --sms: #0b6e79; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15181c; --card: #1f2329; --ink: #e8eaed; --muted: #a3abb6; --line: #353b43;
    --accent: #7aa7ff; --danger: #ff8a80; --ok: #81c784; --voice: #c3a6ff; --sms: #6fd3de; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--ink); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--card); padding: 0.5rem 1rem; z-index: 2; }
.skip:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.75rem 1.25rem;
  background: var(--card); border-bottom: 1px solid var(--line); }
.bar h1 { font-size: 1.15rem; margin: 0; }
.live { margin: 0; font-size: 0.85rem; color: var(--muted); }
.live::before { content: ""; display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 50%; margin-right: 0.4rem; background: var(--muted); }
.live[data-state="live"]::before { background: var(--ok); }
.live[data-state="lost"]::before { background: var(--danger); }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 1.25rem; padding: 1.25rem; max-width: 80rem; margin: 0 auto; }
h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
h3 { font-size: 0.95rem; margin: 1.25rem 0 0.5rem; }
label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.8rem; color: var(--muted); }
input, select, button { font: inherit; color: var(--ink); background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.55rem; min-height: 2.25rem; }
button { cursor: pointer; font-weight: 600; }
button:hover { border-color: var(--accent); }
button.danger { color: var(--danger); }
.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.75rem; padding: 0.75rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.filters label { flex: 1 1 9rem; }
.filters button { flex: 0 0 auto; }
.count { color: var(--muted); font-size: 0.85rem; margin: 0.75rem 0 0.5rem; }
.messages { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
.message { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--sms); border-radius: 8px; padding: 0.65rem 0.85rem;
  content-visibility: auto; contain-intrinsic-size: auto 7rem; }
.message.voice { border-left-color: var(--voice); }
.message.fresh { animation: fresh 1.2s ease-out; }
@keyframes fresh { from { background: color-mix(in srgb, var(--accent) 18%, var(--card)); } }
@media (prefers-reduced-motion: reduce) { .message.fresh { animation: none; } }
.head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 0.6rem; font-size: 0.85rem; color: var(--muted); }
.badge { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; padding: 0.05rem 0.45rem; border-radius: 999px; border: 1px solid currentColor; }
.badge.provider { color: var(--ink); }
.badge.sms { color: var(--sms); }
.badge.voice { color: var(--voice); }
.to { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; min-height: 0; padding: 0.05rem 0.4rem; font-weight: 600; }
.text { margin: 0.4rem 0 0.3rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1rem; }
.spoken { margin: 0.4rem 0 0.3rem; overflow-wrap: anywhere; font-size: 1rem; }
.spoken .label { display: block; font-size: 0.75rem; color: var(--voice); font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.meta { margin: 0; font-size: 0.8rem; color: var(--muted); }
.empty { color: var(--muted); }
.faults { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 0.85rem; align-self: start; position: sticky; top: 1rem; }
.fault-form { display: grid; gap: 0.6rem; }
.row { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.form-error { color: var(--danger); margin: 0; min-height: 1em; font-size: 0.85rem; }
.pending, .failed { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; font-size: 0.85rem; }
.pending li, .failed li { padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 6px; overflow-wrap: anywhere; }
.failed li strong { color: var(--danger); }
.notes li { font-family: ui-monospace, monospace; font-size: 0.8rem; }
.none { color: var(--muted); border: none !important; padding-left: 0 !important; }
@media (max-width: 760px) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 0.75rem; gap: 0.75rem; }
  .faults { position: static; }
  .bar { padding: 0.6rem 0.75rem; }
  .filters { gap: 0.5rem; padding: 0.6rem; }
  .filters label { flex-basis: calc(50% - 0.25rem); }
}
`;
