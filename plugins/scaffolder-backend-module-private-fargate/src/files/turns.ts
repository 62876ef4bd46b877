import { setImmediate as nextTurn } from 'node:timers/promises';

/** How much a batch holds before the event loop gets a turn. */
export const FILE_BATCH = { files: 64, bytes: 256 * 1024 };

/**
 * Generated trees hold dozens of files of a few kilobytes. Reading or writing a file that
 * small synchronously costs the event loop less than the bookkeeping of an asynchronous call,
 * which takes three or four thread-pool round trips (measured by bench/render). So we read and
 * write them synchronously, in batches: `take` counts each file and, once a batch is full,
 * gives the event loop a turn, so that a large tree cannot stall other requests.
 */
export function turnTaker(
  batch: { files: number; bytes: number } = FILE_BATCH,
) {
  let files = 0;
  let bytes = 0;
  return async function take(size: number): Promise<void> {
    files += 1;
    bytes += size;
    if (files >= batch.files || bytes >= batch.bytes) {
      files = 0;
      bytes = 0;
      await nextTurn();
    }
  };
}
