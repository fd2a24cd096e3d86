/** Values sorted ascending, as a new array. */
export function sorted(values) {
  return Float64Array.from(values).sort();
}

/** Nearest-rank percentile (0–100) of already sorted values. */
export function percentileOfSorted(ordered, percent) {
  if (ordered.length === 0) return Number.NaN;
  const rank = Math.ceil((percent / 100) * ordered.length);
  return ordered[Math.min(ordered.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  const ordered = sorted(values);
  if (ordered.length === 0) return Number.NaN;
  const middle = ordered.length >> 1;
  return ordered.length % 2 === 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

/** Median, minimum and maximum of a series of measurements. */
export function summarize(values) {
  const ordered = sorted(values);
  return {
    median: median(ordered),
    min: ordered.length ? ordered[0] : Number.NaN,
    max: ordered.length ? ordered[ordered.length - 1] : Number.NaN,
    count: ordered.length,
  };
}

/** Visits items in a different order each round so that no client always runs first or last. */
export function rotated(items, round) {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export function formatNumber(value, digits = 0) {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `median (min–max)` with a unit. */
export function formatSpread(summary, digits = 0, unit = '') {
  if (!summary || !Number.isFinite(summary.median)) return '–';
  const suffix = unit ? ` ${unit}` : '';
  return `${formatNumber(summary.median, digits)}${suffix} (${formatNumber(summary.min, digits)}–${formatNumber(summary.max, digits)})`;
}

export function formatRatio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}
