import type { CashoutRecord } from '../store/types.ts';
import { mayStart } from './machine.ts';
import type { CashoutStep } from './machine.ts';
import { CashoutError } from './types.ts';

/** The steps a person asks for; the sweeper asks the machine itself (sweep.ts). */
export type RequestedStep = Exclude<CashoutStep, 'sweep'>;

const refusals: Record<RequestedStep, (status: string) => string> = {
  reserve: (status) => `A ${status} cash-out cannot be reserved.`,
  approve: () => 'Only a reserved cash-out can be approved.',
  confirm: (status) => `A ${status} cash-out cannot be confirmed.`,
  cancel: (status) => `This cash-out is already ${status}.`,
};

export interface StepRun {
  /** The step itself, on a cash-out the machine lets it start on. */
  run: (record: CashoutRecord) => Promise<CashoutRecord>;
  /** Settles a write whose outcome is open, as far as Paysera can tell now. */
  settle: (record: CashoutRecord) => Promise<CashoutRecord>;
}

/**
 * Runs a requested step if the machine lets it start, settling an open write first. A cancel that
 * had to settle answers with what Paysera showed (the cash-out may have been confirmed or released
 * meanwhile); any other step is refused unless the settled cash-out lets it start.
 */
export async function startStep(step: RequestedStep, record: CashoutRecord, { run, settle }: StepRun): Promise<CashoutRecord> {
  const settledFirst = mayStart(step, record) === 'settle_first';
  const current = settledFirst ? await settle(record) : record;
  const answer = mayStart(step, current);
  if (answer === 'done') return current;
  if (answer === 'start') return run(current);
  if (step === 'cancel' && settledFirst) return current;
  throw new CashoutError('WRONG_STATE', refusals[step](current.status.replace('_', ' ')));
}
