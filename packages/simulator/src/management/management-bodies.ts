import { z } from 'zod';

// Request bodies as Auth0's Management API documents them. Objects are strict: Auth0 answers
// 400 "Additional properties not allowed" to a field it does not know, and so does the fake.

export const knownTriggers: Readonly<Record<string, string>> = {
  'post-login': 'v3',
  'credentials-exchange': 'v2',
  'pre-user-registration': 'v2',
  'post-user-registration': 'v2',
  'post-change-password': 'v2',
  'send-phone-message': 'v2',
  'custom-phone-provider': 'v1',
  'custom-email-provider': 'v1',
};

export const runtimes = ['node12', 'node16', 'node18', 'node18-actions', 'node22'] as const;

const dependency = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  registry_url: z.string().url().optional(),
});

const secret = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'secret names are letters, digits and underscores'),
  value: z.string().max(4096).optional(),
});

const trigger = z.strictObject({ id: z.string().min(1), version: z.string().min(1) });

const actionFields = {
  code: z.string().max(100 * 1024, 'code is over 100 kB'),
  dependencies: z.array(dependency),
  runtime: z.enum(runtimes),
  secrets: z.array(secret),
};

export const createActionBody = z.strictObject({
  name: z.string().min(1).max(250),
  supported_triggers: z.array(trigger).min(1).max(1),
  code: actionFields.code.optional(),
  dependencies: actionFields.dependencies.optional(),
  runtime: actionFields.runtime.optional(),
  secrets: actionFields.secrets.optional(),
});

export const updateActionBody = z.strictObject({
  name: z.string().min(1).max(250).optional(),
  supported_triggers: z.array(trigger).min(1).max(1).optional(),
  code: actionFields.code.optional(),
  dependencies: actionFields.dependencies.optional(),
  runtime: actionFields.runtime.optional(),
  secrets: actionFields.secrets.optional(),
});

export const deployVersionBody = z.strictObject({ update_draft: z.boolean().optional() }).optional();

export const updateBindingsBody = z.strictObject({
  bindings: z.array(
    z.strictObject({
      ref: z.strictObject({
        type: z.enum(['binding_id', 'action_id', 'action_name']),
        value: z.string().min(1),
      }),
      display_name: z.string().optional(),
      secrets: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
    }),
  ),
});

const deliveryMethods = z.array(z.enum(['text', 'voice'])).min(1);

export const createPhoneProviderBody = z.strictObject({
  name: z.enum(['twilio', 'custom']),
  disabled: z.boolean().optional(),
  configuration: z.looseObject({ delivery_methods: deliveryMethods }).optional(),
  credentials: z.record(z.string(), z.unknown()),
});

export const updatePhoneProviderBody = z.strictObject({
  name: z.enum(['twilio', 'custom']).optional(),
  disabled: z.boolean().optional(),
  configuration: z.looseObject({ delivery_methods: deliveryMethods.optional() }).optional(),
  credentials: z.record(z.string(), z.unknown()).optional(),
});

export const tokenBody = z.object({
  grant_type: z.string(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  audience: z.string().optional(),
});
