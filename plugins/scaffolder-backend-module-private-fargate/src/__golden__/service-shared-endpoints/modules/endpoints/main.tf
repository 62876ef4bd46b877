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
  name        = "search-endpoints"
  description = "Interface VPC endpoints: HTTPS from inside the VPC only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "search-endpoints" })
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

# CloudWatch Logs, for the awslogs driver, FireLens to CloudWatch and ECS Exec session logs. Needed
# for: awslogs log driver.
resource "aws_vpc_endpoint" "logs" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "search-logs" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# SQS, for code that sends or receives messages. Needed for: application calls sqs.
resource "aws_vpc_endpoint" "sqs" {
  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.ap-northeast-1.sqs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(var.tags, { Name = "search-sqs" })
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "Private DNS on the VPC endpoints needs both DNS attributes of the VPC on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

# Outputs, read by the root module.
output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints, by service"
  value = {
    logs = aws_vpc_endpoint.logs.id
    sqs  = aws_vpc_endpoint.sqs.id
  }
}

output "gateway_endpoint_ids" {
  description = "IDs of the gateway endpoints, by service"
  value       = {}
}

output "security_group_id" {
  description = "Security group of the interface endpoints"
  value       = aws_security_group.endpoints.id
}

output "subnet_ids" {
  description = "Subnets the interface endpoints use"
  value       = var.subnet_ids
}
