import { createHandlers } from './handlers.js';

// Module scope is reused while the container is warm: the handlers cache their providers there.
const handlers = createHandlers();

/** Trigger `send-phone-message`. */
export const onExecuteSendPhoneMessage = handlers.onExecuteSendPhoneMessage;
/** Trigger `custom-phone-provider`. */
export const onExecuteCustomPhoneProvider = handlers.onExecuteCustomPhoneProvider;
