// The messages every client sends: French mobile numbers (valid for libphonenumber-js, accepted by
// every simulated provider) and a fresh code each time, so that nothing on the way (the Action's
// duplicate suppression included) can answer from a cache.

const firstNumber = 33_612_340_000;
const numbersUsed = 10_000;

/** The message number `index` (0-based) of a run. */
export function benchMessage(index) {
  const code = String(100_000 + ((index * 7919) % 900_000));
  return {
    to: `+${firstNumber + (index % numbersUsed)}`,
    code,
    text: `${code} is your verification code. It expires in 5 minutes.`,
  };
}

/** `+33612345678` written as people type it: `+33 6 12 34 56 78`. */
export function asTyped(e164) {
  const national = e164.slice(3);
  return `+33 ${national[0]} ${national.slice(1).replace(/(\d\d)(?=\d)/g, '$1 ')}`;
}
