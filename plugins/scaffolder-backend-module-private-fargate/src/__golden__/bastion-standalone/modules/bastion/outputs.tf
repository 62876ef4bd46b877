output "ecr_repository_url" {
  description = "Push the bastion image here"
  value       = aws_ecr_repository.bastion.repository_url
}

output "ssm_service_role_name" {
  description = "Role the bastion registers with"
  value       = try(aws_iam_role.ssm_service[0].name, null)
}

output "security_group_id" {
  description = "Security group of the bastion task"
  value       = try(aws_security_group.bastion[0].id, null)
}
