// Captures what @actions/cache writes to the runner's log while one of its calls runs. The library reports why a
// restore or save did not happen only there (it catches the errors), so those lines are the one place to tell
// "another job saved it" from "the service is down"; outcomes.ts reads them.
type LogListener = (text: string) => void;
const logListeners = new Set<LogListener>();
let passThroughWrite: typeof process.stdout.write | undefined;

/** Runs `run` and returns its value with the lines written to stdout meanwhile; they still reach the runner. */
export async function readingLibraryLog<T>(run: () => Promise<T>): Promise<{ value: T; log: string[] }> {
  let text = '';
  const listener: LogListener = (chunk) => {
    text += chunk;
  };
  logListeners.add(listener);
  if (!passThroughWrite) {
    const original = process.stdout.write;
    passThroughWrite = original;
    process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      const piece = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      for (const notify of logListeners) notify(piece);
      return (original as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    } as typeof process.stdout.write;
  }
  try {
    const value = await run();
    return { value, log: text.split(/\r?\n/) };
  } finally {
    logListeners.delete(listener);
    if (logListeners.size === 0 && passThroughWrite) {
      process.stdout.write = passThroughWrite;
      passThroughWrite = undefined;
    }
  }
}
