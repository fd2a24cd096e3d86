// The loopback server every client is measured against: the mfa-sms simulator, in a process of its
// own so that its CPU time and event loop are not charged to the client being measured. The
// orchestrator talks to it over IPC (journal counts, resets, CPU time); stdout carries one JSON line.
import { builtInProviders, startSimulator } from '@mfa-sms/simulator';

const sampleAccount = 'AC00000000000000000000000000000000';

function hasRoute(providerName, method, path) {
  const provider = builtInProviders.find((candidate) => candidate.name === providerName);
  return provider?.routes.some((route) => route.method === method && route.path.test(path)) ?? false;
}

const simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
const { twilio, vonage, aws } = simulator.credentials;

const hello = {
  url: simulator.url,
  pid: process.pid,
  endpoints: {
    twilio: hasRoute('twilio', 'POST', `/2010-04-01/Accounts/${sampleAccount}/Messages.json`),
    vonage: hasRoute('vonage', 'POST', '/sms/json'),
    aws: hasRoute('aws', 'POST', '/aws/'),
  },
  twilio: { accountSid: twilio.accountSid, authToken: twilio.authToken },
  vonage: { apiKey: vonage.apiKey, apiSecret: vonage.apiSecret },
  // The simulator answers for AWS under /aws (its / is the inbox page).
  aws: aws && {
    accessKeyId: aws.accessKeyId,
    secretAccessKey: aws.secretAccessKey,
    baseUrl: `${simulator.url}/aws`,
  },
};
process.stdout.write(`${JSON.stringify(hello)}\n`);

function journal() {
  const accepted = {};
  for (const message of simulator.messages)
    accepted[message.provider] = (accepted[message.provider] ?? 0) + 1;
  const outcomes = {};
  for (const request of simulator.requests) outcomes[request.outcome] = (outcomes[request.outcome] ?? 0) + 1;
  return { messages: simulator.messages.length, requests: simulator.requests.length, accepted, outcomes };
}

process.on('message', (command) => {
  switch (command?.type) {
    case 'journal':
      process.send({ id: command.id, ...journal() });
      break;
    case 'reset':
      // The journal grows by one entry per send: forgetting it between runs keeps this process's
      // memory, and so its speed, the same for the last client as for the first.
      simulator.reset();
      process.send({ id: command.id });
      break;
    case 'cpu':
      process.send({ id: command.id, cpu: process.cpuUsage(), at: performance.now() });
      break;
    case 'close':
      simulator.close().then(() => process.exit(0));
      break;
    default:
      process.send({ id: command?.id, error: `unknown command ${JSON.stringify(command?.type)}` });
  }
});
process.on('disconnect', () => {
  simulator.close().then(() => process.exit(0));
});
