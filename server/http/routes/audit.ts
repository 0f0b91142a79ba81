import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { type AuditVerifyResponse, auditAnchorQuery } from '../../../shared/api.ts';
import { localDate } from '../../../shared/local-date.ts';
import { formatCents } from '../../../shared/money.ts';
import type { Store } from '../../store/types.ts';
import { csvRow } from '../csv.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { localDayAt, parseBound, type TimeRange } from '../local-day.ts';
import { auditEventJson } from '../presenters.ts';
import { requireRole, supervisorRoles } from '../session.ts';

const csvColumns = ['seq', 'at', 'actor', 'action', 'cashoutId', 'amount', 'currency', 'transactionKey', 'outcome', 'walletError', 'prevHash', 'hash'];

/** Rows per write: the export streams instead of building one large string. */
const csvChunkRows = 200;

/** `from`/`to` as dates or ISO times; without them, the day that contains `now`. */
function rangeOf(c: Context<AppEnv>, now: number): TimeRange | null {
  const today = localDayAt(now);
  const fromText = c.req.query('from');
  const toText = c.req.query('to');
  const from = fromText === undefined ? today.from : parseBound(fromText, 'from');
  const to = toText === undefined ? today.to : parseBound(toText, 'to');
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}

const badRange = 'Use from and to as dates like 2026-11-26 or ISO times, with from before to.';

export function auditRoutes(store: Store, now: () => number): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Guarded per route: this group is mounted at /api, where a use('*') would guard every API route.
  const supervisor = requireRole(...supervisorRoles);

  routes.get('/audit', supervisor, async (c) => {
    const range = rangeOf(c, now());
    if (!range) return errorResponse(c, 'INVALID_INPUT', badRange);
    const rows = await store.listAudit(range.from, range.to);
    return c.json({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString(), events: rows.map(auditEventJson) });
  });

  routes.get('/audit.csv', supervisor, async (c) => {
    const range = rangeOf(c, now());
    if (!range) return errorResponse(c, 'INVALID_INPUT', badRange);
    const rows = await store.listAudit(range.from, range.to);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kasa-audit-${localDate(range.from)}.csv"`);
    return stream(c, async (output) => {
      await output.write(csvRow(csvColumns));
      for (let i = 0; i < rows.length; i += csvChunkRows) {
        const chunk = rows.slice(i, i + csvChunkRows).map((row) =>
          csvRow([
            row.seq,
            new Date(row.at).toISOString(),
            row.actor,
            row.action,
            row.cashoutId,
            row.amountCents === null ? null : formatCents(row.amountCents),
            row.currency,
            row.transactionKey,
            row.outcome,
            row.walletError,
            row.prevHash,
            row.hash,
          ]),
        );
        await output.write(chunk.join(''));
      }
    });
  });

  routes.get('/audit/verify', supervisor, async (c) => {
    const anchor = auditAnchorQuery.safeParse({ seq: c.req.query('seq'), hash: c.req.query('hash') });
    if (!anchor.success) return errorResponse(c, 'INVALID_INPUT', 'Give both seq and hash of a recorded chain head (seq=1234&hash=<64 hex digits>), or neither.');
    const verification: AuditVerifyResponse = await store.verifyAudit(anchor.data);
    return c.json(verification);
  });

  return routes;
}
