variable "service_name" {
  type        = string
  description = "Service name (Service tag)"
  default     = "everything"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.service_name))
    error_message = "service_name must be 2-32 lower-case letters, digits and hyphens."
  }
}

variable "owner" {
  type        = string
  description = "Owning team (Owner tag)"
  default     = "team-platform"
  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the owning team."
  }
}

variable "template_version" {
  type        = string
  description = "Version of the template that generated this code (TemplateVersion tag)"
  default     = "3.0.0"
}

variable "service_description" {
  type        = string
  description = "What the service does"
  default     = "Every component at once, with \"quotes\", $${not_interpolated} and %%{ directives } kept literal.\nSecond line."
}

variable "vpc_id" {
  type        = string
  description = "ID of the existing VPC"
  default     = "vpc-0123456789abcdef0"
  validation {
    condition     = can(regex("^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0a1b2c3d4e5f60718."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "Primary IPv4 CIDR of the VPC"
  default     = "172.16.0.0/16"
  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be an IPv4 CIDR block like 10.0.0.0/16."
  }
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets the tasks run in"
  default     = ["subnet-01111111", "subnet-02222222", "subnet-03333333"]
  validation {
    condition     = length(var.private_subnet_ids) > 0 && alltrue([for item in var.private_subnet_ids : can(regex("^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$", item))])
    error_message = "private_subnet_ids must list subnet IDs like subnet-0a1b2c3d4e5f60718."
  }
}

variable "endpoint_subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for interface endpoints (an endpoint takes at most one subnet per zone)"
  default     = ["subnet-01111111", "subnet-02222222", "subnet-03333333"]
  validation {
    condition     = length(var.endpoint_subnet_ids) > 0 && alltrue([for item in var.endpoint_subnet_ids : can(regex("^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$", item))])
    error_message = "endpoint_subnet_ids must list subnet IDs, one per Availability Zone."
  }
}

variable "private_route_table_ids" {
  type        = list(string)
  description = "Every route table of the private subnets"
  default     = ["rtb-01111111", "rtb-02222222", "rtb-03333333"]
  validation {
    condition     = length(var.private_route_table_ids) > 0 && alltrue([for item in var.private_route_table_ids : can(regex("^rtb-(?:[0-9a-f]{8}|[0-9a-f]{17})$", item))])
    error_message = "private_route_table_ids must list route table IDs like rtb-0a1b2c3d4e5f60718."
  }
}

variable "image_tag" {
  type        = string
  description = "Image tag to deploy (the repository has immutable tags)"
  default     = "1.0.0"
  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$", var.image_tag))
    error_message = "image_tag must be a Docker tag like 1.0.0."
  }
}

variable "desired_count" {
  type        = number
  description = "Number of tasks"
  default     = 2
  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 100 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number from 0 to 100."
  }
}

variable "bastion_enabled" {
  type        = bool
  description = "Run the SSM bastion; false removes its task and the endpoints only it needs (they bill by the hour)"
  default     = true
}

variable "bastion_manage_advanced_instances_tier" {
  type        = bool
  description = "Switch Systems Manager in this account and Region to the advanced-instances tier, which Session Manager needs for nodes registered through an activation such as the bastion (account-wide; billed per advanced node-hour; destroying the setting resets the account to the standard tier)"
  default     = false
}

variable "bastion_image_tag" {
  type        = string
  description = "Tag of the bastion image"
  default     = "1.0.0"
  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$", var.bastion_image_tag))
    error_message = "bastion_image_tag must be a Docker tag like 1.0.0."
  }
}

variable "allowed_principals" {
  type        = list(string)
  description = "Account root or role ARNs allowed to connect to the endpoint service"
  default     = ["arn:aws:iam::210987654321:root"]
  validation {
    condition     = alltrue([for item in var.allowed_principals : can(regex("^arn:aws:iam::\\d{12}:(?:root|role\\/[\\w+=,.@-]{1,64})$", item))])
    error_message = "allowed_principals must be arn:aws:iam::<account>:root or arn:aws:iam::<account>:role/<name> ARNs, roles without a path: PrivateLink refuses principal ARNs with path components, so allow the account root instead."
  }
}

variable "consumer_service_name" {
  type        = string
  description = "PrivateLink service name to connect to"
  default     = "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718"
  validation {
    condition     = can(regex("^com\\.amazonaws\\.vpce\\.[a-z]{2}(?:-[a-z]+)+-\\d\\.vpce-svc-(?:[0-9a-f]{8}|[0-9a-f]{17})$", var.consumer_service_name))
    error_message = "consumer_service_name must look like com.amazonaws.vpce.<region>.vpce-svc-<id>."
  }
}

variable "consumer_client_cidrs" {
  type        = list(string)
  description = "Networks allowed to call the consumer endpoint"
  default     = ["172.16.0.0/16"]
  validation {
    condition     = alltrue([for cidr in var.consumer_client_cidrs : can(cidrhost(cidr, 0)) && !endswith(cidr, "/0")])
    error_message = "consumer_client_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0."
  }
}

variable "resolver_subnet_ids" {
  type        = list(string)
  description = "Two subnets for the inbound Resolver endpoint"
  default     = ["subnet-01111111", "subnet-02222222"]
  validation {
    condition     = length(var.resolver_subnet_ids) == 2 && alltrue([for item in var.resolver_subnet_ids : can(regex("^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$", item))])
    error_message = "resolver_subnet_ids must list exactly two subnet IDs."
  }
}

variable "resolver_allowed_cidrs" {
  type        = list(string)
  description = "On-premises DNS forwarders allowed to query the resolver"
  default     = ["10.99.0.0/24"]
  validation {
    condition     = alltrue([for cidr in var.resolver_allowed_cidrs : can(cidrhost(cidr, 0)) && !endswith(cidr, "/0")])
    error_message = "resolver_allowed_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0."
  }
}

variable "on_premises_cidrs" {
  type        = list(string)
  description = "On-premises networks routed through the gateway"
  default     = ["10.99.0.0/16"]
  validation {
    condition     = alltrue([for cidr in var.on_premises_cidrs : can(cidrhost(cidr, 0)) && !endswith(cidr, "/0")])
    error_message = "on_premises_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0 (the internal ALB admits them)."
  }
}

variable "transit_gateway_id" {
  type        = string
  description = "Transit gateway to on-premises"
  default     = "tgw-0a1b2c3d4e5f60718"
  validation {
    condition     = can(regex("^tgw-(?:[0-9a-f]{8}|[0-9a-f]{17})$", var.transit_gateway_id))
    error_message = "transit_gateway_id must look like tgw-0a1b2c3d4e5f60718."
  }
}
