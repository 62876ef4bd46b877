variable "vpc_id" {
  type        = string
  description = "VPC of the service"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC (endpoints and ALB sources)"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the tasks and the internal ALB"
}

variable "image_tag" {
  type        = string
  description = "Image tag to run"
}

variable "desired_count" {
  type        = number
  description = "Number of tasks"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
