import { CommandIo } from '../CommandIo';

/** A CommandIo that keeps what a command prints, for tests to read. */
export function captureIo(): {
  out: { stdout: string; stderr: string };
  io: CommandIo;
} {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: text => {
        out.stdout += text;
      },
      stderr: text => {
        out.stderr += text;
      },
    },
  };
}
