output "service_description" {
  description = "What the service does"
  value       = var.service_description
}

output "interface_endpoint_ids" {
  description = "IDs of the interface endpoints, by service"
  value       = module.endpoints.interface_endpoint_ids
}

output "gateway_endpoint_ids" {
  description = "IDs of the gateway endpoints, by service"
  value       = module.endpoints.gateway_endpoint_ids
}

output "ecs_service_name" {
  description = "Name of the ECS service"
  value       = module.service.service_name
}

output "ecr_repository_url" {
  description = "Push images here"
  value       = module.service.ecr_repository_url
}

output "alb_dns_name" {
  description = "DNS name of the internal ALB"
  value       = module.service.alb_dns_name
}

output "endpoint_service_name" {
  description = "PrivateLink service name for consumers"
  value       = module.privatelink_provider.service_name
}

output "endpoint_service_id" {
  description = "ID of the endpoint service, for the catalog annotation private-fargate/endpoint-service-id"
  value       = module.privatelink_provider.service_id
}

output "private_dns_name_configuration" {
  description = "TXT record (name, value) to create in the public DNS zone of the private DNS name, so AWS can verify the domain"
  value       = module.privatelink_provider.private_dns_name_configuration
}
