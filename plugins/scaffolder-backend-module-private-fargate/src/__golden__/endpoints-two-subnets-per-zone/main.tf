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
