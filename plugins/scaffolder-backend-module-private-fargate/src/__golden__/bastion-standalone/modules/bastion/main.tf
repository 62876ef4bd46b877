# Inputs, set by the module block in the root main.tf.
variable "bastion_enabled" {
  type        = bool
  description = "Run the bastion and the endpoints only it needs"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the bastion"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the bastion task"
}

variable "endpoint_subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for the bastion endpoints"
}

variable "image_tag" {
  type        = string
  description = "Tag of the bastion image"
}

variable "manage_advanced_instances_tier" {
  type        = bool
  description = "Switch Systems Manager in this account and Region to the advanced-instances tier, which Session Manager needs for the bastion"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

# The repository stays when the bastion is off: it is billed by storage, not by the hour.
resource "aws_ecr_repository" "bastion" {
  name                 = "db-access-bastion"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "AES256"
  }
  tags = var.tags
}

resource "aws_ecs_cluster" "bastion" {
  count = var.bastion_enabled ? 1 : 0
  name  = "db-access-bastion"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = var.tags
}

data "aws_vpc" "this" {
  id = var.vpc_id
}

resource "aws_security_group" "endpoints" {
  count       = var.bastion_enabled ? 1 : 0
  name        = "db-access-bastion-endpoints"
  description = "Endpoints only the bastion needs: HTTPS from the VPC only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "db-access-bastion-endpoints" })
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  count             = var.bastion_enabled ? 1 : 0
  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

# Systems Manager: Parameter Store parameters in the task definition, SSM activations. Needed for:
# SSM Session Manager bastion.
resource "aws_vpc_endpoint" "ssm" {
  count               = var.bastion_enabled ? 1 : 0
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.endpoint_subnet_ids
  security_group_ids  = [aws_security_group.endpoints[0].id]
  tags                = merge(var.tags, { Name = "db-access-bastion-ssm" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# Session Manager message channel used by ECS Exec and SSM sessions. Needed for: SSM Session Manager
# bastion.
resource "aws_vpc_endpoint" "ssmmessages" {
  count               = var.bastion_enabled ? 1 : 0
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.endpoint_subnet_ids
  security_group_ids  = [aws_security_group.endpoints[0].id]
  tags                = merge(var.tags, { Name = "db-access-bastion-ssmmessages" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# Session Manager opens sessions to nodes registered through an activation only in the
# advanced-instances tier. The setting is account-wide in this Region, so it is managed only when
# asked, and not by the on/off switch: destroying it resets the whole account to the standard tier.
resource "aws_ssm_service_setting" "activation_tier" {
  count         = var.manage_advanced_instances_tier ? 1 : 0
  setting_id    = format("arn:%s:ssm:%s:%s:servicesetting/ssm/managed-instance/activation-tier", data.aws_partition.current.partition, "ap-northeast-1", data.aws_caller_identity.current.account_id)
  setting_value = "advanced"
}

resource "aws_cloudwatch_log_group" "bastion" {
  count             = var.bastion_enabled ? 1 : 0
  name              = "/ecs/db-access-bastion"
  retention_in_days = 14
  tags              = var.tags
}

data "aws_iam_policy_document" "ssm_assume" {
  count = var.bastion_enabled ? 1 : 0
  statement {
    sid     = "AssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ssm.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ssm_service" {
  count              = var.bastion_enabled ? 1 : 0
  name               = "db-access-bastion-ssm"
  description        = "Role of the managed instance the bastion task registers as"
  assume_role_policy = data.aws_iam_policy_document.ssm_assume[0].json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "ssm_core" {
  count      = var.bastion_enabled ? 1 : 0
  role       = aws_iam_role.ssm_service[0].name
  policy_arn = format("arn:%s:iam::aws:policy/AmazonSSMManagedInstanceCore", data.aws_partition.current.partition)
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  count = var.bastion_enabled ? 1 : 0
  statement {
    sid     = "AssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  count              = var.bastion_enabled ? 1 : 0
  name               = "db-access-bastion-execution"
  description        = "Lets ECS pull the bastion image and write its logs"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "execution" {
  count = var.bastion_enabled ? 1 : 0
  statement {
    sid       = "EcrAuthorizationToken"
    effect    = "Allow"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    sid    = "EcrPull"
    effect = "Allow"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [aws_ecr_repository.bastion.arn]
  }
  statement {
    sid       = "WriteLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [format("%s:*", aws_cloudwatch_log_group.bastion[0].arn)]
  }
}

resource "aws_iam_role_policy" "execution" {
  count  = var.bastion_enabled ? 1 : 0
  name   = "least-privilege"
  role   = aws_iam_role.execution[0].id
  policy = data.aws_iam_policy_document.execution[0].json
}

data "aws_iam_policy_document" "task_assume" {
  count = var.bastion_enabled ? 1 : 0
  statement {
    sid     = "AssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values = [
        format("arn:aws:ecs:ap-northeast-1:%s:*", data.aws_caller_identity.current.account_id),
      ]
    }
  }
}

resource "aws_iam_role" "task" {
  count              = var.bastion_enabled ? 1 : 0
  name               = "db-access-bastion-task"
  description        = "Lets the bastion register itself with SSM"
  assume_role_policy = data.aws_iam_policy_document.task_assume[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "task" {
  count = var.bastion_enabled ? 1 : 0
  statement {
    sid       = "SsmActivation"
    effect    = "Allow"
    actions   = ["ssm:AddTagsToResource", "ssm:CreateActivation", "ssm:DeleteActivation"]
    resources = ["*"]
  }
  statement {
    sid       = "PassSsmServiceRole"
    effect    = "Allow"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.ssm_service[0].arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ssm.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "task" {
  count  = var.bastion_enabled ? 1 : 0
  name   = "ssm-activation"
  role   = aws_iam_role.task[0].id
  policy = data.aws_iam_policy_document.task[0].json
}

resource "aws_security_group" "bastion" {
  count       = var.bastion_enabled ? 1 : 0
  name        = "db-access-bastion"
  description = "SSM bastion task: no ingress; HTTPS to the endpoints and the target ports in the VPC"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "db-access-bastion" })
}

resource "aws_vpc_security_group_egress_rule" "bastion_https" {
  count             = var.bastion_enabled ? 1 : 0
  security_group_id = aws_security_group.bastion[0].id
  description       = "HTTPS to the VPC endpoints"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "bastion_s3" {
  count             = var.bastion_enabled ? 1 : 0
  security_group_id = aws_security_group.bastion[0].id
  description       = "HTTPS to S3 (image layers) through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_prefix_list.s3.id
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "bastion_target_3306" {
  count             = var.bastion_enabled ? 1 : 0
  security_group_id = aws_security_group.bastion[0].id
  description       = "Port 3306 inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 3306
  to_port           = 3306
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "bastion_target_5432" {
  count             = var.bastion_enabled ? 1 : 0
  security_group_id = aws_security_group.bastion[0].id
  description       = "Port 5432 inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

data "aws_prefix_list" "s3" {
  name = "com.amazonaws.ap-northeast-1.s3"
}

resource "aws_ecs_task_definition" "bastion" {
  count                    = var.bastion_enabled ? 1 : 0
  family                   = "db-access-bastion"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution[0].arn
  task_role_arn            = aws_iam_role.task[0].arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([
    {
      name      = "bastion"
      image     = format("%s:%s", aws_ecr_repository.bastion.repository_url, var.image_tag)
      essential = true
      environment = [
        {
          name  = "AWS_REGION"
          value = "ap-northeast-1"
        },
        {
          name  = "SSM_SERVICE_ROLE"
          value = aws_iam_role.ssm_service[0].name
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.bastion[0].name
          awslogs-region        = "ap-northeast-1"
          awslogs-stream-prefix = "bastion"
        }
      }
    },
  ])
  tags = var.tags
}

resource "aws_ecs_service" "bastion" {
  count            = var.bastion_enabled ? 1 : 0
  name             = "db-access-bastion"
  cluster          = aws_ecs_cluster.bastion[0].arn
  task_definition  = aws_ecs_task_definition.bastion[0].arn
  desired_count    = 1
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.bastion[0].id]
    assign_public_ip = false
  }
  tags = var.tags
}

# Outputs, read by the root module.
output "ecr_repository_url" {
  description = "Push the bastion image here"
  value       = aws_ecr_repository.bastion.repository_url
}

output "ssm_service_role_name" {
  description = "Role the bastion registers with"
  value       = try(aws_iam_role.ssm_service[0].name, null)
}

output "security_group_id" {
  description = "Security group of the bastion task"
  value       = try(aws_security_group.bastion[0].id, null)
}
