import { startSimulator } from '@mfa-sms/simulator';
import { testPlugin } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from './infobip-plugin.js';

testPlugin(plugin);

describe('plugin (what the Action reads from its secrets)', () => {
  it('reads the INFOBIP_ secrets, requires key and base URL, and never the guide’s API_KEY', () => {
    expect(plugin.name).toBe('infobip');
    expect(plugin.secrets).toEqual({
      apiKey: ['INFOBIP_API_KEY'],
      baseUrl: ['INFOBIP_BASE_URL'],
      from: ['INFOBIP_FROM'],
      voiceFrom: ['INFOBIP_VOICE_FROM'],
    });
    expect(plugin.required).toEqual(['INFOBIP_API_KEY', 'INFOBIP_BASE_URL']);
    expect(JSON.stringify(plugin.secrets)).not.toMatch(/"API_KEY"/);
  });

  it('builds a provider that calls from INFOBIP_VOICE_FROM', async () => {
    const simulator = await startSimulator();
    try {
      const provider = plugin.create({
        apiKey: simulator.credentials.infobip.apiKey,
        baseUrl: simulator.url,
        voiceFrom: '+41793026700',
      });
      await provider.send({
        to: '+447400123456',
        text: 'Your code is 493817',
        code: '493817',
        channel: 'voice',
      });
      expect(simulator.messages).toMatchObject([
        { provider: 'infobip', channel: 'voice', from: '41793026700' },
      ]);
    } finally {
      await simulator.close();
    }
  });
});
