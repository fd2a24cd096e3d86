import { awsSimulator } from './aws/aws-simulator.js';
import { clickSendSimulator } from './clicksend/clicksend-simulator.js';
import { esendexSimulator } from './esendex/esendex-simulator.js';
import { mittoSimulator } from './mitto/mitto-simulator.js';
import { plivoSimulator } from './plivo/plivo-simulator.js';
import { telesignSimulator } from './telesign/telesign-simulator.js';
import { twilioSimulator } from './twilio/twilio-simulator.js';
import { twilioVerifySimulator } from './twilio/twilio-verify-simulator.js';
import { vonageSimulator } from './vonage/vonage-simulator.js';

/**
 * The providers `startSimulator` answers for, one folder each: adding a provider adds its folder
 * and one line here. Their paths must not collide (Twilio's Verify API shares Twilio's name and
 * credentials, on paths of its own). `ProviderName` and `SimulatorCredentials` are read from this list.
 */
export const builtInProviders = [
  twilioSimulator,
  twilioVerifySimulator,
  vonageSimulator,
  esendexSimulator,
  mittoSimulator,
  plivoSimulator,
  clickSendSimulator,
  telesignSimulator,
  awsSimulator,
] as const;
