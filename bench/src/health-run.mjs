// What provider health adds to a warm send: createRouter with two providers (health reorders only
// where there is a choice) sending to the simulator in its own process, health off and on, first
// with the default memory store, then with Redis on loopback (a redis-server started here on a
// free port, stopped at the end; skipped when none is installed). Nobody rests: this is the
// common case, one store read per send. Off and on alternate, in both orders, in many short
// rounds (the machine is shared: a paired difference survives a busy moment, a mean does not).
// Measured twice: the whole send to the simulator, and the router alone (a provider that answers
// at once, in process), where what health adds is not hidden in the HTTP round trip's noise.
// Prints one JSON line: microseconds per send (wall and CPU), one at a time, per round.
import { startRedis } from './lib/redis.mjs';
import { startTarget } from './lib/target.mjs';

const settings = JSON.parse(process.env.BENCH_HEALTH ?? '{}');
const rounds = settings.rounds ?? 30;
const batchMs = settings.batchMs ?? 100;

function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const numberOf = (index) => `+4474001${String(index % 100_000).padStart(5, '0')}`;
const messageOf = (index) => ({
  to: numberOf(index),
  text: `Your code is ${String(100_000 + (index % 900_000))}`,
  channel: 'sms',
});

let sent = 0;

// Wall time and this process's CPU time per send: on a busy machine the CPU time is what is left
// of the router's own cost when other processes take turns on the cores.
async function oneAtATime(router) {
  let count = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deadline = started + batchMs;
  while (performance.now() < deadline) {
    for (let step = 0; step < 20; step += 1) await router.send(messageOf(sent++));
    count += 20;
  }
  const used = process.cpuUsage(cpu);
  return {
    wall: ((performance.now() - started) * 1000) / count,
    cpu: (used.user + used.system) / count,
  };
}

async function main() {
  const core = await import('@mfa-sms/core');
  const { createTwilio } = await import('@mfa-sms/twilio');
  const target = await startTarget();
  const redis = await startRedis();
  const redisStore = redis ? core.createRedisStore({ url: redis.url }) : undefined;
  try {
    const twilio = createTwilio({ ...target.description.twilio, baseUrl: target.url });
    // A second provider so that there is an order to keep; the first always answers, so it is never asked.
    const backup = { name: 'backup', channels: twilio.channels, send: (...args) => twilio.send(...args) };
    const providers = [twilio, backup];
    // The router alone: a provider that answers at once, so that only the router's work is timed.
    let instant = 0;
    const answering = (name) => ({
      name,
      channels: ['sms'],
      send: async (message) => ({ id: `m${instant++}`, provider: name, channel: 'sms', to: message.to }),
    });
    const alone = [answering('first'), answering('second')];
    const storeKey = 'bench-store-key-0123456789abcdef';
    const stores = { memory: {} };
    if (redisStore) stores['Redis (loopback)'] = { store: redisStore, storeKey };
    const pairs = {};
    for (const [store, options] of Object.entries(stores)) {
      for (const [path, list] of [
        ['send', providers],
        ['router alone', alone],
      ]) {
        pairs[`${store}|${path}`] = {
          off: core.createRouter({ providers: list, health: false, ...options }),
          on: core.createRouter({ providers: list, health: true, ...options }),
        };
      }
    }
    const perSendUs = {};
    const cpuPerSendUs = {};
    for (const [name, routers] of Object.entries(pairs)) {
      perSendUs[name] = { off: [], on: [] };
      cpuPerSendUs[name] = { off: [], on: [] };
      for (const router of Object.values(routers)) await oneAtATime(router);
    }
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const [name, routers] of Object.entries(pairs)) {
        for (const health of order) {
          const { wall, cpu } = await oneAtATime(routers[health]);
          perSendUs[name][health].push(wall);
          cpuPerSendUs[name][health].push(cpu);
        }
      }
    }
    const journal = await target.journal();
    print({
      rounds,
      batchMs,
      perSendUs,
      cpuPerSendUs,
      sent: sent - instant,
      journal,
      ...(redis ? {} : { redisSkipped: 'redis-server is not installed' }),
    });
  } finally {
    await redisStore?.close();
    redis?.stop();
    await target.close();
  }
}

main().catch((error) => {
  print({ error: String(error?.stack ?? error) });
  process.exitCode = 1;
});
