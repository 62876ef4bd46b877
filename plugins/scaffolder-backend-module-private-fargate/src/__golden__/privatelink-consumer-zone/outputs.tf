output "service_description" {
  description = "What the service does"
  value       = var.service_description
}

output "consumer_endpoint_id" {
  description = "ID of the PrivateLink consumer endpoint, for the catalog annotation private-fargate/consumer-endpoint-ids"
  value       = module.privatelink_consumer.endpoint_id
}

output "consumer_endpoint_dns_name" {
  description = "DNS name of the PrivateLink consumer endpoint"
  value       = module.privatelink_consumer.endpoint_dns_name
}

output "consumer_record_fqdn" {
  description = "Private DNS name of the PrivateLink consumer endpoint"
  value       = module.privatelink_consumer.record_fqdn
}
