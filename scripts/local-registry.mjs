// A throwaway npm registry for `npm run test:release`: Verdaccio (a root devDependency) on
// 127.0.0.1 at a free port, with its config, storage, users and log in a folder the caller gives.
// Our scope is served only from what is published to it; every other package is proxied from
// registry.npmjs.org, which is the only network it uses.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);

// Runs in the child process: Verdaccio listens on a port the system picks, prints it, and exits
// when the parent closes its stdin, so that even a killed test run leaves no server behind.
const serve = `
const { runServer } = require(process.argv[1]);
runServer(process.argv[2]).then(
  (server) => {
    server.listen(0, '127.0.0.1', () => console.log('mfa-sms-registry-port ' + server.address().port));
    process.stdin.on('end', () => process.exit(0)).resume();
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
`;

/** Fetches JSON from the registry within `timeoutMs`; a non-2xx answer is an error naming the URL. */
async function fetchJson(url, init = {}, timeoutMs = 30_000) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return JSON.parse(body);
}

/**
 * Starts the registry. Resolves once it listens and a publishing user exists: `url` (ending in
 * `/`), `token` for that user, `packument(name)`, `tarballSize(url)` and `stop()`.
 */
export async function startRegistry(folder, { scope, timeoutMs = 30_000 }) {
  const logFile = join(folder, 'verdaccio.log');
  const configFile = join(folder, 'verdaccio.yaml');
  // YAML is a superset of JSON, and Verdaccio reads its config as YAML.
  const config = {
    storage: join(folder, 'storage'),
    auth: { htpasswd: { file: join(folder, 'htpasswd'), max_users: 1 } },
    // JWT tokens: a legacy token makes Verdaccio check the password (bcrypt) on every request.
    security: { api: { legacy: false, jwt: { sign: { expiresIn: '1h' } } } },
    uplinks: { npmjs: { url: 'https://registry.npmjs.org/', timeout: '60s' } },
    packages: {
      [`${scope}/*`]: { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      // No one may publish anything else: a release that tried would fail here.
      '**': { access: '$all', publish: 'nobody', proxy: 'npmjs' },
    },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['-e', serve, require.resolve('verdaccio'), configFile], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^mfa-sms-registry-port (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      } else log.write(`${line}\n`);
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited (${code}) before listening`));
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${error.message}\n${readLog(logFile)}`);
  });

  const url = `http://127.0.0.1:${port}/`;
  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  }

  try {
    const name = 'release-test';
    const { token } = await fetchJson(`${url}-/user/org.couchdb.user:${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      // A password for a registry that lives for one run; it is never shown.
      body: JSON.stringify({
        name,
        password: randomBytes(18).toString('base64url'),
        type: 'user',
        roles: [],
      }),
    });
    if (typeof token !== 'string' || token.length === 0)
      throw new Error('Verdaccio created the user without a token');
    return {
      url,
      token,
      logFile,
      stop,
      packument: (packageName) => fetchJson(`${url}${packageName.replace('/', '%2f')}`),
      async tarballSize(tarballUrl) {
        const response = await fetch(tarballUrl, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`GET ${tarballUrl}: HTTP ${response.status}`);
        return (await response.arrayBuffer()).byteLength;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The end of Verdaccio's log, for failure messages. */
export function readLog(logFile, lines = 30) {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no Verdaccio log)';
  }
}
