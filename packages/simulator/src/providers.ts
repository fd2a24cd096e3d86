import { esendexSimulator } from './esendex-simulator.js';
import { mittoSimulator } from './mitto-simulator.js';
import { infobipSimulator } from './providers/infobip/infobip-simulator.js';
import type { SimulatedProvider } from './simulated-provider.js';
import { twilioSimulator } from './twilio-simulator.js';
import { twilioVerifySimulator } from './twilio-verify-simulator.js';
import { vonageSimulator } from './vonage-simulator.js';

/** The four providers the simulator answers for (Twilio's Verify API apart); their paths do not collide. */
export const builtInProviders: readonly SimulatedProvider[] = [
  twilioSimulator,
  twilioVerifySimulator,
  vonageSimulator,
  esendexSimulator,
  mittoSimulator,
  infobipSimulator,
];
