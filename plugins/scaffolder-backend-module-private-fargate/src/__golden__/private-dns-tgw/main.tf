locals {
  tags = {
    Service         = var.service_name
    Owner           = var.owner
    ManagedBy       = "private-fargate"
    TemplateVersion = var.template_version
  }
}

module "service" {
  source            = "./modules/service"
  vpc_id            = var.vpc_id
  vpc_cidr          = var.vpc_cidr
  subnet_ids        = var.private_subnet_ids
  on_premises_cidrs = var.on_premises_cidrs
  image_tag         = var.image_tag
  desired_count     = var.desired_count
  tags              = local.tags
}

module "private_dns" {
  source             = "./modules/private-dns"
  vpc_id             = var.vpc_id
  alb_dns_name       = module.service.alb_dns_name
  alb_zone_id        = module.service.alb_zone_id
  route_table_ids    = var.private_route_table_ids
  on_premises_cidrs  = var.on_premises_cidrs
  transit_gateway_id = var.transit_gateway_id
  tags               = local.tags
}
