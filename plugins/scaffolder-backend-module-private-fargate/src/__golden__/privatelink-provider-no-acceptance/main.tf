locals {
  tags = {
    Service         = var.service_name
    Owner           = var.owner
    ManagedBy       = "private-fargate"
    TemplateVersion = var.template_version
  }
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

module "privatelink_provider" {
  source             = "./modules/privatelink-provider"
  vpc_id             = var.vpc_id
  subnet_ids         = var.private_subnet_ids
  alb_arn            = module.service.alb_arn
  alb_listener_port  = 8080
  allowed_principals = var.allowed_principals
  tags               = local.tags
  depends_on         = [module.service]
}
