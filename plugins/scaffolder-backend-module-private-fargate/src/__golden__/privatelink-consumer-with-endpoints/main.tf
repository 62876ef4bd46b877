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
  route_table_ids = var.private_route_table_ids
  tags            = local.tags
}

module "service" {
  source        = "./modules/service"
  vpc_id        = var.vpc_id
  vpc_cidr      = var.vpc_cidr
  subnet_ids    = var.private_subnet_ids
  image_tag     = var.image_tag
  desired_count = var.desired_count
  tags          = local.tags
}

module "privatelink_consumer" {
  source       = "./modules/privatelink-consumer"
  vpc_id       = var.vpc_id
  subnet_ids   = module.endpoints.subnet_ids
  service_name = var.consumer_service_name
  client_cidrs = var.consumer_client_cidrs
  tags         = local.tags
}
