import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as exported from '@private-fargate/plugin-scaffolder-backend-module-private-fargate/testing';
import { checkTerraformTree, TerraformProblem } from './checkTerraformTree';

const GOOD_MODULE = `resource "aws_security_group" "endpoints" {
  name   = "x-endpoints"
  vpc_id = var.vpc_id
  tags   = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

resource "aws_vpc_endpoint" "logs" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = var.tags
}
`;

const GOOD_VARIABLES = `variable "vpc_id" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "tags" {
  type = map(string)
}
`;

async function check(
  files: Record<string, string>,
  options = {},
): Promise<TerraformProblem[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pf-gates-'));
  try {
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), content);
    }
    return (await checkTerraformTree(dir, options)).problems;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function rulesOf(problems: TerraformProblem[]): string[] {
  return [...new Set(problems.map(p => p.rule))].sort();
}

describe('checkTerraformTree', () => {
  it('should accept a clean module', async () => {
    expect(
      await check({ 'main.tf': GOOD_MODULE, 'variables.tf': GOOD_VARIABLES }),
    ).toEqual([]);
  });

  it.each([
    ['parse', 'resource "aws_vpc" "x" {\n  cidr_block = \n}\n'],
    [
      'format',
      GOOD_MODULE.replace('vpc_id = var.vpc_id', 'vpc_id       = var.vpc_id'),
    ],
    [
      'schema',
      GOOD_MODULE.replace(
        'ip_protocol       = "tcp"',
        'ip_protocl        = "tcp"',
      ),
    ],
    [
      'schema',
      GOOD_MODULE.replace(
        '  vpc_id              = var.vpc_id\n  service_name',
        '  service_name',
      ),
    ],
    ['schema', `${GOOD_MODULE}\nresource "aws_made_up" "x" {\n}\n`],
    [
      'references',
      GOOD_MODULE.replace(
        'cidr_ipv4         = var.vpc_cidr',
        'cidr_ipv4         = var.vpc_cidrs',
      ),
    ],
    [
      'references',
      GOOD_MODULE.replace(
        '[aws_security_group.endpoints.id]',
        '[aws_security_group.other.id]',
      ),
    ],
    ['tags', GOOD_MODULE.replace('  tags   = var.tags\n', '')],
    [
      'ingress',
      GOOD_MODULE.replace(
        'cidr_ipv4         = var.vpc_cidr',
        'cidr_ipv4         = "0.0.0.0/0"',
      ),
    ],
    ['endpoint-ports', GOOD_MODULE.replace(/443/g, '22')],
    [
      'endpoint-ports',
      GOOD_MODULE.replace(
        'private_dns_enabled = true',
        'private_dns_enabled = false',
      ),
    ],
  ])('should report %s problems', async (rule, main) => {
    const problems = await check({
      'main.tf': main,
      'variables.tf': GOOD_VARIABLES,
    });
    expect(rulesOf(problems)).toContain(rule);
  });

  it('should report public IPs, public load balancers and mutable or unscanned ECR repositories', async () => {
    const problems = await check({
      'main.tf': `resource "aws_lb" "x" {
  internal = false
  tags     = {}
}

resource "aws_ecs_service" "x" {
  name = "x"
  network_configuration {
    subnets          = ["subnet-01234567"]
    assign_public_ip = true
  }
  tags = {}
}

resource "aws_ecr_repository" "x" {
  name                 = "x"
  image_tag_mutability = "MUTABLE"
  tags                 = {}
}
`,
    });
    expect(rulesOf(problems)).toEqual(['ecr', 'public-ip']);
  });

  it('should report wildcard IAM actions and S3 policies beyond named buckets', async () => {
    const problems = await check({
      'main.tf': `data "aws_iam_policy_document" "s3" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::*"]
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-01234567"
  service_name      = "com.amazonaws.ap-northeast-1.s3"
  vpc_endpoint_type = "Gateway"
  policy            = data.aws_iam_policy_document.s3.json
  tags              = {}
}
`,
    });
    expect(rulesOf(problems)).toEqual(['iam-wildcard', 's3-policy']);
  });

  it("should report a task role that any account's ECS tasks may assume", async () => {
    const conditions = {
      none: '',
      'account only': `
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }`,
      both: `
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [format("arn:aws:ecs:eu-west-1:%s:*", data.aws_caller_identity.current.account_id)]
    }`,
    };
    const taskRoleTrusting = (condition: string) => ({
      'main.tf': `data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "task_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }${condition}
  }
}

resource "aws_iam_role" "task" {
  name               = "x-task"
  assume_role_policy = data.aws_iam_policy_document.task_assume.json
  tags               = {}
}

resource "aws_ecs_task_definition" "x" {
  family                = "x"
  container_definitions = "[]"
  task_role_arn         = aws_iam_role.task.arn
  tags                  = {}
}
`,
    });
    expect(rulesOf(await check(taskRoleTrusting(conditions.none)))).toEqual([
      'role-trust',
    ]);
    expect(
      rulesOf(await check(taskRoleTrusting(conditions['account only']))),
    ).toEqual(['role-trust']);
    expect(await check(taskRoleTrusting(conditions.both))).toEqual([]);
  });

  it('should report endpoint services without acceptance unless the opt-out is allowed', async () => {
    const files = {
      'main.tf': `resource "aws_vpc_endpoint_service" "x" {
  acceptance_required        = false
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/x/0123456789abcdef"]
  tags                       = {}
}
`,
    };
    expect(rulesOf(await check(files))).toEqual(['acceptance']);
    expect(await check(files, { allowAcceptanceOptOut: true })).toEqual([]);
  });

  it('should check module calls against the called module', async () => {
    const problems = await check({
      'main.tf': `module "endpoints" {
  source = "./modules/endpoints"
  vpc_id = "vpc-01234567"
  extra  = 1
}

output "x" {
  value = module.endpoints.missing
}
`,
      'modules/endpoints/main.tf': GOOD_MODULE,
      'modules/endpoints/variables.tf': GOOD_VARIABLES,
    });
    const messages = problems.map(p => p.message).join('\n');
    expect(messages).toContain('declares no variable "extra"');
    expect(messages).toContain('required variable "vpc_cidr" is not passed');
    expect(messages).toContain('"module.endpoints.missing" does not resolve');
  });
});

describe('the ./testing entry point', () => {
  it('should export the same checks to other packages', () => {
    expect(exported.checkTerraformTree).toBe(checkTerraformTree);
  });
});
