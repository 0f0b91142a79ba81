import { z } from 'zod';
import type { WalletOperation } from '../wallet/errors.ts';

export const faultSpecSchema = z.strictObject({
  endpoint: z.enum(['server', 'create', 'get', 'reserve', 'confirm', 'revoke', 'list', 'wallet', 'any']),
  /** `refuse`: a 403 `forbidden`, as Paysera answers a client without the permission the call needs. */
  kind: z.enum(['latency', 'error', 'drop_before', 'drop_after', 'hang', 'refuse']),
  ms: z.number().int().nonnegative().max(600_000).optional(),
  status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
  count: z.number().int().positive().optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type FaultKind = FaultSpec['kind'];

/** A fault as it fires: defaults resolved. */
export interface ActiveFault {
  kind: FaultKind;
  ms: number;
  status: 500 | 502 | 503;
}

export interface FaultView extends ActiveFault {
  id: number;
  endpoint: FaultSpec['endpoint'];
  count: number;
  remaining: number;
  fired: number;
}

const defaultMs: Record<FaultKind, number> = { latency: 1000, hang: 30_000, error: 0, drop_before: 0, drop_after: 0, refuse: 0 };

/** Faults fire in the order they were added; each affects `count` matching calls, then stays listed as spent. */
export class FaultRegistry {
  #faults: FaultView[] = [];
  #nextId = 1;

  add(spec: FaultSpec): number {
    const count = spec.count ?? 1;
    const id = this.#nextId++;
    this.#faults.push({
      id,
      endpoint: spec.endpoint,
      kind: spec.kind,
      ms: spec.ms ?? defaultMs[spec.kind],
      status: spec.status ?? 500,
      count,
      remaining: count,
      fired: 0,
    });
    return id;
  }

  clear(): void {
    this.#faults = [];
  }

  list(): FaultView[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  take(operation: WalletOperation): ActiveFault | undefined {
    const fault = this.#faults.find((f) => f.remaining > 0 && (f.endpoint === 'any' || f.endpoint === operation));
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.fired += 1;
    return { kind: fault.kind, ms: fault.ms, status: fault.status };
  }
}
