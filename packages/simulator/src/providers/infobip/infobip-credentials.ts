export interface InfobipCredentials {
  /** The API key the simulator accepts in `Authorization: App <apiKey>`. */
  apiKey: string;
}

// Well-formed but obviously fake: never a key that works anywhere real.
export const infobipDefaultCredentials: InfobipCredentials = {
  apiKey: 'sim-infobip-api-key-0000000000000000',
};
