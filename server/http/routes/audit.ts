import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { type AuditPageResponse, type AuditVerifyResponse, auditAnchorQuery, auditPageMax, auditPageQuery } from '../../../shared/api.ts';
import { localDate } from '../../../shared/local-date.ts';
import { formatCents } from '../../../shared/money.ts';
import type { AuditRow, Store } from '../../store/types.ts';
import { csvRow } from '../csv.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { localDayAt, parseBound, type TimeRange } from '../local-day.ts';
import { auditEventJson } from '../presenters.ts';
import { requireRole, supervisorRoles } from '../session.ts';

const csvColumns = ['seq', 'at', 'actor', 'action', 'cashoutId', 'amount', 'currency', 'transactionKey', 'outcome', 'walletError', 'prevHash', 'hash'];

/** An export covers at most this many days, so that one download cannot hold the server for ever. */
const maxCsvRangeDays = 31;
// Plus an hour: a month of local days is an hour longer across the autumn clock change.
const maxCsvRangeMs = (maxCsvRangeDays * 24 + 1) * 60 * 60 * 1000;

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

function csvLine(row: AuditRow): string {
  return csvRow([
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
  ]);
}

export function auditRoutes(store: Store, now: () => number): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Guarded per route: this group is mounted at /api, where a use('*') would guard every API route.
  const supervisor = requireRole(...supervisorRoles);

  routes.get('/audit', supervisor, async (c) => {
    const range = rangeOf(c, now());
    if (!range) return errorResponse(c, 'INVALID_INPUT', badRange);
    const page = auditPageQuery.safeParse({ after: c.req.query('after'), limit: c.req.query('limit') });
    if (!page.success) return errorResponse(c, 'INVALID_INPUT', page.error.issues[0]?.message ?? badRange);
    const { after, limit } = page.data;
    const rows = await store.listAudit(range.from, range.to, { afterSeq: after, limit });
    const body: AuditPageResponse = {
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      events: rows.map(auditEventJson),
      next: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null,
    };
    return c.json(body);
  });

  routes.get('/audit.csv', supervisor, async (c) => {
    const range = rangeOf(c, now());
    if (!range) return errorResponse(c, 'INVALID_INPUT', badRange);
    if (range.to - range.from > maxCsvRangeMs) {
      return errorResponse(c, 'INVALID_INPUT', `An export covers at most ${maxCsvRangeDays} days; export a longer period in parts.`);
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kasa-audit-${localDate(range.from)}.csv"`);
    // Page by page from the database: the export never holds more than one page in memory.
    return stream(c, async (output) => {
      await output.write(csvRow(csvColumns));
      let afterSeq = 0;
      for (;;) {
        const rows = await store.listAudit(range.from, range.to, { afterSeq, limit: auditPageMax });
        if (rows.length > 0) await output.write(rows.map(csvLine).join(''));
        const last = rows.at(-1);
        if (!last || rows.length < auditPageMax) return;
        afterSeq = last.seq;
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
