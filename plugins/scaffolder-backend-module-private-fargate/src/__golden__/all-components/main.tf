locals {
  tags = {
    Service         = var.service_name
    Owner           = var.owner
    ManagedBy       = "private-fargate"
    TemplateVersion = var.template_version
  }
}

module "endpoints" {
  source          = "./modules/endpoints"
  vpc_id          = var.vpc_id
  vpc_cidr        = var.vpc_cidr
  subnet_ids      = var.endpoint_subnet_ids
  route_table_ids = var.private_route_table_ids
  tags            = local.tags
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

module "privatelink_provider" {
  source             = "./modules/privatelink-provider"
  vpc_id             = var.vpc_id
  subnet_ids         = var.private_subnet_ids
  alb_arn            = module.service.alb_arn
  alb_listener_port  = 80
  allowed_principals = var.allowed_principals
  tags               = local.tags
  depends_on         = [module.service]
}

module "privatelink_consumer" {
  source       = "./modules/privatelink-consumer"
  vpc_id       = var.vpc_id
  subnet_ids   = var.endpoint_subnet_ids
  service_name = var.consumer_service_name
  client_cidrs = var.consumer_client_cidrs
  tags         = local.tags
}

module "bastion" {
  source                         = "./modules/bastion"
  bastion_enabled                = var.bastion_enabled
  vpc_id                         = var.vpc_id
  vpc_cidr                       = var.vpc_cidr
  subnet_ids                     = var.private_subnet_ids
  cluster_arn                    = module.service.cluster_arn
  image_tag                      = var.bastion_image_tag
  manage_advanced_instances_tier = var.bastion_manage_advanced_instances_tier
  tags                           = local.tags
}

module "private_dns" {
  source                 = "./modules/private-dns"
  vpc_id                 = var.vpc_id
  alb_dns_name           = module.service.alb_dns_name
  alb_zone_id            = module.service.alb_zone_id
  resolver_subnet_ids    = var.resolver_subnet_ids
  resolver_allowed_cidrs = var.resolver_allowed_cidrs
  route_table_ids        = var.private_route_table_ids
  on_premises_cidrs      = var.on_premises_cidrs
  transit_gateway_id     = var.transit_gateway_id
  tags                   = local.tags
}
