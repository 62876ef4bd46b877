variable "service_name" {
  type        = string
  description = "Service name (Service tag)"
  default     = "partner-client"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.service_name))
    error_message = "service_name must be 2-32 lower-case letters, digits and hyphens."
  }
}

variable "owner" {
  type        = string
  description = "Owning team (Owner tag)"
  default     = "team-partners"
  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the owning team."
  }
}

variable "template_version" {
  type        = string
  description = "Version of the template that generated this code (TemplateVersion tag)"
  default     = "unversioned"
}

variable "service_description" {
  type        = string
  description = "What the service does"
  default     = ""
}

variable "vpc_id" {
  type        = string
  description = "ID of the existing VPC"
  default     = "vpc-0a1b2c3d4e5f60718"
  validation {
    condition     = can(regex("^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0a1b2c3d4e5f60718."
  }
}

variable "endpoint_subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for interface endpoints (an endpoint takes at most one subnet per zone)"
  default     = ["subnet-0a1b2c3d4e5f60711", "subnet-0a1b2c3d4e5f60712"]
  validation {
    condition     = length(var.endpoint_subnet_ids) > 0 && alltrue([for item in var.endpoint_subnet_ids : can(regex("^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$", item))])
    error_message = "endpoint_subnet_ids must list subnet IDs, one per Availability Zone."
  }
}

variable "consumer_service_name" {
  type        = string
  description = "PrivateLink service name to connect to"
  default     = "com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718"
  validation {
    condition     = can(regex("^com\\.amazonaws\\.vpce\\.[a-z]{2}(?:-[a-z]+)+-\\d\\.vpce-svc-(?:[0-9a-f]{8}|[0-9a-f]{17})$", var.consumer_service_name))
    error_message = "consumer_service_name must look like com.amazonaws.vpce.<region>.vpce-svc-<id>."
  }
}

variable "consumer_client_cidrs" {
  type        = list(string)
  description = "Networks allowed to call the consumer endpoint"
  default     = ["10.0.0.0/16", "10.1.0.0/16"]
  validation {
    condition     = alltrue([for cidr in var.consumer_client_cidrs : can(cidrhost(cidr, 0)) && !endswith(cidr, "/0")])
    error_message = "consumer_client_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0."
  }
}
