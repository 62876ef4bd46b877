output "service_description" {
  description = "What the service does"
  value       = var.service_description
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

output "service_fqdn" {
  description = "Private DNS name of the service"
  value       = module.private_dns.service_fqdn
}
