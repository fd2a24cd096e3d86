import { knownTriggers, updateBindingsBody } from './management-bodies.js';
import { bindingView, newId } from './management-tenant.js';
import { type ApiAnswer, apiError, now, parse, type RouteContext } from './route-helpers.js';

function checkTrigger(context: RouteContext): ApiAnswer | undefined {
  const trigger = context.params[0] ?? '';
  if (!(trigger in knownTriggers)) return apiError(404, `Trigger '${trigger}' does not exist.`, 'not_found');
  if (trigger === 'send-phone-message' && context.unifiedPhoneExperience)
    return apiError(
      403,
      'This tenant uses the unified phone experience: send-phone-message is a deprecated feature.',
      'deprecated_feature',
    );
  return undefined;
}

export function listBindings(context: RouteContext): ApiAnswer {
  const refused = checkTrigger(context);
  if (refused) return refused;
  const bindings = context.tenant.bindings[context.params[0] ?? ''] ?? [];
  return {
    status: 200,
    body: {
      bindings: bindings.map((binding) => bindingView(binding, context.tenant)),
      total: bindings.length,
      page: 0,
      per_page: 50,
    },
  };
}

export function updateBindings(context: RouteContext): ApiAnswer {
  const refused = checkTrigger(context);
  if (refused) return refused;
  const trigger = context.params[0] ?? '';
  const parsed = parse(updateBindingsBody, context.body);
  if (!parsed.ok) return parsed.answer;
  const previous = context.tenant.bindings[trigger] ?? [];
  const next = [];
  for (const { ref, display_name } of parsed.value.bindings) {
    const kept = ref.type === 'binding_id' ? previous.find((binding) => binding.id === ref.value) : undefined;
    if (ref.type === 'binding_id') {
      if (!kept) return apiError(400, `Binding '${ref.value}' does not exist.`, 'invalid_body');
      next.push(kept);
      continue;
    }
    const action = context.tenant.actions.find((candidate) =>
      ref.type === 'action_id' ? candidate.id === ref.value : candidate.name === ref.value,
    );
    if (!action) return apiError(400, `Action '${ref.value}' does not exist.`, 'invalid_body');
    if (!action.supported_triggers.some((candidate) => candidate.id === trigger))
      return apiError(
        400,
        `Action '${action.name}' does not support the trigger ${trigger}.`,
        'invalid_body',
      );
    if (!context.tenant.versions.some((version) => version.action_id === action.id && version.deployed))
      return apiError(
        400,
        `Action '${action.name}' must be deployed before it can be bound.`,
        'invalid_body',
      );
    const at = now();
    next.push({
      id: newId(),
      trigger_id: trigger,
      action_id: action.id,
      display_name: display_name ?? action.name,
      created_at: at,
      updated_at: at,
    });
  }
  context.tenant.bindings[trigger] = next;
  return { status: 200, body: { bindings: next.map((binding) => bindingView(binding, context.tenant)) } };
}
