/**
 * A provider factory with the options most of a test file's providers are built with, and a
 * test's own laid over them. `defaults` is called on each use, inside the test, so it may read a
 * `useSimulator` handle's simulator; pass the same function as `testRedaction`'s `options`.
 *
 * ```ts
 * const options = (): AcmeOptions => ({ ...simulator.credentials.acme, baseUrl: simulator.url });
 * const acme = withDefaults(createAcme, options);
 * await acme({ from: 'Other' }).send(sms);
 * ```
 */
export function withDefaults<O, P>(
  create: (options: O) => P,
  defaults: () => NoInfer<O>,
): (overrides?: Partial<O>) => P {
  return (overrides = {}) => create({ ...defaults(), ...overrides });
}
