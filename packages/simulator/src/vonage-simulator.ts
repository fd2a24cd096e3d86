import type { SimulatedProvider } from './simulated-provider.js';

// Placeholder until the vonage endpoints land: answers nothing.
export const vonageSimulator: SimulatedProvider = {
  name: 'vonage',
  routes: [],
  errorResponse: () => ({ status: 501, body: 'not implemented' }),
  codeResponse: () => ({ status: 501, body: 'not implemented' }),
};
