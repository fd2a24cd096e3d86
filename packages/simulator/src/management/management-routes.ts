import {
  createAction,
  deployDraft,
  deployVersion,
  findAction,
  listActions,
  listVersions,
  updateAction,
} from './action-routes.js';
import { listBindings, updateBindings } from './binding-routes.js';
import { actionView } from './management-tenant.js';
import { createPhoneProvider, listPhoneProviders, updatePhoneProvider } from './phone-provider-routes.js';
import type { ManagementRoute } from './route-helpers.js';

export type { ApiAnswer, ManagementRoute, RouteContext } from './route-helpers.js';
export { apiError } from './route-helpers.js';

const id = '([^/]+)';

export const managementRoutes: readonly ManagementRoute[] = [
  { method: 'GET', path: /^\/api\/v2\/actions\/actions$/, scope: 'read:actions', handle: listActions },
  { method: 'POST', path: /^\/api\/v2\/actions\/actions$/, scope: 'create:actions', handle: createAction },
  {
    method: 'GET',
    path: new RegExp(`^/api/v2/actions/actions/${id}$`),
    scope: 'read:actions',
    handle: (context) => {
      const action = findAction(context);
      return 'status' in action ? action : { status: 200, body: actionView(action, context.tenant) };
    },
  },
  {
    method: 'PATCH',
    path: new RegExp(`^/api/v2/actions/actions/${id}$`),
    scope: 'update:actions',
    handle: updateAction,
  },
  {
    method: 'POST',
    path: new RegExp(`^/api/v2/actions/actions/${id}/deploy$`),
    scope: 'create:actions',
    handle: deployDraft,
  },
  {
    method: 'GET',
    path: new RegExp(`^/api/v2/actions/actions/${id}/versions$`),
    scope: 'read:actions',
    handle: listVersions,
  },
  {
    method: 'POST',
    path: new RegExp(`^/api/v2/actions/actions/${id}/versions/${id}/deploy$`),
    scope: 'create:actions',
    handle: deployVersion,
  },
  {
    method: 'GET',
    path: new RegExp(`^/api/v2/actions/triggers/${id}/bindings$`),
    scope: 'read:actions',
    handle: listBindings,
  },
  {
    method: 'PATCH',
    path: new RegExp(`^/api/v2/actions/triggers/${id}/bindings$`),
    scope: 'update:actions',
    handle: updateBindings,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/branding\/phone\/providers$/,
    scope: 'read:phone_providers',
    handle: listPhoneProviders,
  },
  {
    method: 'POST',
    path: /^\/api\/v2\/branding\/phone\/providers$/,
    scope: 'create:phone_providers',
    handle: createPhoneProvider,
  },
  {
    method: 'PATCH',
    path: new RegExp(`^/api/v2/branding/phone/providers/${id}$`),
    scope: 'update:phone_providers',
    handle: updatePhoneProvider,
  },
];
