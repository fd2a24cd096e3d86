import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { cleanEnvironment } from './processes.mjs';

const serverScript = fileURLToPath(new URL('../target-server.mjs', import.meta.url));

/**
 * Starts the simulator in a child process and returns its address, the credentials it accepts and
 * an IPC handle on its journal.
 */
export async function startTarget() {
  const child = spawn(process.execPath, [serverScript], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: cleanEnvironment(),
  });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  const hello = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      try {
        resolve(JSON.parse(buffered.slice(0, newline)));
      } catch (error) {
        reject(
          new Error(`the target server's first line is not JSON: ${buffered.slice(0, 200)}`, {
            cause: error,
          }),
        );
      }
    };
    const onExit = (code) => reject(new Error(`the target server exited with ${code} before listening`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
  const url = new URL(hello.url);
  if (url.hostname !== '127.0.0.1') {
    child.kill();
    throw new Error(`the target server listens on ${url.hostname}, not 127.0.0.1`);
  }

  let nextId = 0;
  const waiting = new Map();
  child.on('message', (answer) => {
    const resolve = waiting.get(answer.id);
    waiting.delete(answer.id);
    resolve?.(answer);
  });
  function ask(type) {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      waiting.set(id, (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      child.send({ type, id });
    });
  }

  return {
    url: hello.url,
    pid: hello.pid,
    endpoints: hello.endpoints,
    /** What a scenario process needs, passed as the BENCH_TARGET environment variable. */
    description: {
      url: hello.url,
      endpoints: hello.endpoints,
      twilio: { ...hello.twilio, from: '+15005550006' },
      vonage: { ...hello.vonage, from: 'MFA' },
      aws: hello.aws,
    },
    journal: () => ask('journal'),
    reset: () => ask('reset'),
    /** CPU seconds the server has used so far, and when (its own clock, in ms). */
    cpu: async () => {
      const { cpu, at } = await ask('cpu');
      return { seconds: (cpu.user + cpu.system) / 1e6, at };
    },
    async close() {
      if (child.exitCode !== null) return;
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

/**
 * The guard against the internet, part two: every send a client reports must be in the
 * simulator's journal, and nothing else.
 */
export async function checkJournal(target, what, sends) {
  const journal = await target.journal();
  if (journal.messages !== sends || journal.requests !== sends) {
    throw new Error(
      `${what} reported ${sends} send(s) but the simulator accepted ${journal.messages} of ${journal.requests} request(s)`,
    );
  }
}
