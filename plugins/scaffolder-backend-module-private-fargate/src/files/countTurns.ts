/**
 * Runs `work` and counts the event loop turns that other code got meanwhile: how tests check
 * that the synchronous batches of turnTaker let other requests in.
 */
export async function countTurnsDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let working = true;
  const turn = () => {
    turns++;
    if (working) setImmediate(turn);
  };
  setImmediate(turn);
  try {
    return { result: await work(), turns };
  } finally {
    working = false;
  }
}
