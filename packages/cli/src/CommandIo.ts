/** Where a command prints; tests pass their own (see testing/captureIo). */
export type CommandIo = {
  stdout(text: string): void;
  stderr(text: string): void;
};

/** The process's own output streams. */
export const processIo: CommandIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};
