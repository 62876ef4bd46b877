resource "aws_route53_zone" "private" {
  name    = "hr.corp.internal"
  comment = "Private names of the service, resolvable only inside the VPC (and from on-premises through the resolver)"
  vpc {
    vpc_id = var.vpc_id
  }
  tags = var.tags
}

resource "aws_route53_record" "service" {
  zone_id = aws_route53_zone.private.zone_id
  name    = "portal"
  type    = "A"
  alias {
    name                   = var.alb_dns_name
    zone_id                = var.alb_zone_id
    evaluate_target_health = true
  }
}

# One route per private route table and on-premises CIDR.
resource "aws_route" "on_premises" {
  for_each               = { for pair in setproduct(var.route_table_ids, var.on_premises_cidrs) : "${pair[0]} ${pair[1]}" => { route_table_id = pair[0], cidr = pair[1] } }
  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.cidr
  transit_gateway_id     = var.transit_gateway_id
}
