/**
 * The one catalogue of Kasa error codes. The server puts `code`, `message` and `action` into
 * every error response; the PWA shows `message` and `action` (translated by code where it can).
 */
export const errorCatalogue = {
  INVALID_INPUT: { status: 400, message: 'Some of the input is not valid.', action: 'Check the highlighted fields and try again.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The request must be sent as JSON.', action: 'Update the app and try again.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.', action: 'Try again with less data.' },
  NOT_FOUND: { status: 404, message: 'Nothing was found here.', action: 'Go back to the start screen.' },
  UNAUTHENTICATED: { status: 401, message: 'You are not signed in.', action: 'Sign in again.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password.', action: 'Check your username and password and try again.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.', action: 'Ask a supervisor.' },
  UNKNOWN_HOST: { status: 421, message: 'This server does not answer to the address the request was sent to.', action: 'Open Kasa from its own address.' },
  CSRF_REJECTED: { status: 403, message: 'The request came from an unexpected origin.', action: 'Open Kasa from its own address and try again.' },
  LIMIT_EXCEEDED: { status: 422, message: 'The amount is above the allowed limit.', action: 'Pay out a smaller amount or ask a supervisor.' },
  APPROVAL_REQUIRED: { status: 403, message: 'A supervisor must approve this amount.', action: 'Ask a supervisor to approve on this device.' },
  SELF_APPROVAL: { status: 403, message: 'You cannot approve your own cash-out.', action: 'Ask another supervisor to approve.' },
  INVALID_CODE: { status: 422, message: 'The reservation code is not valid.', action: 'Ask the customer to generate a new code in the Paysera app.' },
  CODE_EXPIRED: { status: 422, message: 'The reservation code has expired.', action: 'Ask the customer to generate a new code in the Paysera app.' },
  INSUFFICIENT_FUNDS: { status: 422, message: 'The customer does not have enough money in the wallet.', action: 'Ask the customer to top up or to withdraw less.' },
  AMOUNT_MISMATCH: { status: 409, message: 'Paysera reserved a different amount than requested. The reservation was cancelled.', action: 'Start a new cash-out. Do not give any cash.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many wrong codes for this cash-out. It was cancelled.', action: 'Start a new cash-out with a new code from the customer.' },
  WRONG_STATE: { status: 409, message: 'This cash-out cannot do that in its current state.', action: 'Reload to see the current state.' },
  WALLET_UNAVAILABLE: { status: 503, message: 'Paysera cannot be reached right now.', action: 'Wait a moment and try again. Do not give any cash.' },
  WALLET_REJECTED: { status: 422, message: 'Paysera refused the operation.', action: 'Ask the customer to check their wallet limits in the Paysera app.' },
  WALLET_MISCONFIGURED: { status: 502, message: 'The shop\'s Paysera connection is misconfigured.', action: 'Call the shop owner or administrator. Do not give any cash.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'Kasa cannot reach its database right now; nothing was changed.', action: 'Wait a moment and try again. Do not give any cash.' },
  SHUTTING_DOWN: { status: 503, message: 'Kasa is restarting; nothing was changed.', action: 'Wait a moment and try again. Do not give any cash.' },
  NO_OPEN_SHIFT: { status: 409, message: 'You have no open shift.', action: 'Open a shift with the counted cash in the drawer first.' },
  NOT_ENOUGH_CASH: { status: 409, message: 'The drawer does not hold enough cash for this payout.', action: 'Pay out a smaller amount, or record a pay-in first. Do not give any cash.' },
  SHIFT_ALREADY_OPEN: { status: 409, message: 'You already have an open shift.', action: 'Close your open shift before opening another.' },
  SHIFT_CLOSED: { status: 409, message: 'This shift is closed and can no longer change.', action: 'Open a new shift to go on.' },
  SHIFT_BUSY: { status: 409, message: 'A cash-out of this shift is still in progress.', action: 'Finish or cancel the cash-out in progress, then close the shift.' },
  SELF_SIGN_OFF: { status: 403, message: 'You cannot sign off your own shift.', action: 'Ask a supervisor to sign off with their own password.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Please wait.', action: 'Wait as long as it says, then try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.', action: 'Try again. If it keeps happening, call the administrator. Do not give any cash.' },
} as const satisfies Record<string, { status: number; message: string; action: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; action: string };
}

export function errorBody(code: ErrorCode, message?: string): ErrorBody {
  const entry = errorCatalogue[code];
  return { error: { code, message: message ?? entry.message, action: entry.action } };
}
