import type { ErrorCode } from '../../shared/errors.ts';

/** A refusal of the cash desk, with the code the HTTP layer maps to a status. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}
