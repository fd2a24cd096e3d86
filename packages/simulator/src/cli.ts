#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isLoopbackHost } from './inbox/loopback.js';
import { startSimulator } from './start-simulator.js';

const usage = `Usage: mfa-sms-simulator [--port N] [--host 127.0.0.1 [--allow-non-loopback]]

Runs the providers' simulator (Twilio, Vonage, Esendex, Mitto, …) until interrupted and prints
its base URL, the address of its inbox page and the credentials it accepts, as .env lines. Every
accepted message is printed. A --host other than loopback exposes the inbox and the
credentials: it is refused unless --allow-non-loopback is given, and a warning says so.`;

/** `NAME=value`, double-quoted with `\n` when the value has spaces or lines (a PEM), as .env readers take it. */
function envLine(name: string, value: string): string {
  if (/^[\w@+.,:/;=*-]*$/.test(value)) return `${name}=${value}`;
  // A .env file has no escaped quote: a value holding " goes in single quotes (one line).
  if (value.includes('"') && !/[\r\n']/.test(value)) return `${name}='${value}'`;
  return `${name}="${value.replace(/\r?\n/g, '\\n')}"`;
}

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
  console.log(
    '# .env lines for the mfa-sms Action and CLI: fake credentials this simulator accepts, paste them.',
  );
  const names = [...new Set(simulator.providers.map((provider) => provider.name))];
  console.log(`MFA_SMS_PROVIDERS=${names.join(',')}`);
  for (const provider of simulator.providers) {
    const credentials = simulator.credentials[provider.name] ?? {};
    for (const [name, value] of Object.entries(
      provider.actionSecrets?.({ url: simulator.url, credentials }) ?? {},
    ))
      console.log(envLine(name, value));
  }
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
