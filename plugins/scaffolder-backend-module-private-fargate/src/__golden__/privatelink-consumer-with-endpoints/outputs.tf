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

output "consumer_endpoint_id" {
  description = "ID of the PrivateLink consumer endpoint, for the catalog annotation private-fargate/consumer-endpoint-ids"
  value       = module.privatelink_consumer.endpoint_id
}

output "consumer_endpoint_dns_name" {
  description = "DNS name of the PrivateLink consumer endpoint"
  value       = module.privatelink_consumer.endpoint_dns_name
}
