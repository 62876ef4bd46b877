import {
  CostEstimate,
  formatUsd,
  PlannedEndpoint,
} from '@private-fargate/plugin-private-fargate-common';
import type { TerraformWarning } from './context';
import { explainEndpoint } from './explain';

/** Escapes text for a Markdown table cell or paragraph. */
export function markdownText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[|*_`[\]<>#]/g, match => `\\${match}`)
    .replace(/\r?\n/g, ' ');
}

function unitPrice(amount: number): string {
  return `$${Number(amount.toFixed(4))}`;
}

/** A row of {@link endpointTable}: a planned endpoint, or one described in place. */
export type EndpointRow =
  | { endpoint: PlannedEndpoint; where: string }
  | {
      endpoint: Pick<PlannedEndpoint, 'serviceName' | 'type' | 'docUrl'>;
      where: string;
      why: string;
    };

/** One row per endpoint: name, type, where it comes from, and why it exists. */
export function endpointTable(rows: EndpointRow[]): string {
  const lines = [
    '| Endpoint | Type | Created by | Why it exists |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      row =>
        `| \`${row.endpoint.serviceName}\` | ${
          row.endpoint.type
        } | ${markdownText(row.where)} | ${markdownText(
          'why' in row ? row.why : explainEndpoint(row.endpoint),
        )} ([docs](${row.endpoint.docUrl})) |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * The three scenarios side by side, then the lines of the endpoints-only scenario. Without
 * `natComparison` only those lines: for endpoints a NAT gateway could not stand in for.
 */
export function costTables(
  estimate: CostEstimate,
  options: { natComparison: boolean } = { natComparison: true },
): string {
  const scenarios = [
    '| Scenario | Monthly cost |',
    '| --- | ---: |',
    `| Endpoints only (this design) | ${formatUsd(
      estimate.endpointsOnly.total,
    )} |`,
    `| NAT gateways only | ${formatUsd(estimate.natOnly.total)} |`,
    `| NAT gateways and endpoints | ${formatUsd(
      estimate.natPlusEndpoints.total,
    )} |`,
  ];
  const lines = [
    '| Item | Quantity | Unit | Unit price | Amount | Source |',
    '| --- | ---: | --- | ---: | ---: | --- |',
    ...estimate.endpointsOnly.lines.map(
      line =>
        `| ${markdownText(line.label)} | ${line.quantity} | ${markdownText(
          line.unit,
        )} | ${unitPrice(line.unitPrice)} | ${formatUsd(
          line.amount,
        )} | ${markdownText(line.source)} |`,
    ),
  ];
  const heading = `(${estimate.currency}, ${estimate.hoursPerMonth} hours a month, ${estimate.region})`;
  if (!options.natComparison) {
    return `Total: ${formatUsd(
      estimate.endpointsOnly.total,
    )} a month. Line by line ${heading}:\n\n${lines.join('\n')}`;
  }
  return `${scenarios.join(
    '\n',
  )}\n\nEndpoints only, line by line ${heading}:\n\n${lines.join('\n')}`;
}

/** A bullet list of warnings, or a line saying there are none. */
export function warningList(warnings: TerraformWarning[]): string {
  if (warnings.length === 0) return 'None.';
  return warnings
    .map(warning => `- **${warning.code}**: ${markdownText(warning.message)}`)
    .join('\n');
}
