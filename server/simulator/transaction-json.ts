import { formatCents } from '../../shared/money.ts';
import type { PaymentView, TransactionView } from './state-views.ts';

const paymentStatus = { new: 'new', reserved: 'reserved', confirmed: 'confirmed', revoked: 'canceled' } as const;

/** A transaction in Paysera's response shape (wallet-api.md §4.2): snake_case, optional fields omitted, never null. */
export function transactionJson(t: TransactionView): Record<string, unknown> {
  const json: Record<string, unknown> = {
    transaction_key: t.key,
    created_at: t.createdAt,
    status: t.status,
    reserve: { for: t.reserveForSeconds },
    use_allowance: false,
    suggest_allowance: false,
    auto_confirm: false,
  };
  if (t.type !== undefined) json.type = t.type;
  if (t.walletId !== undefined) json.wallet = t.walletId;
  if (t.confirmedAt !== undefined) json.confirmed_at = t.confirmedAt;
  json.payments = t.payments.map((p) => paymentJson(t, p));
  return json;
}

function paymentJson(t: TransactionView, p: PaymentView): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: p.id,
    transaction_key: t.key,
    created_at: t.createdAt,
    status: paymentStatus[t.status],
    cancelable: t.status === 'new' || t.status === 'reserved',
    price: p.price,
    currency: p.currency,
    price_decimal: formatCents(p.price),
    description: p.description,
  };
  if (p.parameters !== undefined) json.parameters = p.parameters;
  if (t.confirmedAt !== undefined) json.confirmed_at = t.confirmedAt;
  if (t.walletId !== undefined) json.wallet = t.walletId;
  return json;
}
