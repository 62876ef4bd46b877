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
  name        = "consumer-app-privatelink-consumer"
  description = "Endpoint to a PrivateLink service: admits the client networks on the service port"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "consumer-app-privatelink-consumer" })
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each          = toset(var.client_cidrs)
  security_group_id = aws_security_group.consumer.id
  description       = "Service port from a client network"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
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
  tags                = merge(var.tags, { Name = "consumer-app-privatelink-consumer" })
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
