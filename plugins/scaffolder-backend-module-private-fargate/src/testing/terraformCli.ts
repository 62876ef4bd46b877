import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  compareTemplateVersions,
  templateVersionSchema,
} from '@private-fargate/plugin-private-fargate-common';
import { AWS_PROVIDER_VERSION } from '../terraform/root';

const run = promisify(execFile);

/** The Terraform CLI, and an AWS provider it can install without the network. */
export interface TerraformCli {
  binary: string;
  /** A `-plugin-dir` folder: `registry.terraform.io/hashicorp/aws/<version>/<os_arch>/`. */
  pluginDir: string;
  /** The newest AWS provider there. */
  awsProviderVersion: string;
}

/** What `terraform fmt -check` and `terraform validate` said of the configurations. */
export interface TerraformCliReport {
  /** Errors and warnings, as `<name>/<file>:<line>: <severity>: <summary>: <detail>`. */
  diagnostics: string[];
  /** Files `terraform fmt` would change, as `<name>/<file>`. */
  unformatted: string[];
  /** The AWS provider the configuration was validated against. */
  awsProviderVersion: string;
}

const AWS_PROVIDER_PATH = 'registry.terraform.io/hashicorp/aws';
// Where Terraform looks for providers without the network (its implied local mirrors), after
// the folder these build machines keep theirs in.
const PLUGIN_DIRS = [
  '/opt/tf-plugins',
  path.join(os.homedir(), '.terraform.d/plugins'),
  '/usr/local/share/terraform/plugins',
  '/usr/share/terraform/plugins',
];

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map(dir => path.join(dir, command))
    .find(file => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return undefined;
      }
    });
}

function newestAwsProvider(pluginDir: string): string | undefined {
  const platform = `${process.platform}_${
    process.arch === 'x64' ? 'amd64' : process.arch
  }`;
  const versionsDir = path.join(pluginDir, AWS_PROVIDER_PATH);
  if (!fs.existsSync(versionsDir)) return undefined;
  // Release versions only: a pre-release provider is not what the generated code is for.
  return fs
    .readdirSync(versionsDir)
    .filter(
      version =>
        templateVersionSchema.safeParse(version).success &&
        fs.existsSync(path.join(versionsDir, version, platform)),
    )
    .sort(compareTemplateVersions)
    .pop();
}

/**
 * The Terraform CLI on PATH (or at PRIVATE_FARGATE_TERRAFORM) with the newest AWS provider
 * in a local plugin folder (PRIVATE_FARGATE_TF_PLUGIN_DIR, or one Terraform looks in);
 * undefined when either is missing, as where the network is closed and nothing was installed.
 */
export function findTerraformCli(
  env: NodeJS.ProcessEnv = process.env,
): TerraformCli | undefined {
  const binary = env.PRIVATE_FARGATE_TERRAFORM || onPath('terraform', env);
  if (!binary) return undefined;
  const candidates = env.PRIVATE_FARGATE_TF_PLUGIN_DIR
    ? [env.PRIVATE_FARGATE_TF_PLUGIN_DIR]
    : PLUGIN_DIRS;
  for (const pluginDir of candidates) {
    const awsProviderVersion = newestAwsProvider(pluginDir);
    if (awsProviderVersion) return { binary, pluginDir, awsProviderVersion };
  }
  return undefined;
}

/**
 * Checks Terraform configurations with the real CLI: `terraform fmt -check`, then `terraform
 * init` (offline, from the plugin folder) and `terraform validate`. The CLI checks what the
 * fixture-based gates cannot: argument types and values, references between resources, the
 * modules' variables. The configurations, by name, are copied side by side and validated as
 * modules of one root, so the provider's schema loads once (a few seconds) for all of them;
 * diagnostics name files as `<name>/<path>`. When the plugin folder holds no provider that
 * the generated constraint accepts, each copy gets an override file that pins the one it has,
 * and the check runs against that provider's schema.
 */
export async function runTerraformCli(
  configurations: Record<string, string>,
  cli: TerraformCli,
): Promise<TerraformCliReport> {
  const env = {
    ...process.env,
    // No user configuration, no checks for new versions, no prompts.
    TF_CLI_CONFIG_FILE: os.devNull,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  };
  const terraform = async (cwd: string, args: string[]) => {
    try {
      const { stdout } = await run(cli.binary, args, {
        cwd,
        env,
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as {
        code?: number;
        stdout?: string;
        stderr?: string;
      };
      if (typeof failed.code !== 'number') throw error;
      return {
        code: failed.code,
        stdout: failed.stdout ?? '',
        stderr: failed.stderr ?? '',
      };
    }
  };

  const root = await fs.promises.mkdtemp(
    path.join(os.tmpdir(), 'private-fargate-terraform-cli-'),
  );
  try {
    const labels = Object.keys(configurations).map(name => {
      const label = name.replace(/[^A-Za-z0-9_-]/g, '_');
      if (!/^[A-Za-z_]/.test(label)) {
        throw new Error(`configuration name ${name} must start with a letter`);
      }
      return label;
    });
    if (new Set(labels).size !== labels.length) {
      throw new Error(
        'configuration names must stay distinct as module labels',
      );
    }
    for (const [index, dir] of Object.values(configurations).entries()) {
      await fs.promises.cp(dir, path.join(root, labels[index]), {
        recursive: true,
      });
    }

    // Exit code 3: some files are not formatted; they are listed.
    const fmt = await terraform(root, [
      'fmt',
      '-check',
      '-recursive',
      '-list=true',
      '-no-color',
    ]);
    if (fmt.code !== 0 && fmt.code !== 3) {
      throw new Error(`terraform fmt failed: ${fmt.stderr}`);
    }
    const unformatted = fmt.stdout.split('\n').filter(Boolean);

    const wantedMajor = AWS_PROVIDER_VERSION.match(/~>\s*(\d+)/)?.[1];
    if (cli.awsProviderVersion.split('.')[0] !== wantedMajor) {
      for (const label of labels) {
        await fs.promises.writeFile(
          path.join(root, label, 'aws_provider_version_override.tf'),
          `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${cli.awsProviderVersion}"\n    }\n  }\n}\n`,
        );
      }
    }
    await fs.promises.writeFile(
      path.join(root, 'main.tf'),
      labels
        .map(label => `module "${label}" {\n  source = "./${label}"\n}\n`)
        .join('\n'),
    );

    const init = await terraform(root, [
      'init',
      '-backend=false',
      '-input=false',
      '-no-color',
      `-plugin-dir=${cli.pluginDir}`,
    ]);
    if (init.code !== 0) {
      throw new Error(`terraform init failed: ${init.stderr}`);
    }
    const validate = await terraform(root, ['validate', '-json', '-no-color']);
    const result = JSON.parse(validate.stdout) as {
      diagnostics: Array<{
        severity: string;
        summary: string;
        detail?: string;
        range?: { filename: string; start: { line: number } };
      }>;
    };
    return {
      diagnostics: result.diagnostics.map(
        ({ severity, summary, detail, range }) =>
          `${
            range ? `${range.filename}:${range.start.line}: ` : ''
          }${severity}: ${summary}${detail ? `: ${detail}` : ''}`,
      ),
      unformatted,
      awsProviderVersion: cli.awsProviderVersion,
    };
  } finally {
    await fs.promises.rm(root, { recursive: true, force: true });
  }
}
