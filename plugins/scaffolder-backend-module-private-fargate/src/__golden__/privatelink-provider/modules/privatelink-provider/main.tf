# Inputs, set by the module block in the root main.tf.
variable "vpc_id" {
  type        = string
  description = "Provider VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the NLB"
}

variable "alb_arn" {
  type        = string
  description = "Internal ALB the NLB forwards to"
}

variable "alb_listener_port" {
  type        = number
  description = "Port of the ALB listener"
}

variable "allowed_principals" {
  type        = list(string)
  description = "Account root or role ARNs allowed to connect"
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource"
}

resource "aws_lb" "nlb" {
  name                             = "tasks-api-nlb"
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = var.subnet_ids
  enable_cross_zone_load_balancing = true
  tags                             = var.tags
}

resource "aws_lb_target_group" "alb" {
  name        = "tasks-api-alb-tg"
  target_type = "alb"
  port        = var.alb_listener_port
  protocol    = "TCP"
  vpc_id      = var.vpc_id
  health_check {
    protocol = "HTTP"
    path     = "/health"
    matcher  = "200-399"
  }
  tags = var.tags
}

resource "aws_lb_target_group_attachment" "alb" {
  target_group_arn = aws_lb_target_group.alb.arn
  target_id        = var.alb_arn
  port             = var.alb_listener_port
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = var.alb_listener_port
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.alb.arn
  }
  tags = var.tags
}

# Every consumer endpoint waits for acceptance; only the allowed principals may ask.
resource "aws_vpc_endpoint_service" "this" {
  acceptance_required        = true
  network_load_balancer_arns = [aws_lb.nlb.arn]
  allowed_principals         = var.allowed_principals
  private_dns_name           = "tasks.api.example.com"
  tags                       = var.tags
}

# Outputs, read by the root module.
output "service_name" {
  description = "Endpoint service name to give to consumers"
  value       = aws_vpc_endpoint_service.this.service_name
}

output "service_id" {
  description = "ID of the endpoint service"
  value       = aws_vpc_endpoint_service.this.id
}

output "nlb_arn" {
  description = "ARN of the internal NLB"
  value       = aws_lb.nlb.arn
}

output "private_dns_name_configuration" {
  description = "TXT record (name, value) to create in the public DNS zone of the private DNS name, so AWS can verify the domain"
  value       = one(aws_vpc_endpoint_service.this.private_dns_name_configuration)
}
