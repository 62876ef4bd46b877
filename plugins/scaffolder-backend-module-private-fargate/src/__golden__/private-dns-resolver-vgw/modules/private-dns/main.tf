# Inputs, set by the module block in the root main.tf.
variable "vpc_id" {
  type        = string
  description = "VPC the zone is associated with"
}

variable "alb_dns_name" {
  type        = string
  description = "DNS name of the internal ALB"
}

variable "alb_zone_id" {
  type        = string
  description = "Hosted zone ID of the internal ALB"
}

variable "resolver_subnet_ids" {
  type        = list(string)
  description = "Two subnets for the inbound resolver endpoint"
}

variable "resolver_allowed_cidrs" {
  type        = list(string)
  description = "On-premises DNS forwarders"
}

variable "route_table_ids" {
  type        = list(string)
  description = "Private route tables that get the on-premises routes"
}

variable "on_premises_cidrs" {
  type        = list(string)
  description = "On-premises networks"
}

variable "virtual_private_gateway_id" {
  type        = string
  description = "Virtual private gateway to on-premises"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

data "aws_vpc" "this" {
  id = var.vpc_id
}

resource "aws_route53_zone" "private" {
  name    = "corp.internal"
  comment = "Private names of the service, resolvable only inside the VPC (and from on-premises through the resolver)"
  vpc {
    vpc_id = var.vpc_id
  }
  tags = var.tags
  lifecycle {
    precondition {
      condition     = data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames
      error_message = "The private hosted zone corp.internal needs both DNS attributes of VPC ${var.vpc_id} on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again."
    }
  }
}

resource "aws_route53_record" "service" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "ledger"
  type    = "A"
  alias {
    name                   = var.alb_dns_name
    zone_id                = var.alb_zone_id
    evaluate_target_health = true
  }
}

resource "aws_security_group" "resolver" {
  name        = "ledger-resolver"
  description = "Inbound Route 53 Resolver: DNS from the on-premises forwarders only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "ledger-resolver" })
}

resource "aws_vpc_security_group_ingress_rule" "resolver_dns_tcp" {
  for_each          = toset(var.resolver_allowed_cidrs)
  security_group_id = aws_security_group.resolver.id
  description       = "DNS over TCP from on-premises"
  ip_protocol       = "tcp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = each.value
  tags              = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "resolver_dns_udp" {
  for_each          = toset(var.resolver_allowed_cidrs)
  security_group_id = aws_security_group.resolver.id
  description       = "DNS over UDP from on-premises"
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = each.value
  tags              = var.tags
}

resource "aws_route53_resolver_endpoint" "inbound" {
  name               = "ledger-inbound"
  direction          = "INBOUND"
  security_group_ids = [aws_security_group.resolver.id]
  ip_address {
    subnet_id = var.resolver_subnet_ids[0]
  }
  ip_address {
    subnet_id = var.resolver_subnet_ids[1]
  }
  tags = var.tags
}

# One route per private route table and on-premises CIDR.
resource "aws_route" "on_premises" {
  for_each               = { for pair in setproduct(var.route_table_ids, var.on_premises_cidrs) : "${pair[0]} ${pair[1]}" => { route_table_id = pair[0], cidr = pair[1] } }
  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.cidr
  gateway_id             = var.virtual_private_gateway_id
}

# Outputs, read by the root module.
output "zone_id" {
  description = "ID of the private hosted zone"
  value       = aws_route53_zone.private.zone_id
}

output "service_fqdn" {
  description = "Private DNS name of the service"
  value       = aws_route53_record.service.fqdn
}

output "resolver_ip_addresses" {
  description = "Forward the zone to these addresses from on-premises"
  value       = aws_route53_resolver_endpoint.inbound.ip_address[*].ip
}
