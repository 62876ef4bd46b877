output "cluster_arn" {
  description = "ARN of the ECS cluster"
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "Name of the ECS service"
  value       = aws_ecs_service.service.name
}

output "task_security_group_id" {
  description = "Security group of the tasks"
  value       = aws_security_group.task.id
}

output "ecr_repository_url" {
  description = "Push images here"
  value       = aws_ecr_repository.service.repository_url
}

output "alb_arn" {
  description = "ARN of the internal ALB"
  value       = aws_lb.internal.arn
}

output "alb_dns_name" {
  description = "DNS name of the internal ALB"
  value       = aws_lb.internal.dns_name
}

output "alb_zone_id" {
  description = "Hosted zone of the internal ALB, for alias records"
  value       = aws_lb.internal.zone_id
}

output "alb_listener_arn" {
  description = "ARN of the ALB listener"
  value       = aws_lb_listener.http.arn
}
