import { lazySchema } from '@mfa-sms/core/provider';
import { z } from 'zod';

// The parts of Auth0's Management API answers that a deploy reads. Objects are loose: Auth0 adds
// fields over time, and a deploy must not break because of one it does not use.

export const tokenResponse = lazySchema(() =>
  z.object({
    access_token: z.string().min(1),
    scope: z.string().optional(),
    expires_in: z.number().optional(),
  }),
);

export const apiErrorBody = lazySchema(() =>
  z.object({
    statusCode: z.number().optional(),
    error: z.string().optional(),
    message: z.string().optional(),
    errorCode: z.string().optional(),
    error_description: z.string().optional(),
  }),
);

const dependency = z.object({ name: z.string(), version: z.string() });

const version = z.object({
  id: z.string(),
  number: z.number(),
  deployed: z.boolean().optional(),
  code: z.string().optional(),
});

const action = z.object({
  id: z.string(),
  name: z.string(),
  supported_triggers: z.array(z.object({ id: z.string(), version: z.string().optional() })),
  code: z.string().optional(),
  dependencies: z.array(dependency).optional(),
  runtime: z.string().optional(),
  secrets: z.array(z.object({ name: z.string() })).optional(),
  status: z.string().optional(),
  all_changes_deployed: z.boolean().optional(),
  deployed_version: version.optional(),
});

export type Action = z.infer<typeof action>;
export type ActionVersion = z.infer<typeof version>;

export const actionSchema = lazySchema(() => action);
export const actionList = lazySchema(() => z.object({ actions: z.array(action) }));
export const versionSchema = lazySchema(() => version);
export const versionList = lazySchema(() => z.object({ versions: z.array(version) }));

const binding = z.object({
  id: z.string(),
  action: z.object({ id: z.string(), name: z.string().optional() }),
  display_name: z.string().optional(),
});
export type Binding = z.infer<typeof binding>;
export const bindingList = lazySchema(() => z.object({ bindings: z.array(binding) }));

const phoneProvider = z.object({
  id: z.string(),
  name: z.string(),
  disabled: z.boolean().optional(),
  configuration: z
    .object({ delivery_methods: z.array(z.string()).optional() })
    .loose()
    .optional(),
});
export type PhoneProvider = z.infer<typeof phoneProvider>;
export const phoneProviderSchema = lazySchema(() => phoneProvider);
export const phoneProviderList = lazySchema(() => z.object({ providers: z.array(phoneProvider) }));
