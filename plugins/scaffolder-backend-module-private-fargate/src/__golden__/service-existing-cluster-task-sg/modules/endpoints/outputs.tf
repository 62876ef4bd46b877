output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints, by service"
  value = {
    "ecr.dkr" = aws_vpc_endpoint.ecr_dkr.id
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
