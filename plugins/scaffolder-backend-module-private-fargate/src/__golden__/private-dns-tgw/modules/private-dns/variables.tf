variable "vpc_id" {
  type        = string
  description = "VPC the zone is associated with"
}

variable "alb_dns_name" {
  type        = string
  description = "DNS name of the internal ALB"
}

variable "alb_zone_id" {
  type        = string
  description = "Hosted zone ID of the internal ALB"
}

variable "route_table_ids" {
  type        = list(string)
  description = "Private route tables that get the on-premises routes"
}

variable "on_premises_cidrs" {
  type        = list(string)
  description = "On-premises networks"
}

variable "transit_gateway_id" {
  type        = string
  description = "Transit gateway to on-premises"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}
