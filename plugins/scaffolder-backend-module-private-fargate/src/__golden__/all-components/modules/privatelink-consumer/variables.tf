variable "vpc_id" {
  type        = string
  description = "Consumer VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "One subnet per Availability Zone for the endpoint"
}

variable "service_name" {
  type        = string
  description = "PrivateLink service name of the provider"
}

variable "client_cidrs" {
  type        = list(string)
  description = "Networks allowed to call the endpoint"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
