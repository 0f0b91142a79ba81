/**
 * Reservation codes for a load run, issued up front through the simulator's /__control API (the
 * load generator's request hooks are synchronous). All come from one wallet rich enough for every
 * cash-out of the run. The codes stay in this array and are never written anywhere.
 */
export async function issueCodes(simulatorOrigin: string, count: number, ttlSeconds = 3_600): Promise<string[]> {
  const wallet = await postJson(`${simulatorOrigin}/__control/wallets`, { balances: { EUR: 1_000_000_000_000 } });
  const walletId = (wallet as { walletId: number }).walletId;
  const codes: string[] = [];
  const parallel = 16;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (codes.length < count) {
        codes.push(((await postJson(`${simulatorOrigin}/__control/wallets/${walletId}/codes`, { ttlSeconds })) as { code: string }).code);
      }
    }),
  );
  return codes.slice(0, count);
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}`);
  return response.json();
}
