variable "vpc_id" {
  type        = string
  description = "VPC the endpoints are created in"
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC; the only source admitted on 443"
}

variable "route_table_ids" {
  type        = list(string)
  description = "Private route tables that get the gateway endpoints"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
