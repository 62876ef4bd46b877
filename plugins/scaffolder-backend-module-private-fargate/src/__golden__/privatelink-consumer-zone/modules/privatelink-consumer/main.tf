# Inputs, set by the module block in the root main.tf.
variable "vpc_id" {
  type        = string
  description = "Consumer VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for the endpoint"
}

variable "service_name" {
  type        = string
  description = "PrivateLink service name of the provider"
}

variable "client_cidrs" {
  type        = list(string)
  description = "Networks allowed to call the endpoint"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

resource "aws_security_group" "consumer" {
  name        = "partner-client-privatelink-consumer"
  description = "Endpoint to a PrivateLink service: admits the client networks on the service port"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "partner-client-privatelink-consumer" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each          = toset(var.client_cidrs)
  security_group_id = aws_security_group.consumer.id
  description       = "Service port from a client network"
  ip_protocol       = "tcp"
  from_port         = 8443
  to_port           = 8443
  cidr_ipv4         = each.value
  tags              = var.tags
}

resource "aws_vpc_endpoint" "consumer" {
  vpc_id              = var.vpc_id
  service_name        = var.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.consumer.id]
  tags                = merge(var.tags, { Name = "partner-client-privatelink-consumer" })
}

data "aws_vpc" "this" {
  id = var.vpc_id
}

resource "aws_route53_zone" "consumer" {
  name    = "partner.internal"
  comment = "Private names for a PrivateLink endpoint"
  vpc {
    vpc_id = var.vpc_id
  }
  tags = var.tags
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "The private hosted zone partner.internal needs both DNS attributes of VPC ${var.vpc_id} on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

resource "aws_route53_record" "consumer" {
  zone_id = aws_route53_zone.consumer.zone_id
  name    = "api"
  type    = "A"
  alias {
    name                   = aws_vpc_endpoint.consumer.dns_entry[0].dns_name
    zone_id                = aws_vpc_endpoint.consumer.dns_entry[0].hosted_zone_id
    evaluate_target_health = false
  }
}

# Outputs, read by the root module.
output "endpoint_id" {
  description = "ID of the consumer endpoint"
  value       = aws_vpc_endpoint.consumer.id
}

output "endpoint_dns_name" {
  description = "Regional DNS name of the endpoint"
  value       = aws_vpc_endpoint.consumer.dns_entry[0].dns_name
}

output "record_fqdn" {
  description = "Private DNS name of the endpoint"
  value       = aws_route53_record.consumer.fqdn
}
