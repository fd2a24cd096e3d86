// Which of a scenario's built files are not there yet, as the one line the runner prints.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `undefined` when every file (relative to the checkout `root`) exists, else what to build. */
export function unbuilt(root, files) {
  const absent = files.filter((file) => !existsSync(fileURLToPath(new URL(file, root))));
  return absent.length ? `${absent.join(', ')} not built yet (npm run build)` : undefined;
}
