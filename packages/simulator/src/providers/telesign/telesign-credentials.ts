export interface TelesignCredentials {
  /** A Customer ID shaped like Telesign's (a UUID in capitals). */
  customerId: string;
  /** Base64, as Telesign issues API keys: the digest scheme signs with the decoded bytes. */
  apiKey: string;
}

// Fake values that pass @mfa-sms/telesign's option checks and work nowhere real.
export const telesignDefaultCredentials: TelesignCredentials = {
  customerId: '5111A000-0000-4000-8000-00000000CAFE',
  apiKey: 'c2ltLXRlbGVzaWduLWFwaS1rZXktbm90LWEtcmVhbC1vbmU=',
};
