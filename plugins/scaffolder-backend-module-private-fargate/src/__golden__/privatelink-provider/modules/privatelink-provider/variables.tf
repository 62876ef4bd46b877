variable "vpc_id" {
  type        = string
  description = "Provider VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the NLB"
}

variable "alb_arn" {
  type        = string
  description = "Internal ALB the NLB forwards to"
}

variable "alb_listener_port" {
  type        = number
  description = "Port of the ALB listener"
}

variable "allowed_principals" {
  type        = list(string)
  description = "Account root or role ARNs allowed to connect"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
