import { createPhoneProviderBody, updatePhoneProviderBody } from './management-bodies.js';
import { newId, phoneProviderView } from './management-tenant.js';
import { type ApiAnswer, apiError, now, parse, type RouteContext } from './route-helpers.js';

function customProviderRefusal(context: RouteContext): ApiAnswer | undefined {
  const ready = context.tenant.actions.some(
    (action) =>
      action.supported_triggers.some((trigger) => trigger.id === 'custom-phone-provider') &&
      context.tenant.versions.some((version) => version.action_id === action.id && version.deployed),
  );
  return ready
    ? undefined
    : apiError(400, 'A custom phone provider needs a deployed custom-phone-provider Action.', 'invalid_body');
}

export function listPhoneProviders(context: RouteContext): ApiAnswer {
  return {
    status: 200,
    body: {
      providers: context.tenant.phoneProviders.map((provider) =>
        phoneProviderView(provider, context.tenantId),
      ),
    },
  };
}

export function createPhoneProvider(context: RouteContext): ApiAnswer {
  const parsed = parse(createPhoneProviderBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const body = parsed.value;
  if (context.tenant.phoneProviders.length > 0)
    return apiError(409, 'A phone provider is already configured for this tenant.', 'conflict');
  if (body.name === 'custom') {
    if (Object.keys(body.credentials).length > 0)
      return apiError(400, 'A custom phone provider takes empty credentials: {}.', 'invalid_body');
    const refused = customProviderRefusal(context);
    if (refused) return refused;
  }
  const at = now();
  const provider = {
    id: newId('pro_'),
    name: body.name,
    channel: 'phone' as const,
    disabled: body.disabled ?? false,
    configuration: body.configuration ?? { delivery_methods: ['text'] },
    credentials: body.credentials,
    created_at: at,
    updated_at: at,
  };
  context.tenant.phoneProviders.push(provider);
  return { status: 201, body: phoneProviderView(provider, context.tenantId) };
}

export function updatePhoneProvider(context: RouteContext): ApiAnswer {
  const provider = context.tenant.phoneProviders.find((candidate) => candidate.id === context.params[0]);
  if (!provider) return apiError(404, 'The phone provider does not exist.', 'not_found');
  const parsed = parse(updatePhoneProviderBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const body = parsed.value;
  const name = body.name ?? provider.name;
  if (name === 'custom') {
    if (body.credentials && Object.keys(body.credentials).length > 0)
      return apiError(400, 'A custom phone provider takes empty credentials: {}.', 'invalid_body');
    if (provider.name !== 'custom' && body.credentials === undefined)
      return apiError(
        400,
        "Payload validation error: 'Missing required property: credentials'.",
        'invalid_body',
      );
    const refused = customProviderRefusal(context);
    if (refused) return refused;
  }
  provider.name = name;
  if (body.disabled !== undefined) provider.disabled = body.disabled;
  if (body.credentials !== undefined) provider.credentials = body.credentials;
  if (body.configuration !== undefined)
    provider.configuration = { ...provider.configuration, ...body.configuration };
  provider.updated_at = now();
  return { status: 200, body: phoneProviderView(provider, context.tenantId) };
}
