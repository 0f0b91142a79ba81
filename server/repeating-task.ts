/**
 * Runs `task` now and then `intervalMs` after each run ends, so two runs never overlap. The
 * returned stop function resolves once a run in progress has finished. `task` reports its own
 * failures: a rejection here would stop nothing, and would go unseen.
 */
export function startRepeatingTask(task: () => Promise<void>, intervalMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = (): void => {
    running = task().then(() => {
      if (!stopped) timer = setTimeout(run, intervalMs);
    });
  };
  run();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
