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
