/** Each entry of our packages (`@mfa-sms/core/provider`) and its source file, longest specifier first. */
export function sourceEntries(root?: string): { specifier: string; file: string }[];
