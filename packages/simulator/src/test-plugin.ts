import { beforeAll, describe, expect, it } from 'vitest';
import type { ConformingProvider } from './test-provider.js';
import { useSimulator } from './test-simulator.js';

/** The part of `@mfa-sms/core/provider`'s ProviderPlugin this suite checks (structural, as a third party's may be). */
export interface ConformingPlugin {
  name: string;
  secrets: { readonly [option: string]: readonly string[] | undefined };
  required?: readonly string[];
  create(options: never): ConformingProvider;
}

export interface TestPluginOptions {
  /** A recipient the simulated provider accepts for an SMS. Default `+447700900123`. */
  to?: string;
}

/**
 * Checks a provider package's `plugin` against its simulated provider (the one of the same name):
 * the secrets its `actionSecrets` sets are secrets the plugin reads, the secrets the plugin
 * requires are among them, and options read from them as the ready-made Action reads them (the
 * first set secret of each option, taken as it is: `actionSecrets` gives plain values, not the
 * Action's per-country sender syntax) build a provider that sends through the simulator.
 */
export function testPlugin(plugin: ConformingPlugin, options: TestPluginOptions = {}): void {
  describe(`${plugin.name} plugin`, () => {
    const { simulator } = useSimulator({ reset: false });
    let secrets: Record<string, string>;

    beforeAll(() => {
      const simulated = simulator.providers.find((candidate) => candidate.name === plugin.name);
      if (!simulated?.actionSecrets)
        throw new Error(`no simulated provider named ${plugin.name} with actionSecrets in builtInProviders`);
      secrets = {
        ...simulated.actionSecrets({
          url: simulator.url,
          credentials: simulator.credentials[plugin.name] ?? {},
        }),
      };
    });

    it('reads every secret the simulator sets for it, and requires only secrets it reads', () => {
      const read = new Set(Object.values(plugin.secrets).flatMap((names) => names ?? []));
      expect([...Object.keys(secrets)].filter((name) => !read.has(name))).toEqual([]);
      expect((plugin.required ?? []).filter((name) => !read.has(name))).toEqual([]);
      expect((plugin.required ?? []).filter((name) => !(name in secrets))).toEqual([]);
    });

    it('builds a provider of its name from those secrets that sends through the simulator', async () => {
      const built: Record<string, string> = {};
      for (const [option, names] of Object.entries(plugin.secrets)) {
        const value = names?.map((name) => secrets[name]).find((candidate) => candidate);
        if (value) built[option] = value;
      }
      const provider = plugin.create(built as never);
      expect(provider.name).toBe(plugin.name);
      const to = options.to ?? '+447700900123';
      const result = await provider.send({ to, text: 'Your code is 123456', channel: 'sms', code: '123456' });
      expect(result).toMatchObject({ provider: plugin.name, channel: 'sms' });
      expect(simulator.messages.map(({ provider }) => provider)).toEqual([plugin.name]);
    });
  });
}
