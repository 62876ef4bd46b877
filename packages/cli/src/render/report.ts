import {
  DryRunLogEntry,
  DryRunResult,
  DryRunStep,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

/** How a step ended, read from the scaffolder's log for that step. */
export function stepStatus(step: DryRunStep, log: DryRunLogEntry[]): string {
  const entries = log.filter(entry => entry.stepId === step.id);
  if (entries.some(entry => /does not support dry-run/.test(entry.message))) {
    return 'skipped (no dry-run support; runs only in the portal)';
  }
  const last = [...entries].reverse().find(entry => entry.status);
  if (!last) return 'skipped (its `if` was false)';
  return last.status === 'completed' ? 'done' : String(last.status);
}

function formatSteps(result: DryRunResult): string[] {
  const width = Math.max(...result.steps.map(step => step.id.length), 4);
  return result.steps.map(
    step =>
      `  ${step.id.padEnd(width)}  ${step.action}: ${stepStatus(
        step,
        result.log,
      )}`,
  );
}

type OutputLink = { title?: string; url?: string; entityRef?: string };
type OutputText = { title?: string; content?: string };

function formatOutput(output: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const links = Array.isArray(output.links)
    ? (output.links as OutputLink[])
    : [];
  for (const link of links) {
    // A dry run fills the outputs of skipped publish steps with "<example>".
    const target = [link.url, link.entityRef].find(v => v && v !== '<example>');
    lines.push(
      `  ${link.title ?? 'link'}: ${target ?? '(known after publishing)'}`,
    );
  }
  const texts = Array.isArray(output.text) ? (output.text as OutputText[]) : [];
  for (const text of texts) {
    lines.push(
      '',
      `${text.title ?? 'Output'}`,
      '',
      String(text.content ?? '').trimEnd(),
    );
  }
  for (const [key, value] of Object.entries(output)) {
    if (key === 'links' || key === 'text') continue;
    lines.push(
      `  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  }
  return lines;
}

/** The human summary `render` prints: steps, files and the template's outputs. */
export function formatReport(
  templateName: string,
  result: DryRunResult,
  outDir: string,
): string {
  return [
    `Rendered ${templateName} (scaffolder dry run)`,
    '',
    'Steps',
    ...formatSteps(result),
    '',
    `Files (${result.files.length}) written to ${outDir}`,
    // The scaffolder lists the workspace in the order its file walk finds the files.
    ...result.files.map(file => `  ${file.path}`).sort(),
    '',
    'Output',
    ...formatOutput(result.output),
    '',
  ].join('\n');
}

/** The log lines of a failed run, for the person reading the error. */
export function formatLog(log: DryRunLogEntry[]): string {
  return log
    .map(
      entry => `  ${entry.stepId ? `[${entry.stepId}] ` : ''}${entry.message}`,
    )
    .join('\n');
}
