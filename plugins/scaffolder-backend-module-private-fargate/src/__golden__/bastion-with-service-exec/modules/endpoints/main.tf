# Inputs, set by the module block in the root main.tf.
variable "vpc_id" {
  type        = string
  description = "VPC the endpoints are created in"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC; the only source admitted on 443"
}

variable "subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for the interface endpoints"
}

variable "route_table_ids" {
  type        = list(string)
  description = "Private route tables that get the gateway endpoints"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

data "aws_vpc" "this" {
  id = var.vpc_id
}

resource "aws_security_group" "endpoints" {
  name        = "inventory-endpoints"
  description = "Interface VPC endpoints: HTTPS from inside the VPC only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "inventory-endpoints" })
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
  tags              = var.tags
}

# ECR API (GetAuthorizationToken, manifests); needed for image pulls on Fargate 1.4.0+ and EC2.
# Needed for: pull images from private ECR.
resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "inventory-ecr-api" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# Docker Registry API of ECR; every ECR image pull goes through it. Needed for: pull images from
# private ECR.
resource "aws_vpc_endpoint" "ecr_dkr" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "inventory-ecr-dkr" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# CloudWatch Logs, for the awslogs driver, FireLens to CloudWatch and ECS Exec session logs. Needed
# for: awslogs log driver.
resource "aws_vpc_endpoint" "logs" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "inventory-logs" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# Session Manager message channel used by ECS Exec and SSM sessions. Needed for: ECS Exec, SSM
# Session Manager bastion.
resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "inventory-ssmmessages" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

data "aws_iam_policy_document" "s3_gateway" {
  statement {
    sid       = "EcrImageLayers"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# ECR stores image layers in S3; layers download through the S3 gateway endpoint (free). Needed for:
# pull images from private ECR.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.ap-northeast-1.s3"
  vpc_endpoint_type = "Gateway"
  policy            = data.aws_iam_policy_document.s3_gateway.json
  tags              = merge(var.tags, { Name = "inventory-s3" })
}

resource "aws_vpc_endpoint_route_table_association" "s3" {
  for_each        = toset(var.route_table_ids)
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = each.value
}

# Outputs, read by the root module.
output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints, by service"
  value = {
    "ecr.api"   = aws_vpc_endpoint.ecr_api.id
    "ecr.dkr"   = aws_vpc_endpoint.ecr_dkr.id
    logs        = aws_vpc_endpoint.logs.id
    ssmmessages = aws_vpc_endpoint.ssmmessages.id
  }
}

output "gateway_endpoint_ids" {
  description = "IDs of the gateway endpoints, by service"
  value = {
    s3 = aws_vpc_endpoint.s3.id
  }
}

output "security_group_id" {
  description = "Security group of the interface endpoints"
  value       = aws_security_group.endpoints.id
}

output "subnet_ids" {
  description = "Subnets the interface endpoints use"
  value       = var.subnet_ids
}
