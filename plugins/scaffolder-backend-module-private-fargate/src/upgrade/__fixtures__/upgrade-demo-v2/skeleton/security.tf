resource "aws_security_group_rule" "app_ingress" {
  type              = "ingress"
  from_port         = 8080
  to_port           = 8080
  protocol          = "tcp"
  cidr_blocks       = ["${{ values.vpcCidr }}"]
  security_group_id = aws_security_group.app.id
}
