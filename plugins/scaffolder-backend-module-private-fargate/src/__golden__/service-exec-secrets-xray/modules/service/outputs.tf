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
