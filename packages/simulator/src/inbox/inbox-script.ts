// The page's script, served as `/inbox.js`. It is plain browser JavaScript kept in a string so that
// every way the simulator is shipped (tsup's dist, the playground's esbuild bundle, vitest on the
// sources) serves the same bytes without copying asset files. The browser test runs it for real.
// It builds every node with textContent: message text is whatever a client sent, never markup.

/** The inbox page's script, served as `/inbox.js`. */
export const inboxScript = String.raw`'use strict';
(function () {
  var byId = function (id) { return document.getElementById(id); };
  var list = byId('messages');
  var empty = byId('empty');
  var count = byId('count');
  var live = byId('live');
  var pendingList = byId('pending');
  var failedList = byId('failed');
  var notesList = byId('notes');
  var faultError = byId('fault-error');
  var filters = {
    provider: byId('filter-provider'),
    channel: byId('filter-channel'),
    recipient: byId('filter-recipient'),
    text: byId('filter-text'),
  };
  var shownFailures = 50;
  // Newest first, as on the page: { message, element }.
  var items = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function digits(value) { return value.replace(/\D/g, ''); }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  // One formatter for every time shown: toLocaleTimeString builds a new one per call, which
  // costs more than the rest of a message's rendering.
  var timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function clock(at) {
    var date = new Date(at);
    var time = el('time', '', timeFormat.format(date));
    time.dateTime = date.toISOString();
    time.title = time.dateTime;
    return time;
  }

  function recipientButton(message) {
    var button = el('button', 'to', message.maskedTo);
    button.type = 'button';
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-label', 'Recipient ' + message.maskedTo + ': show the full number');
    button.addEventListener('click', function () {
      var full = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(full));
      button.textContent = full ? message.to : message.maskedTo;
      button.setAttribute('aria-label', full
        ? 'Recipient ' + message.to + ': hide the number'
        : 'Recipient ' + message.maskedTo + ': show the full number');
    });
    return button;
  }

  function render(message) {
    var item = el('li', 'message ' + message.channel);
    item.dataset.id = message.id;
    var head = el('div', 'head');
    head.append(clock(message.at), el('span', 'badge provider', message.provider),
      el('span', 'badge ' + message.channel, message.channel === 'voice' ? 'voice call' : 'SMS'));
    var to = el('span', '', 'to ');
    to.append(recipientButton(message));
    head.append(to);
    if (message.from) head.append(el('span', 'from', 'from ' + message.from));
    item.append(head);
    var meta;
    if (message.channel === 'voice') {
      var spoken = el('p', 'spoken');
      spoken.append(el('span', 'label', message.language ? 'Spoken (' + message.language + ')' : 'Spoken'),
        el('span', 'words', message.text || '(no words: the call fetches its instructions from a URL)'));
      item.append(spoken);
      meta = ['language ' + (message.language || 'not given')];
    } else {
      item.append(el('p', 'text', message.text));
      var s = message.segments;
      meta = s ? [plural(s.segments, 'segment', 'segments'), s.encoding,
        plural(s.units, s.encoding === 'GSM-7' ? 'septet' : 'UTF-16 unit', s.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units')] : [];
    }
    if (message.reference) meta.push('reference ' + message.reference);
    meta.push('id ' + message.id);
    item.append(el('p', 'meta', meta.join(' · ')));
    return item;
  }

  function matches(message) {
    if (filters.provider.value && message.provider !== filters.provider.value) return false;
    if (filters.channel.value && message.channel !== filters.channel.value) return false;
    var recipient = filters.recipient.value.trim();
    if (recipient) {
      var wanted = digits(recipient);
      if (wanted ? digits(message.to).indexOf(wanted) === -1
        : message.to.toLowerCase().indexOf(recipient.toLowerCase()) === -1) return false;
    }
    var text = filters.text.value.trim().toLowerCase();
    if (text && message.text.toLowerCase().indexOf(text) === -1) return false;
    return true;
  }

  function updateCount() {
    var shown = 0;
    for (var i = 0; i < items.length; i += 1) if (!items[i].element.hidden) shown += 1;
    empty.hidden = items.length > 0;
    // Empty, the paragraph below says so: one wording, not two.
    count.textContent = items.length === 0 ? ''
      : plural(items.length, 'message', 'messages') + (shown === items.length ? '' : ', ' + shown + ' shown');
  }

  function applyFilters() {
    for (var i = 0; i < items.length; i += 1) items[i].element.hidden = !matches(items[i].message);
    updateCount();
  }

  function showMessages(messages) {
    items = [];
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < messages.length; i += 1) {
      var element = render(messages[i]);
      element.hidden = !matches(messages[i]);
      items.push({ message: messages[i], element: element });
      fragment.append(element);
    }
    list.replaceChildren(fragment);
    updateCount();
  }

  function addMessage(message) {
    var element = render(message);
    element.hidden = !matches(message);
    element.classList.add('fresh');
    items.unshift({ message: message, element: element });
    list.prepend(element);
    updateCount();
  }

  function showPending(pending) {
    pendingList.replaceChildren();
    if (pending.length === 0) pendingList.append(el('li', 'none', 'No fault armed: every request is answered normally.'));
    for (var i = 0; i < pending.length; i += 1) {
      var entry = pending[i];
      pendingList.append(el('li', '', entry.provider + ': ' + entry.description + ', next '
        + plural(entry.remaining, 'request', 'requests') + (entry.channel ? ' (' + entry.channel + ')' : '')
        + (entry.probability < 1 ? ', chance ' + entry.probability : '')));
    }
  }

  function failedItem(request) {
    var item = el('li');
    item.append(clock(request.at), document.createTextNode(' ' + request.provider + ' '),
      el('strong', '', request.description), el('div', 'meta', request.method + ' ' + request.path));
    return item;
  }

  function showFailed(failed) {
    failedList.replaceChildren();
    for (var i = 0; i < failed.length && i < shownFailures; i += 1) failedList.append(failedItem(failed[i]));
    if (failed.length === 0) failedList.append(el('li', 'none', 'No request failed.'));
  }

  function addFailed(request) {
    var none = failedList.querySelector('.none');
    if (none) none.remove();
    failedList.prepend(failedItem(request));
    while (failedList.children.length > shownFailures) failedList.lastChild.remove();
  }

  // What a client said it did (simulator.note(): the playground's Action log lines), newest first.
  function addNote(note, newest) {
    var none = notesList.querySelector('.none');
    if (none) none.remove();
    var item = el('li');
    item.append(clock(note.at), document.createTextNode(' ' + note.text));
    if (newest) notesList.prepend(item); else notesList.append(item);
    while (notesList.children.length > shownFailures) notesList.lastChild.remove();
  }

  function showNotes(notes) {
    notesList.replaceChildren();
    for (var i = 0; i < notes.length && i < shownFailures; i += 1) addNote(notes[i], false);
    if (notes.length === 0) notesList.append(el('li', 'none', 'No client wrote a line.'));
  }

  function setLive(state, text) {
    live.dataset.state = state;
    live.textContent = text;
  }

  function connect() {
    performance.mark('inbox:connect');
    var events = new EventSource('/api/events');
    events.addEventListener('open', function () { setLive('live', 'live'); });
    events.addEventListener('error', function () { setLive('lost', 'reconnecting…'); });
    events.addEventListener('snapshot', function (event) {
      performance.mark('inbox:snapshot');
      var state = JSON.parse(event.data);
      showMessages(state.messages);
      showPending(state.pending);
      showFailed(state.failed);
      showNotes(state.notes || []);
      setLive('live', 'live');
      performance.mark('inbox:rendered');
      // The frame after the one that lays the list out: the moment a reader sees it.
      requestAnimationFrame(function () {
        setTimeout(function () {
          performance.mark('inbox:painted');
          document.body.dataset.ready = 'true';
        }, 0);
      });
    });
    events.addEventListener('message', function (event) { addMessage(JSON.parse(event.data)); });
    events.addEventListener('failed', function (event) { addFailed(JSON.parse(event.data)); });
    events.addEventListener('faults', function (event) { showPending(JSON.parse(event.data)); });
    events.addEventListener('note', function (event) { addNote(JSON.parse(event.data), true); });
    events.addEventListener('cleared', function () { showMessages([]); showFailed([]); showNotes([]); });
  }

  function call(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer.error || ('HTTP ' + response.status));
        return answer;
      });
    });
  }

  Object.keys(filters).forEach(function (name) {
    filters[name].addEventListener(filters[name].tagName === 'SELECT' ? 'change' : 'input', applyFilters);
  });
  byId('filters').addEventListener('submit', function (event) { event.preventDefault(); });
  byId('clear').addEventListener('click', function () {
    call('DELETE', '/api/messages').catch(function (error) { count.textContent = 'Could not clear: ' + error.message; });
  });
  byId('fault-form').addEventListener('submit', function (event) {
    event.preventDefault();
    faultError.textContent = '';
    var body = {
      provider: byId('fault-provider').value,
      fault: byId('fault-kind').value,
      times: Number(byId('fault-times').value),
    };
    var channel = byId('fault-channel').value;
    if (channel) body.channel = channel;
    call('POST', '/api/faults', body).catch(function (error) { faultError.textContent = error.message; });
  });
  byId('fault-disarm').addEventListener('click', function () {
    call('DELETE', '/api/faults').catch(function (error) { faultError.textContent = error.message; });
  });
  connect();
})();
`;
