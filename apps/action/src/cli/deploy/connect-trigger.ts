import type { DeployTrigger } from './deploy-options.js';
import type { ManagementClient } from './management-client.js';
import {
  type Binding,
  bindingList,
  type PhoneProvider,
  phoneProviderList,
  phoneProviderSchema,
} from './management-schemas.js';

export type StepPlan = 'create' | 'update' | 'unchanged';

/** How the deployed Action is put to work: the phone provider, or a trigger binding. */
export interface Connection {
  label: string;
  plan: StepPlan;
  apply(actionId: string): Promise<void>;
}

function sameMethods(current: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return (
    current !== undefined &&
    current.length === wanted.length &&
    wanted.every((method) => current.includes(method))
  );
}

async function phoneProviderConnection(
  client: ManagementClient,
  deliveryMethods: readonly ('text' | 'voice')[],
): Promise<Connection> {
  const { providers } = await client.call({
    method: 'GET',
    path: '/api/v2/branding/phone/providers',
    schema: phoneProviderList,
    scope: 'read:phone_providers',
    what: 'read the phone provider',
  });
  const existing: PhoneProvider | undefined = providers[0];
  const wanted = {
    name: 'custom',
    disabled: false,
    configuration: { delivery_methods: [...deliveryMethods] },
    // Auth0 answers 400 to a custom provider without it.
    credentials: {},
  };
  const plan: StepPlan = !existing
    ? 'create'
    : existing.name === 'custom' &&
        !existing.disabled &&
        sameMethods(existing.configuration?.delivery_methods, deliveryMethods)
      ? 'unchanged'
      : 'update';
  return {
    label: `phone provider custom (${deliveryMethods.join(', ')})`,
    plan,
    async apply() {
      if (plan === 'unchanged') return;
      await client.call({
        method: existing ? 'PATCH' : 'POST',
        path: existing
          ? `/api/v2/branding/phone/providers/${encodeURIComponent(existing.id)}`
          : '/api/v2/branding/phone/providers',
        body: wanted,
        schema: phoneProviderSchema,
        scope: existing ? 'update:phone_providers' : 'create:phone_providers',
        what: `${plan} the phone provider`,
      });
    },
  };
}

async function bindingConnection(
  client: ManagementClient,
  trigger: DeployTrigger,
  actionId: string | undefined,
  actionName: string,
): Promise<Connection> {
  const path = `/api/v2/actions/triggers/${trigger}/bindings`;
  const { bindings } = await client.call({
    method: 'GET',
    path,
    schema: bindingList,
    scope: 'read:actions',
    what: `read the ${trigger} bindings`,
  });
  const bound = actionId !== undefined && bindings.some((binding: Binding) => binding.action.id === actionId);
  return {
    label: `binding on ${trigger}`,
    plan: bound ? 'unchanged' : 'create',
    async apply(id) {
      if (bound) return;
      // The PATCH replaces the whole list: the bindings already there are sent back as they are.
      await client.call({
        method: 'PATCH',
        path,
        body: {
          bindings: [
            ...bindings.map((binding) => ({ ref: { type: 'binding_id', value: binding.id } })),
            { ref: { type: 'action_id', value: id }, display_name: actionName },
          ],
        },
        schema: bindingList,
        scope: 'update:actions',
        what: `bind the Action to ${trigger}`,
      });
    },
  };
}

export function planConnection(
  client: ManagementClient,
  trigger: DeployTrigger,
  action: { id: string | undefined; name: string },
  deliveryMethods: readonly ('text' | 'voice')[],
): Promise<Connection> {
  return trigger === 'custom-phone-provider'
    ? phoneProviderConnection(client, deliveryMethods)
    : bindingConnection(client, trigger, action.id, action.name);
}
