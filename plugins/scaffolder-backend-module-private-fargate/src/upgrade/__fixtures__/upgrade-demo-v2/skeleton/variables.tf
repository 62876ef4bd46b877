variable "log_retention_days" {
  description = "Days CloudWatch keeps the service's logs"
  type        = number
  default     = ${{ values.logRetentionDays }}
}
