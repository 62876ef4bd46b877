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
