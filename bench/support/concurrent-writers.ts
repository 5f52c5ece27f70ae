/**
 * Runs `writers` loops for a fixed time, each awaiting one operation after the other (closed
 * loop, like a client waiting for its answer), and counts the operations that completed.
 */
export async function runWriters(
  writers: number,
  seconds: number,
  operation: (writer: number, sequence: number) => Promise<void>,
): Promise<{ operations: number; seconds: number }> {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let operations = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let sequence = 0; performance.now() < deadline; sequence++) {
        await operation(writer, sequence);
        operations++;
      }
    }),
  );
  return { operations, seconds: (performance.now() - started) / 1000 };
}
