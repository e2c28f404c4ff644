# Secret containers only. Their values are put by an operator (README-deploy.md)
# so that neither the JWT signing key nor the admin password ever passes
# through Terraform state or CI logs. The database password is not here: RDS
# generates and rotates it in its own Secrets Manager secret.

resource "aws_secretsmanager_secret" "this" {
  for_each                = var.secrets
  name                    = "${var.prefix}${each.key}"
  description             = each.value
  recovery_window_in_days = var.recovery_window_days
}
