// The zod every provider's schemas are built with: zod/mini, which tree-shakes to what a
// provider uses and builds schemas without dozens of methods each, where classic zod costs
// ~190 kB per bundle (issue 17: an Auth0 Action's cold start). Providers import it as
// `import * as z from '@mfa-sms/provider-schemas/zod'`: a namespace import the bundler can
// tree-shake, where a namespace passed on as a named export (`export { z }`) drags all of
// zod/mini and every locale into the bundle.
//
// zod/mini installs no locale: without one every issue would read "Invalid input", and option
// errors must keep their English reasons ("expected number, received string"). zod's
// configuration is global (on globalThis, shared by every copy of zod 4 in the process), so
// English goes in only when no copy has set a locale yet: a user's choice is never replaced.
// This statement is why package.json lists this file under sideEffects, and why provider code
// takes zod from here and never from zod/mini directly.
import { en } from 'zod/locales';
import { config } from 'zod/mini';

if (!config().localeError) config(en());

export * from 'zod/mini';
