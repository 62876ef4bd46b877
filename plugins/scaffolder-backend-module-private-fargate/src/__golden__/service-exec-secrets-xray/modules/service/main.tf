# Inputs, set by the module block in the root main.tf.
variable "vpc_id" {
  type        = string
  description = "VPC of the service"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC (endpoints and ALB sources)"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the tasks and the internal ALB"
}

variable "image_tag" {
  type        = string
  description = "Image tag to run"
}

variable "desired_count" {
  type        = number
  description = "Number of tasks"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/payments/exec"
  retention_in_days = 90
  tags              = var.tags
}

resource "aws_ecs_cluster" "this" {
  name = "payments"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  configuration {
    execute_command_configuration {
      kms_key_id = "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f"
      logging    = "OVERRIDE"
      log_configuration {
        cloud_watch_log_group_name = aws_cloudwatch_log_group.exec.name
      }
    }
  }
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "service" {
  name              = "/ecs/payments"
  retention_in_days = 90
  tags              = var.tags
}

resource "aws_ecr_repository" "service" {
  name                 = "payments"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "AES256"
  }
  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "service" {
  repository = aws_ecr_repository.service.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Keep the newest 10 images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = 10
        }
        action = {
          type = "expire"
        }
      },
    ]
  })
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
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
  name               = "payments-execution"
  description        = "Lets ECS pull the image, write logs and read the secrets of the task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "execution" {
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
    resources = [aws_ecr_repository.service.arn]
  }
  statement {
    sid       = "WriteLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [format("%s:*", aws_cloudwatch_log_group.service.arn)]
  }
  statement {
    sid       = "ReadSecrets"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf"]
  }
  statement {
    sid       = "ReadParameters"
    effect    = "Allow"
    actions   = ["ssm:GetParameters"]
    resources = ["arn:aws:ssm:ap-northeast-1:123456789012:parameter/payments/api-key"]
  }
  statement {
    sid     = "DecryptSecrets"
    effect  = "Allow"
    actions = ["kms:Decrypt"]
    resources = [
      "arn:aws:kms:ap-northeast-1:123456789012:key/1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60",
    ]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values = [
        "secretsmanager.ap-northeast-1.amazonaws.com",
        "ssm.ap-northeast-1.amazonaws.com",
      ]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "least-privilege"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "task_assume" {
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
  name               = "payments-task"
  description        = "Role of the application containers"
  assume_role_policy = data.aws_iam_policy_document.task_assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "task" {
  statement {
    sid    = "EcsExecChannels"
    effect = "Allow"
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }
  statement {
    sid     = "EcsExecKms"
    effect  = "Allow"
    actions = ["kms:Decrypt"]
    resources = [
      "arn:aws:kms:ap-northeast-1:123456789012:key/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f",
    ]
  }
  statement {
    sid       = "EcsExecLogGroups"
    effect    = "Allow"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["*"]
  }
  statement {
    sid       = "EcsExecLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [format("%s:*", aws_cloudwatch_log_group.exec.arn)]
  }
  statement {
    sid    = "XRayTraces"
    effect = "Allow"
    actions = [
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "least-privilege"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

data "aws_prefix_list" "s3" {
  name = "com.amazonaws.ap-northeast-1.s3"
}

resource "aws_security_group" "task" {
  name        = "payments-task"
  description = "Service tasks"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "payments-task" })
}

resource "aws_vpc_security_group_egress_rule" "task_https_vpc" {
  security_group_id = aws_security_group.task.id
  description       = "HTTPS to the VPC endpoints"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "task_s3" {
  security_group_id = aws_security_group.task.id
  description       = "HTTPS to S3 through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = data.aws_prefix_list.s3.id
  tags              = var.tags
}

resource "aws_ecs_task_definition" "service" {
  family                   = "payments"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "4096"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = format("%s:%s", aws_ecr_repository.service.repository_url, var.image_tag)
      essential = true
      portMappings = [
        {
          containerPort = 9000
          protocol      = "tcp"
        },
      ]
      linuxParameters = {
        initProcessEnabled = true
      }
      secrets = [
        {
          name      = "API_KEY"
          valueFrom = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/payments/api-key"
        },
        {
          name      = "DB_PASSWORD"
          valueFrom = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf:password::"
        },
        {
          name      = "DB_USER"
          valueFrom = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf:username::"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service.name
          awslogs-region        = "ap-northeast-1"
          awslogs-stream-prefix = "app"
        }
      }
    },
  ])
  tags = var.tags
}

resource "aws_ecs_service" "service" {
  name                   = "payments"
  cluster                = aws_ecs_cluster.this.arn
  task_definition        = aws_ecs_task_definition.service.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  platform_version       = "1.4.0"
  enable_execute_command = true
  propagate_tags         = "SERVICE"
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = false
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  tags = var.tags
}

# Outputs, read by the root module.
output "cluster_arn" {
  description = "ARN of the ECS cluster"
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "Name of the ECS service"
  value       = aws_ecs_service.service.name
}

output "task_security_group_id" {
  description = "Security group of the tasks"
  value       = aws_security_group.task.id
}

output "ecr_repository_url" {
  description = "Push images here"
  value       = aws_ecr_repository.service.repository_url
}
