output "zone_id" {
  description = "ID of the private hosted zone"
  value       = aws_route53_zone.private.zone_id
}

output "service_fqdn" {
  description = "Private DNS name of the service"
  value       = aws_route53_record.service.fqdn
}
