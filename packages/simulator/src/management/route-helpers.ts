import type { z } from 'zod';
import type { ManagementTenant } from './management-tenant.js';

export interface ApiAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route sees: the tenant, the parsed URL and body, and the fake's settings. */
export interface RouteContext {
  tenant: ManagementTenant;
  tenantId: string;
  url: URL;
  params: string[];
  body: unknown;
  buildDelayMs: number;
  unifiedPhoneExperience: boolean;
}

export interface ManagementRoute {
  method: 'GET' | 'POST' | 'PATCH';
  path: RegExp;
  scope: string;
  handle(context: RouteContext): ApiAnswer;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};

/** An error in the shape every Management API endpoint uses. */
export function apiError(status: number, message: string, errorCode: string): ApiAnswer {
  return { status, body: { statusCode: status, error: reasons[status] ?? 'Error', message, errorCode } };
}

export function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; answer: ApiAnswer } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `Payload validation error: 'Additional properties not allowed: ${issue.keys.join(',')}'.`
      : `Payload validation error: '${issue?.message ?? 'invalid'}' on property ${where}.`;
  return { ok: false, answer: apiError(400, message, 'invalid_body') };
}

export const now = (): string => new Date().toISOString();
