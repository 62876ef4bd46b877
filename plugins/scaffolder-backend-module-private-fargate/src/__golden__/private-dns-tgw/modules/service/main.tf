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

variable "on_premises_cidrs" {
  type        = list(string)
  description = "On-premises networks the internal ALB admits on its listener port"
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

resource "aws_ecs_cluster" "this" {
  name = "hr-portal"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "service" {
  name              = "/ecs/hr-portal"
  retention_in_days = 30
  tags              = var.tags
}

resource "aws_ecr_repository" "service" {
  name                 = "hr-portal"
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
        description  = "Keep the newest 30 images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = 30
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
  name               = "hr-portal-execution"
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
  name               = "hr-portal-task"
  description        = "Role of the application containers"
  assume_role_policy = data.aws_iam_policy_document.task_assume.json
  tags               = var.tags
}

data "aws_prefix_list" "s3" {
  name = "com.amazonaws.ap-northeast-1.s3"
}

resource "aws_security_group" "task" {
  name        = "hr-portal-task"
  description = "Service tasks"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "hr-portal-task" })
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

resource "aws_security_group" "alb" {
  name        = "hr-portal-alb"
  description = "Internal ALB: admits only the VPC (including the PrivateLink NLB)"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "hr-portal-alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_vpc" {
  security_group_id = aws_security_group.alb.id
  description       = "Listener port from the VPC"
  ip_protocol       = "tcp"
  from_port         = 8080
  to_port           = 8080
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_on_premises" {
  for_each          = toset(var.on_premises_cidrs)
  security_group_id = aws_security_group.alb.id
  description       = "Listener port from an on-premises network"
  ip_protocol       = "tcp"
  from_port         = 8080
  to_port           = 8080
  cidr_ipv4         = each.value
  tags              = var.tags
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Container port on the tasks"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.task.id
  tags                         = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "task_from_alb" {
  security_group_id            = aws_security_group.task.id
  description                  = "Container port from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.alb.id
  tags                         = var.tags
}

resource "aws_lb" "internal" {
  name                       = "hr-portal-alb"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  tags                       = var.tags
}

resource "aws_lb_target_group" "service" {
  name        = "hr-portal-tg"
  target_type = "ip"
  port        = 8080
  protocol    = "HTTP"
  vpc_id      = var.vpc_id
  health_check {
    path    = "/health"
    matcher = "200-399"
  }
  tags = var.tags
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.internal.arn
  port              = 8080
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service.arn
  }
  tags = var.tags
}

resource "aws_ecs_task_definition" "service" {
  family                   = "hr-portal"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
  container_definitions = jsonencode([
    {
      name      = "app"
      image     = format("%s:%s", aws_ecr_repository.service.repository_url, var.image_tag)
      essential = true
      portMappings = [
        {
          containerPort = 8080
          protocol      = "tcp"
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
  name                   = "hr-portal"
  cluster                = aws_ecs_cluster.this.arn
  task_definition        = aws_ecs_task_definition.service.arn
  desired_count          = var.desired_count
  launch_type            = "FARGATE"
  platform_version       = "1.4.0"
  enable_execute_command = false
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
  load_balancer {
    target_group_arn = aws_lb_target_group.service.arn
    container_name   = "app"
    container_port   = 8080
  }
  depends_on = [aws_lb_listener.http]
  tags       = var.tags
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

output "alb_arn" {
  description = "ARN of the internal ALB"
  value       = aws_lb.internal.arn
}

output "alb_dns_name" {
  description = "DNS name of the internal ALB"
  value       = aws_lb.internal.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the internal ALB, for alias records"
  value       = aws_lb.internal.zone_id
}

output "alb_listener_arn" {
  description = "ARN of the ALB listener"
  value       = aws_lb_listener.http.arn
}
