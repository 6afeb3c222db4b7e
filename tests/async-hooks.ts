// Whether Node's async hooks are on for promises. On Node 20 an AsyncLocalStorage that has run
// once keeps them on for the whole process: every promise then pays for them (decision 009).
import { executionAsyncId } from 'node:async_hooks';

/** Two awaits in a row get their own async ids only while promise hooks are on. */
export async function promiseHooksOn(): Promise<boolean> {
  await null;
  const first = executionAsyncId();
  await null;
  return executionAsyncId() !== first;
}
