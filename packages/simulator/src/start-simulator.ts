import { builtInProviders } from './providers/index.js';
import { type Simulator, type SimulatorOptions, startSimulatorWith } from './simulator.js';

/** Starts the simulator for every provider of `builtInProviders`, on 127.0.0.1. */
export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulatorWith(builtInProviders, options);
}
