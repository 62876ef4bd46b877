locals {
  tags = {
    Service         = var.service_name
    Owner           = var.owner
    ManagedBy       = "private-fargate"
    TemplateVersion = var.template_version
  }
}

module "privatelink_consumer" {
  source       = "./modules/privatelink-consumer"
  vpc_id       = var.vpc_id
  subnet_ids   = var.endpoint_subnet_ids
  service_name = var.consumer_service_name
  client_cidrs = var.consumer_client_cidrs
  tags         = local.tags
}
