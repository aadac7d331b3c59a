/** Everything a command prints goes through here, so `--json` means exactly one document. */
export function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printText(text: string) {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
