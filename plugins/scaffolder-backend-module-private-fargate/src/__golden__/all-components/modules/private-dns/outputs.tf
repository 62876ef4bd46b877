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
