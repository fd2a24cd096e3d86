import {
  type ActionPolicy,
  type Auth0Secrets,
  checkStoreKey,
  createRedisStore,
  isMfaSmsError,
  MfaSmsError,
  parseHealth,
  parseVelocityLimits,
} from '@mfa-sms/core';

type StorePolicy = Pick<ActionPolicy, 'limits' | 'store' | 'storeKey' | 'health'>;

/**
 * The velocity limits, provider health and the store, from `MFA_SMS_LIMITS`, `MFA_SMS_HEALTH`,
 * `MFA_SMS_REDIS_URL` and `MFA_SMS_STORE_KEY`. Health is on unless `MFA_SMS_HEALTH=off`. Without Redis the Action counts in api.cache; ioredis is loaded only when
 * `MFA_SMS_REDIS_URL` is set, at the first send.
 */
export function storePolicyFromSecrets(secrets: Auth0Secrets): StorePolicy {
  const policy: StorePolicy = {};
  const limits = secrets.MFA_SMS_LIMITS;
  if (limits !== undefined && limits !== '')
    policy.limits = parseVelocityLimits(limits, 'Secret MFA_SMS_LIMITS');
  const health = secrets.MFA_SMS_HEALTH;
  if (health !== undefined && health !== '') policy.health = parseHealth(health, 'Secret MFA_SMS_HEALTH');
  const url = secrets.MFA_SMS_REDIS_URL;
  const key = secrets.MFA_SMS_STORE_KEY;
  const keyName = 'Secret MFA_SMS_STORE_KEY';
  if (url === undefined || url === '') {
    // Without Redis the key still keys api.cache's entries, so they hold no unkeyed hash of a number.
    if (key !== undefined && key !== '') {
      checkStoreKey(key, keyName);
      policy.storeKey = key;
    }
    return policy;
  }
  if (key === undefined || key === '') {
    throw new MfaSmsError({
      code: 'invalid_config',
      message:
        'Secret MFA_SMS_STORE_KEY is missing (MFA_SMS_REDIS_URL is set): give a random string of at least 16 characters; the Redis keys are HMACs keyed by it',
    });
  }
  try {
    policy.store = createRedisStore({ url: url.trim() });
  } catch (error) {
    if (!isMfaSmsError(error)) throw error;
    throw new MfaSmsError({
      code: 'invalid_config',
      message: 'Secret MFA_SMS_REDIS_URL is invalid: must be a redis:// or rediss:// (TLS) URL',
    });
  }
  checkStoreKey(key, keyName);
  policy.storeKey = key;
  return policy;
}
