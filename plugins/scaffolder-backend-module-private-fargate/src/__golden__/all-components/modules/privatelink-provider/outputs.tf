output "service_name" {
  description = "Endpoint service name to give to consumers"
  value       = aws_vpc_endpoint_service.this.service_name
}

output "service_id" {
  description = "ID of the endpoint service"
  value       = aws_vpc_endpoint_service.this.id
}

output "nlb_arn" {
  description = "ARN of the internal NLB"
  value       = aws_lb.nlb.arn
}
