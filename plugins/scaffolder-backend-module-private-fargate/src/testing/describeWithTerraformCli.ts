// A helper that declares a Jest block for other packages' tests, not a test file itself.
/* eslint-disable jest/no-export */
import { findTerraformCli, runTerraformCli } from './terraformCli';

/**
 * A Jest block that runs {@link runTerraformCli} over the configurations `collect` gives and
 * expects no unformatted file and no diagnostic. Skipped where {@link findTerraformCli} finds no
 * CLI with an AWS provider; the test's name then says "not installed".
 */
export function describeWithTerraformCli(
  title: string,
  collect: () => Promise<Record<string, string>>,
  timeout?: number,
): void {
  const cli = findTerraformCli();
  (cli ? describe : describe.skip)('with the Terraform CLI', () => {
    it(
      `${title} (AWS provider ${cli?.awsProviderVersion ?? 'not installed'})`,
      async () => {
        const report = await runTerraformCli(await collect(), cli!);
        expect(report.unformatted).toEqual([]);
        expect(report.diagnostics).toEqual([]);
      },
      timeout,
    );
  });
}
