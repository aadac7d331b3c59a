/** Bad input: the CLI prints the message on one line of stderr and exits 2. */
export class UsageError extends Error {
  name = 'UsageError';
}
