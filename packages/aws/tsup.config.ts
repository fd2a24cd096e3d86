import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { providerBuild } from '../../scripts/tsup-provider.mjs';

export default defineConfig(providerBuild(fileURLToPath(new URL('.', import.meta.url))));
