import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter, type Provider } from '@mfa-sms/core';
import { createEsendex } from '@mfa-sms/esendex';
import { createMitto } from '@mfa-sms/mitto';
import { type Simulator, startSimulator } from '@mfa-sms/simulator';
import { createTwilio } from '@mfa-sms/twilio';
import { createVonage } from '@mfa-sms/vonage';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The simulator's inbox page in a real browser: Debian's `chromium`, driven by playwright-core
// (which downloads no browser). A machine without Chromium fails here, saying so: CI installs it.
// The screenshots the simulator's README shows are taken here, of the page as this test saw it.
// Every run takes them; they replace the README's copies only with MFA_SMS_UPDATE_SCREENSHOTS=1,
// so that a test run leaves the working tree as it found it.
const docs = process.env.MFA_SMS_UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../../packages/simulator/docs/', import.meta.url))
  : join(tmpdir(), 'mfa-sms-inbox-screenshots');
const loadBudgetMs = 1000;
// How long the page may take to show what the simulator just received.
const poll = { timeout: 5000 };

function findChromium(): string {
  const given = process.env.CHROMIUM_PATH;
  const candidates = given
    ? [given]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .flatMap((directory) => ['chromium', 'chromium-browser'].map((name) => join(directory, name)));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  throw new Error(
    `The inbox browser test needs Chromium: ${given ? `CHROMIUM_PATH (${given}) is not an executable` : 'no chromium or chromium-browser on PATH'}. ` +
      "Install Debian's with `apt-get install -y chromium` (.ci/run does) or set CHROMIUM_PATH to a Chromium binary.",
  );
}

let simulator: Simulator;
let browser: Browser;
let providers: Record<'twilio' | 'vonage' | 'esendex' | 'mitto', Provider>;

beforeAll(async () => {
  const executablePath = findChromium();
  simulator = await startSimulator();
  const { twilio, vonage, esendex, mitto } = simulator.credentials;
  const baseUrl = simulator.url;
  providers = {
    twilio: createTwilio({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: '+14155550100',
      baseUrl,
    }),
    vonage: createVonage({
      apiKey: vonage.apiKey,
      apiSecret: vonage.apiSecret,
      applicationId: vonage.applicationId,
      privateKey: vonage.privateKey,
      from: '447700900000',
      baseUrl,
    }),
    esendex: createEsendex({ ...esendex, from: 'Acme', baseUrl }),
    mitto: createMitto({ apiKey: mitto.apiKey, from: 'Acme', baseUrl }),
  };
  // A first launch builds Chromium's profile and font cache: on a busy 2-core machine that alone
  // has taken over 15 s.
  browser = await chromium.launch({ executablePath, headless: true, timeout: 90_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await simulator?.close();
});

/**
 * Opens the inbox in a new tab and runs `use`; then checks that the page threw nothing, logged no
 * error and asked for nothing but the simulator's own addresses.
 */
async function withInbox(
  use: (page: Page) => Promise<void>,
  viewport = { width: 1280, height: 900 },
): Promise<void> {
  const page = await browser.newPage({ viewport, timezoneId: 'UTC', locale: 'en-GB' });
  page.setDefaultTimeout(5000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(`${simulator.url}/`)) problems.push(`asked for ${request.url()}`);
  });
  try {
    await page.goto(`${simulator.url}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    await use(page);
  } finally {
    await page.close();
  }
  expect(problems).toEqual([]);
}

const shown = (page: Page) => page.locator('#messages > li:not([hidden])');
const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe('the inbox page in Chromium', () => {
  it('shows each provider’s messages and a call’s spoken words as they arrive, fails over by the panel, and clears', async () => {
    simulator.reset();
    await withInbox(async (page) => {
      await expect.poll(() => text(page, '#live'), poll).toBe('live');
      // Something a reload would lose: it is still there at the end.
      await page.evaluate('window.notReloaded = true');

      const sent = [
        ['twilio', '+447911123456', '123456 is your verification code for Acme.'],
        ['vonage', '+447911123457', '234567 is your verification code for Acme.'],
        ['esendex', '+447911123458', '345678 is your verification code for Acme.'],
        ['mitto', '+491701234567', '456789 ist dein Bestätigungscode für Acme.'],
      ] as const;
      for (const [name, to, body] of sent) {
        await providers[name].send({ to, text: body, channel: 'sms' });
        await expect.poll(() => text(page, '#messages > li .text'), poll).toBe(body);
        expect(await text(page, '#messages > li .badge.provider')).toBe(name);
      }
      await expect.poll(() => shown(page).count(), poll).toBe(4);
      expect(await text(page, '#messages > li .meta')).toMatch(/^1 segment · GSM-7 · 42 septets · id /);
      const recipient = page.locator('#messages > li button.to').first();
      expect(await recipient.textContent()).toBe('49******567');
      await recipient.click();
      // As Mitto received it: its API takes the number without the plus.
      expect(await recipient.textContent()).toBe('491701234567');
      expect(await recipient.getAttribute('aria-pressed')).toBe('true');

      await providers.vonage.send({
        to: '+447911123459',
        text: 'Your Acme code is 567890.',
        code: '567890',
        channel: 'voice',
        language: 'en-GB',
      });
      await expect.poll(() => text(page, '#messages > li .spoken .label'), poll).toBe('Spoken (en-GB)');
      const words = await text(page, '#messages > li .spoken .words');
      expect(words).toBe(simulator.messages.at(-1)?.text);
      expect(words).toMatch(/5.*6.*7.*8.*9.*0/);

      // The fault panel, the button pressed from the keyboard: a 503 for Twilio's next request.
      await page.locator('#fault-provider').selectOption('twilio');
      await page.locator('#fault-kind').selectOption('503');
      await page.locator('#fault-times').fill('1');
      await page.locator('#fault-arm').focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => text(page, '#pending'), poll)
        .toBe('twilio: unavailable (HTTP 503), next 1 request');
      const router = createRouter({ providers: [providers.twilio, providers.vonage] });
      const result = await router.send({ to: '+447911123460', text: '678901 is your code.', channel: 'sms' });
      expect(result.provider).toBe('vonage');
      expect(result.attempts.map((attempt) => attempt.provider)).toEqual(['twilio', 'vonage']);
      await expect.poll(() => text(page, '#messages > li .text'), poll).toBe('678901 is your code.');
      expect(await text(page, '#messages > li .badge.provider')).toBe('vonage');
      expect(await text(page, '#failed > li')).toContain('twilio unavailable (HTTP 503)');
      expect(await text(page, '#failed > li .meta')).toMatch(
        /^POST \/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/,
      );
      await expect.poll(() => text(page, '#pending'), poll).toMatch(/^No fault armed/);

      // Filters narrow the list on the page.
      await page.locator('#filter-channel').selectOption('voice');
      expect(await shown(page).count()).toBe(1);
      await page.locator('#filter-channel').selectOption('');
      await page.locator('#filter-provider').selectOption('vonage');
      expect(await shown(page).count()).toBe(3);
      await page.locator('#filter-recipient').fill('7911 123457');
      expect(await shown(page).count()).toBe(1);
      await page.locator('#filter-recipient').fill('');
      await page.locator('#filter-provider').selectOption('');
      await page.locator('#filter-text').fill('BESTÄTIGUNG');
      expect(await shown(page).count()).toBe(1);
      expect(await text(page, '#count')).toBe('6 messages, 1 shown');
      await page.locator('#filter-text').fill('');
      expect(await text(page, '#count')).toBe('6 messages');

      mkdirSync(docs, { recursive: true });
      await page.locator('#filter-text').blur();
      await page.mouse.move(0, 0);
      writeFileSync(
        join(docs, 'inbox.png'),
        await page.screenshot({ fullPage: true, animations: 'disabled' }),
      );

      await page.locator('#clear').click();
      await expect.poll(() => page.locator('#messages > li').count(), poll).toBe(0);
      expect(await text(page, '#count')).toBe('');
      expect(await page.locator('#empty').isVisible()).toBe(true);
      expect(await text(page, '#failed')).toBe('No request failed.');
      expect(simulator.messages).toEqual([]);
      expect(await page.evaluate('window.notReloaded')).toBe(true);
    });
  }, 60_000);

  it('shows hostile text as text: no element, script or request comes of it', async () => {
    simulator.reset();
    const hostile =
      '<img src="/x" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">link</a> 123456';
    await providers.mitto.send({ to: '+491701234567', text: hostile, channel: 'sms' });
    await withInbox(async (page) => {
      await expect.poll(() => text(page, '#messages > li .text'), poll).toBe(hostile);
      expect(
        await page.locator('#messages img, #messages script, #messages a[href^="javascript"]').count(),
      ).toBe(0);
      expect(await page.evaluate('window.pwned')).toBeUndefined();
      // The policy the page is served under forbids inline script even if some were inserted.
      const policy = await page.evaluate(async () =>
        (await fetch('/')).headers.get('content-security-policy'),
      );
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
    });
  }, 30_000);

  it('reaches every control from the keyboard', async () => {
    simulator.reset();
    await providers.twilio.send({ to: '+447911123456', text: '123456 is your code.', channel: 'sms' });
    await withInbox(async (page) => {
      const reached = new Set<string>();
      for (let press = 0; press < 20; press += 1) {
        await page.keyboard.press('Tab');
        reached.add(
          String(await page.evaluate('document.activeElement.id || document.activeElement.className')),
        );
      }
      expect([...reached]).toEqual(
        expect.arrayContaining([
          'skip',
          'filter-provider',
          'filter-channel',
          'filter-recipient',
          'filter-text',
          'clear',
          'to',
          'fault-provider',
          'fault-kind',
          'fault-times',
          'fault-channel',
          'fault-arm',
          'fault-disarm',
        ]),
      );
    });
  }, 30_000);

  it('fits a phone-sized window without scrolling sideways', async () => {
    simulator.reset();
    await providers.twilio.send({ to: '+447911123456', text: '123456 is your code.', channel: 'sms' });
    await providers.vonage.send({ to: '+447911123457', text: 'Your code is 123456.', channel: 'voice' });
    await withInbox(
      async (page) => {
        expect(await shown(page).count()).toBe(2);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        writeFileSync(join(docs, 'inbox-phone.png'), await page.screenshot({ animations: 'disabled' }));
      },
      { width: 390, height: 844 },
    );
  }, 30_000);

  it(`shows 1,000 messages within ${loadBudgetMs} ms of opening`, async () => {
    simulator.reset();
    for (let batch = 0; batch < 20; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) => {
          const n = batch * 50 + index;
          return providers.mitto.send({
            to: `+4917012${String(n).padStart(5, '0')}`,
            text: `${100_000 + n} is your verification code for Acme.`,
            channel: 'sms',
          });
        }),
      );
    }
    expect(simulator.messages).toHaveLength(1000);
    // The fastest of three loads: on a machine shared with other work, one load can wait for
    // the CPU far longer than the page needs; three slow ones in a row would mean a slow page.
    const loads: number[] = [];
    for (let load = 0; load < 3 && Math.min(...loads) >= loadBudgetMs; load += 1) {
      await withInbox(async (page) => {
        expect(await page.locator('#messages > li').count()).toBe(1000);
        // The browser's clock, from the start of navigation to the frame after the list was laid out.
        const painted = Number(
          await page.evaluate("performance.getEntriesByName('inbox:painted')[0].startTime"),
        );
        const phases = String(
          await page.evaluate(
            "[...performance.getEntriesByType('navigation').map((entry) => 'html@' + Math.round(entry.responseEnd) + ' parsed@' + Math.round(entry.domContentLoadedEventEnd)), ...performance.getEntriesByType('mark').map((mark) => mark.name + '@' + Math.round(mark.startTime))].join(' ')",
          ),
        );
        console.log(
          `inbox with 1,000 messages: on screen ${Math.round(painted)} ms after navigation started (${phases})`,
        );
        expect(painted).toBeGreaterThan(0);
        loads.push(painted);
      });
    }
    expect(Math.min(...loads)).toBeLessThan(loadBudgetMs);
  }, 60_000);
});
