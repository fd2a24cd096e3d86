import type { ActionHandlers } from '@mfa-sms/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  auth0ExecutionLimitMs,
  customPhoneProviderApi,
  runExecution,
  sendPhoneMessageApi,
} from './auth0-api.js';
import {
  auth0Secrets,
  customPhoneProviderEvent,
  hookArguments,
  sendPhoneMessageEvent,
} from './auth0-events.js';

describe('fake Auth0 runtime', () => {
  it('builds events and api objects the handlers take', () => {
    type Custom = Parameters<ActionHandlers['onExecuteCustomPhoneProvider']>;
    type Send = Parameters<ActionHandlers['onExecuteSendPhoneMessage']>;
    expectTypeOf(customPhoneProviderEvent()).toExtend<Custom[0]>();
    expectTypeOf(customPhoneProviderApi()).toExtend<Custom[1]>();
    expectTypeOf(sendPhoneMessageEvent()).toExtend<Send[0]>();
    expectTypeOf(sendPhoneMessageApi()).toExtend<Send[1]>();
    const voice = sendPhoneMessageEvent({ channel: 'voice', code: '123456', purpose: 'enrollment' });
    expect(voice.message_options).toMatchObject({
      message_type: 'voice',
      action: 'enrollment',
      code: '123456',
    });
    expect(voice.message_options.text).toContain('1.2.3.4.5.6');
    const custom = customPhoneProviderEvent({
      recipient: '+491701234567',
      language: 'de-DE',
      code: '654321',
    });
    expect(custom.notification).toMatchObject({
      recipient: '+491701234567',
      locale: 'de_DE',
      delivery_method: 'text',
      message_type: 'otp_verify',
      code: '654321',
    });
    expect(customPhoneProviderEvent({ messageType: 'blocked_account' }).notification.code).toBeUndefined();
    const [recipient, text, context] = hookArguments({ recipient: '+447400123456', code: '111222' });
    expect([recipient, text.includes('111222'), context.code]).toEqual(['+447400123456', true, '111222']);
  });

  it('counts only the last retry or drop, with the reason cut at 1,024 characters', () => {
    const api = customPhoneProviderApi();
    expect(api.decision).toBeUndefined();
    api.notification.retry('provider down');
    api.notification.drop('x'.repeat(2000));
    expect(api.decision).toEqual({ kind: 'drop', reason: 'x'.repeat(1024) });
    expect(api.calls).toEqual({ retry: ['provider down'], drop: ['x'.repeat(1024)] });
  });

  it('takes secrets as Auth0 does and names neither a bad name nor a value', () => {
    expect(auth0Secrets({ TWILIO_AUTH_TOKEN: 'x' })).toEqual({ TWILIO_AUTH_TOKEN: 'x' });
    expect(() => auth0Secrets({ 'MIIEv+base64/line==': 'x' })).toThrow(/secret #1 has a name Auth0 refuses/);
    expect(() => auth0Secrets({ A: 'x', ['B'.repeat(129)]: 'y' })).toThrow(/secret #2/);
    expect(() => auth0Secrets({ A: 'v'.repeat(4097) })).toThrow(/at most 4096/);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`S${index}`, 'v']));
    expect(() => auth0Secrets(many)).toThrow(/at most 30/);
    try {
      auth0Secrets({ 'hunter2 secret': 'x' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
    const parsed = auth0Secrets(JSON.parse('{"__proto__": "x", "B": "y"}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('ends an execution after the 20 s limit', async () => {
    expect(auth0ExecutionLimitMs).toBe(20_000);
    await expect(runExecution(async () => 'done')).resolves.toBe('done');
    await expect(
      runExecution(() => new Promise((resolve) => setTimeout(resolve, 200)), { limitMs: 20 }),
    ).rejects.toMatchObject({ code: 'execution_timeout' });
  });
});
