import { spawn } from 'node:child_process';

// Variables that would send a client through a proxy, change the Twilio SDK's host, or load extra
// code into every process: none of them may differ between the clients compared.
const droppedVariable =
  /^(?:https?_proxy|all_proxy|no_proxy|node_options|node_extra_ca_certs|twilio_.*|vonage_.*)$/i;

/** The parent's environment without anything that changes how a client connects or loads. */
export function cleanEnvironment(extra = {}) {
  const environment = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!droppedVariable.test(name)) environment[name] = value;
  }
  return { ...environment, NO_PROXY: '*', ...extra };
}

/**
 * Runs `node ...args` and measures the wall time from spawn to exit. The last line of stdout is
 * parsed as JSON when it looks like an object.
 */
export function runNode(args, { env = {}, timeoutMs = 60_000, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cleanEnvironment(env),
      ...(cwd ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let wallMs;
    child.once('exit', () => {
      wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      let json;
      if (lastLine.startsWith('{')) {
        try {
          json = JSON.parse(lastLine);
        } catch {
          json = undefined;
        }
      }
      resolve({ code, signal, wallMs, stdout, stderr, json });
    });
  });
}

/** The error to throw for a child that did not finish cleanly, with the end of what it printed. */
export function childFailure(what, result) {
  const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-12).join('\n');
  const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
  return new Error(`${what} ${how}:\n${tail}`);
}
