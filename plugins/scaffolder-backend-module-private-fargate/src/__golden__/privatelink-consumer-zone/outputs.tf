output "service_description" {
  description = "What the service does"
  value       = var.service_description
}

output "consumer_endpoint_dns_name" {
  description = "DNS name of the PrivateLink consumer endpoint"
  value       = module.privatelink_consumer.endpoint_dns_name
}
