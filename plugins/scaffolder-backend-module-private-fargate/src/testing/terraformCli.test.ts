import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTerraformCli, runTerraformCli } from './terraformCli';

jest.setTimeout(120_000);

const PLATFORM = `${process.platform}_${
  process.arch === 'x64' ? 'amd64' : process.arch
}`;
const VERSIONS_CONSTRAINT = `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}
`;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-cli-test-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(file: string, content: string, mode?: number) {
  fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
  fs.writeFileSync(path.join(tmp, file), content, { mode });
}

describe('findTerraformCli', () => {
  it('finds nothing without a terraform binary', () => {
    expect(
      findTerraformCli({ PATH: path.join(tmp, 'bin'), HOME: tmp }),
    ).toBeUndefined();
  });

  it('takes the terraform on PATH and the newest released AWS provider built for this platform', () => {
    write('bin/terraform', '#!/bin/sh\n', 0o755);
    const plugins = 'plugins/registry.terraform.io/hashicorp/aws';
    write(`${plugins}/5.9.0/${PLATFORM}/terraform-provider-aws`, '');
    write(`${plugins}/5.100.0/${PLATFORM}/terraform-provider-aws`, '');
    write(`${plugins}/6.1.0/other_platform/terraform-provider-aws`, '');
    write(`${plugins}/6.2.0-beta1/${PLATFORM}/terraform-provider-aws`, '');
    expect(
      findTerraformCli({
        PATH: path.join(tmp, 'bin'),
        PRIVATE_FARGATE_TF_PLUGIN_DIR: path.join(tmp, 'plugins'),
      }),
    ).toEqual({
      binary: path.join(tmp, 'bin/terraform'),
      pluginDir: path.join(tmp, 'plugins'),
      awsProviderVersion: '5.100.0',
    });
  });

  it('finds nothing when no plugin folder holds the AWS provider', () => {
    write('bin/terraform', '#!/bin/sh\n', 0o755);
    expect(
      findTerraformCli({
        PATH: path.join(tmp, 'bin'),
        PRIVATE_FARGATE_TF_PLUGIN_DIR: path.join(tmp, 'empty'),
      }),
    ).toBeUndefined();
  });
});

const cli = findTerraformCli();

// Skipped where no Terraform CLI with an AWS provider is installed.
(cli ? describe : describe.skip)('runTerraformCli', () => {
  it('reports what terraform validate and fmt find, file by file, and nothing for a good configuration', async () => {
    write('bad/versions.tf', VERSIONS_CONSTRAINT);
    write(
      'bad/main.tf',
      `resource "aws_lb" "internal" {
  name               = "internal-orders-alb"
  internal           = true
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"]
}

resource "aws_ecs_service" "orders" {
  name          = "orders"
  desired_count = "two"
}
`,
    );
    write('bad/locals.tf', 'locals {\n  port=8080\n}\n');
    write('good/versions.tf', VERSIONS_CONSTRAINT);
    write(
      'good/main.tf',
      'resource "aws_lb" "orders" {\n  name     = "orders-alb"\n  internal = true\n  subnets  = ["subnet-0a1b2c3d4e5f60711"]\n}\n',
    );

    const report = await runTerraformCli(
      { bad: path.join(tmp, 'bad'), good: path.join(tmp, 'good') },
      cli!,
    );

    expect(report.unformatted).toEqual(['bad/locals.tf']);
    expect([...report.diagnostics].sort()).toEqual([
      expect.stringMatching(
        /^bad\/main\.tf:10: error: Incorrect attribute value type: .*a number is required/,
      ),
      expect.stringMatching(
        /^bad\/main\.tf:2: error: "name" cannot begin with "internal-"/,
      ),
    ]);
    expect(report.awsProviderVersion).toBe(cli!.awsProviderVersion);
    // The configurations themselves are left as they were.
    expect(fs.readdirSync(path.join(tmp, 'bad')).sort()).toEqual([
      'locals.tf',
      'main.tf',
      'versions.tf',
    ]);
  });
});
