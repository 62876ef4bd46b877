output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints, by service"
  value = {
    "ecr.api" = aws_vpc_endpoint.ecr_api.id
    "ecr.dkr" = aws_vpc_endpoint.ecr_dkr.id
    logs      = aws_vpc_endpoint.logs.id
    ecs-agent = aws_vpc_endpoint.ecs_agent.id
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
  value       = [aws_subnet.endpoints_us_east_1a.id, aws_subnet.endpoints_us_east_1b.id]
}
