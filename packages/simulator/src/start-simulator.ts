import { builtInProviders } from './providers.js';
import { type Simulator, type SimulatorOptions, startSimulatorWith } from './simulator.js';

/** Starts the simulator for Twilio, Vonage, Esendex and Mitto on 127.0.0.1. */
export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulatorWith(builtInProviders, options);
}
