#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isLoopbackHost } from './inbox/loopback.js';
import { startSimulator } from './start-simulator.js';

const usage = `Usage: mfa-sms-simulator [--port N] [--host 127.0.0.1 [--allow-non-loopback]]

Runs the providers' simulator (Twilio, Vonage, Esendex, Mitto, …) until interrupted and prints
its base URL, the address of its inbox page and the credentials it accepts. Every
accepted message is printed. A --host other than loopback exposes the inbox and the
credentials: it is refused unless --allow-non-loopback is given, and a warning says so.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-non-loopback': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`mfa-sms-simulator: --port must be a whole number from 0 to 65535\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (!isLoopbackHost(values.host) && !values['allow-non-loopback']) {
    console.error(
      `mfa-sms-simulator: --host ${values.host} is not a loopback address; add --allow-non-loopback to expose the simulator anyway\n\n${usage}`,
    );
    process.exitCode = 2;
    return;
  }
  const simulator = await startSimulator({
    port,
    host: values.host,
    allowNonLoopback: values['allow-non-loopback'],
  });
  console.log(`mfa-sms simulator listening on ${simulator.url}`);
  console.log(`Inbox (every message and call, live): ${simulator.url}/`);
  console.log('Accepted credentials (fake, for the simulator only):');
  // A key (PEM) is unreadable inside JSON: printed whole below, public halves left out.
  const pems: string[] = [];
  const shown = Object.fromEntries(
    Object.entries(simulator.credentials).map(([provider, values]) => [
      provider,
      Object.fromEntries(
        Object.entries(values)
          .filter(([name, value]) => !(value.includes('\n') && /public/i.test(name)))
          .map(([name, value]) => {
            if (!value.includes('\n')) return [name, value];
            pems.push(value);
            return [name, '(PEM, see below)'];
          }),
      ),
    ]),
  );
  console.log(JSON.stringify(shown, null, 2));
  for (const pem of pems) console.log(pem);
  let printed = 0;
  const timer = setInterval(() => {
    for (; printed < simulator.messages.length; printed += 1) {
      const message = simulator.messages[printed];
      if (message)
        console.log(
          `${new Date(message.at).toISOString()} ${message.provider} ${message.channel} → ${message.to}: ${message.text}`,
        );
    }
  }, 200);
  const stop = (): void => {
    clearInterval(timer);
    simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`mfa-sms-simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
