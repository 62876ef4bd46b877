import { processIo } from '../CommandIo';
import type { Command } from '../runCli';
import { parseFlags } from '../parseFlags';
import { UsageError } from '../UsageError';
import {
  applySet,
  readCatalogFiles,
  readValuesFile,
  renderTemplate,
  resolveTemplateDir,
} from '../render';

const HELP = `Usage: npx private-fargate render <template name or folder> --values <file.yaml|json> --out <dir> [options]

Validates the values against every parameter page of the template, runs the
template through the Backstage scaffolder in dry-run mode (in this process,
with the Private Fargate actions), and writes the result under --out.

Options:
  --values <file>     template values, YAML or JSON (required)
  --out <dir>         folder for the generated files; must be empty (required)
  --set key=value     override one value, read as YAML (quote text that looks like a
                      number: --set "accountId='123456789012'"); dotted keys reach into
                      objects, numbers into lists (secrets.0.name=DB); repeatable
  --catalog <file>    entities (YAML) the in-process catalog serves, e.g. a provider
                      service for privatelink-consumer; repeatable
  --force             write into a folder that is not empty
  -h, --help          show this help

Exit codes: 0 rendered, 1 the template failed, 2 invalid values (also those a
step refuses), a missing --catalog entity, an unusable --out, or other usage.
`;

function parse(args: string[]) {
  return parseFlags(
    args,
    {
      values: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true },
      catalog: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    {
      hint: HELP,
      positionals: true,
    },
  );
}

/** `private-fargate render`: run a template without a portal. */
export const renderCommand: Command = {
  async run(args) {
    const { values: flags, positionals } = parse(args);
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UsageError(`expected one template name or folder\n\n${HELP}`);
    }
    if (!flags.values)
      throw new UsageError(`--values <file> is required\n\n${HELP}`);
    if (!flags.out) throw new UsageError(`--out <dir> is required\n\n${HELP}`);

    const templateDir = resolveTemplateDir(positionals[0], process.cwd());
    const sets = flags.set ?? [];
    const values = sets.reduce(applySet, readValuesFile(flags.values));
    return renderTemplate(
      {
        templateDir,
        values,
        sets,
        outDir: flags.out,
        force: Boolean(flags.force),
        entities: readCatalogFiles(flags.catalog ?? []),
      },
      processIo,
    );
  },
};
