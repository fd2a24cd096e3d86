import { describe, expect, it } from 'vitest';
import { createStoreKeyer } from '../store/store-keys.js';
import { containerMemory } from './dedupe.js';

describe('containerMemory', () => {
  const keyer = createStoreKeyer();

  it('never lets deduplication entries push a count out, and keeps few of them', () => {
    const memory = containerMemory();
    const counter = [{ key: keyer('r', '+447400123456'), windowMs: 3_600_000 }];
    expect(memory.increment(counter)).toEqual([1]);
    const sent = Array.from({ length: 20_000 }, (_, index) => keyer('d', `message ${index}`));
    for (const key of sent) memory.set(key, 'SM1', 60_000);
    expect(memory.increment(counter)).toEqual([2]);
    expect(memory.get(sent[sent.length - 1] as string)).toBe('SM1');
    expect(memory.get(sent[sent.length - 200] as string)).toBe('SM1');
    expect(memory.get(sent[sent.length - 300] as string)).toBeUndefined();
  });

  it('keeps other stored values beside the counts', () => {
    const memory = containerMemory();
    const rests = keyer('health', 'twilio,vonage');
    memory.set(rests, '{}', 30_000);
    for (let index = 0; index < 1000; index += 1) memory.set(keyer('d', `message ${index}`), 'SM1', 60_000);
    expect(memory.get(rests)).toBe('{}');
  });
});
