import { panelFaults } from './inbox-faults.js';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character] as string);
}

function options(values: readonly (readonly [value: string, label: string])[]): string {
  return values
    .map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`)
    .join('');
}

/** The inbox page: markup only; its script (`/inbox.js`) and style (`/inbox.css`) are served beside it. */
export function inboxPage(providers: readonly string[]): string {
  const providerOptions = options(providers.map((name) => [name, name]));
  const faultOptions = options(panelFaults.map(({ name, label }) => [name, label]));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mfa-sms simulator inbox</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/inbox.css">
<script src="/inbox.js" defer></script>
</head>
<body>
<a class="skip" href="#messages">Skip to the messages</a>
<header class="bar">
  <h1>mfa-sms simulator inbox</h1>
  <p class="live" id="live" data-state="connecting">connecting…</p>
</header>
<main class="layout">
  <section class="inbox" aria-labelledby="inbox-title">
    <h2 id="inbox-title" class="visually-hidden">Messages and calls</h2>
    <form class="filters" id="filters" role="search" aria-label="Filter the messages">
      <label>Provider <select id="filter-provider"><option value="">all</option>${providerOptions}</select></label>
      <label>Channel <select id="filter-channel"><option value="">all</option><option value="sms">SMS</option><option value="voice">voice</option></select></label>
      <label>Recipient <input id="filter-recipient" type="search" inputmode="tel" autocomplete="off" placeholder="+44 7911…"></label>
      <label>Text <input id="filter-text" type="search" autocomplete="off" placeholder="search the text"></label>
      <button type="button" id="clear" class="danger">Clear all messages</button>
    </form>
    <p class="count" id="count" aria-live="polite"></p>
    <ol class="messages" id="messages" tabindex="-1" aria-labelledby="inbox-title"></ol>
    <p class="empty" id="empty">Nothing received yet. Point a provider's <code>baseUrl</code> at this simulator and send a code.</p>
  </section>
  <section class="faults" aria-labelledby="faults-title">
    <h2 id="faults-title">Faults</h2>
    <form id="fault-form" class="fault-form">
      <label>Provider <select id="fault-provider" name="provider">${providerOptions}</select></label>
      <label>Answer with <select id="fault-kind" name="fault">${faultOptions}</select></label>
      <label>For how many of its next requests <input id="fault-times" name="times" type="number" min="1" max="10000" value="1" required></label>
      <label>Channel <select id="fault-channel" name="channel"><option value="">any</option><option value="sms">SMS</option><option value="voice">voice</option></select></label>
      <div class="row"><button type="submit" id="fault-arm">Arm fault</button><button type="button" id="fault-disarm">Disarm all</button></div>
      <p class="form-error" id="fault-error" role="alert"></p>
    </form>
    <h3>Armed</h3>
    <ul class="pending" id="pending"></ul>
    <h3>Failed requests</h3>
    <ol class="failed" id="failed"></ol>
    <h3>Client log</h3>
    <ol class="failed notes" id="notes"></ol>
  </section>
</main>
</body>
</html>
`;
}
