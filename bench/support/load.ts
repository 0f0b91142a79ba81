import autocannon from 'autocannon';

/** One request of a repeated sequence; `setupRequest` returning null starts the sequence over. */
export interface SequenceStep extends autocannon.Request {
  name: string;
}

export interface StepFigures {
  /** Response times of the 2xx answers, in ms. */
  latencies: number[];
  statuses: Record<number, number>;
  /** The first answer body per non-2xx status, to tell what went wrong. */
  refusals: Record<number, string>;
}

export interface LoadResult {
  steps: Record<string, StepFigures>;
  durationSeconds: number;
  /** Connection errors and timeouts, which have no status. */
  errors: number;
}

/**
 * Runs `sequence` over and over with autocannon until `amount` requests were answered, recording
 * each response's time under the step that asked for it. A connection sends one request at a
 * time, so the step answered is always the one whose onResponse ran just before the response event.
 */
export async function runSequence(options: {
  url: string;
  connections: number;
  amount: number;
  headers?: Record<string, string>;
  sequence: SequenceStep[];
}): Promise<LoadResult> {
  const steps: Record<string, StepFigures> = {};
  let answered = '';
  const requests = options.sequence.map(({ name, ...request }): autocannon.Request => {
    const figures: StepFigures = { latencies: [], statuses: {}, refusals: {} };
    steps[name] = figures;
    return {
      ...request,
      onResponse(status, body, context, headers) {
        answered = name;
        if ((status < 200 || status >= 300) && figures.refusals[status] === undefined) figures.refusals[status] = body.slice(0, 300);
        request.onResponse?.(status, body, context, headers);
      },
    };
  });
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    amount: options.amount,
    timeout: 30,
    ...(options.headers && { headers: options.headers }),
    requests,
  });
  // autocannon notices the last answer only at its next once-a-second tick, so its own duration is rounded up to whole seconds.
  let lastAnswer = process.hrtime.bigint();
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    lastAnswer = process.hrtime.bigint();
    const figures = steps[answered];
    if (!figures) return;
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) figures.latencies.push(responseTime);
  });
  const result = await instance;
  return { steps, durationSeconds: Number(lastAnswer - started) / 1e9, errors: result.errors + result.timeouts };
}
