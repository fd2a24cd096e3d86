import { esendexSimulator } from './esendex-simulator.js';
import { mittoSimulator } from './mitto-simulator.js';
import { clickSendSimulator } from './providers/clicksend/clicksend-simulator.js';
import { plivoSimulator } from './providers/plivo/plivo-simulator.js';
import type { SimulatedProvider } from './simulated-provider.js';
import { twilioSimulator } from './twilio-simulator.js';
import { twilioVerifySimulator } from './twilio-verify-simulator.js';
import { vonageSimulator } from './vonage-simulator.js';

/** The providers the simulator answers for (Twilio's Verify API apart); their paths do not collide. */
export const builtInProviders: readonly SimulatedProvider[] = [
  twilioSimulator,
  twilioVerifySimulator,
  vonageSimulator,
  esendexSimulator,
  mittoSimulator,
  plivoSimulator,
  clickSendSimulator,
];
