import { esendexSimulator } from './esendex-simulator.js';
import { mittoSimulator } from './mitto-simulator.js';
import type { SimulatedProvider } from './simulated-provider.js';
import { twilioSimulator } from './twilio-simulator.js';
import { vonageSimulator } from './vonage-simulator.js';

/** The four providers the simulator answers for; their paths do not collide. */
export const builtInProviders: readonly SimulatedProvider[] = [
  twilioSimulator,
  vonageSimulator,
  esendexSimulator,
  mittoSimulator,
];
