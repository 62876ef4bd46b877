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

module "bastion" {
  source                         = "./modules/bastion"
  bastion_enabled                = var.bastion_enabled
  vpc_id                         = var.vpc_id
  vpc_cidr                       = var.vpc_cidr
  subnet_ids                     = var.private_subnet_ids
  endpoint_subnet_ids            = var.endpoint_subnet_ids
  image_tag                      = var.bastion_image_tag
  manage_advanced_instances_tier = var.bastion_manage_advanced_instances_tier
  tags                           = local.tags
}
