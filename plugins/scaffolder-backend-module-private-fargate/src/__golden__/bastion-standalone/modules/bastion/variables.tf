variable "bastion_enabled" {
  type        = bool
  description = "Run the bastion and the endpoints only it needs"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the bastion"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the bastion task"
}

variable "endpoint_subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for the bastion endpoints"
}

variable "image_tag" {
  type        = string
  description = "Tag of the bastion image"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
