output "arns" {
  description = "Secret name (without prefix) => ARN."
  value       = { for k, s in aws_secretsmanager_secret.this : k => s.arn }
}
