// Loads nothing: the cost of node plus this harness, subtracted from nothing, shown for reference.
export const label = 'harness only (loads nothing)';
export const endpoint = 'none';

export function load() {
  return undefined;
}
